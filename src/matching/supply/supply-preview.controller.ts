import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { SupplyPreviewDto, SupplyPreviewRequestDto } from './dto/supply-preview.dto';
import { SupplyPreviewService } from './supply-preview.service';

@ApiTags('matching')
@Controller('api/vacancies')
export class SupplyPreviewController {
  constructor(private readonly supply: SupplyPreviewService) {}

  @Post('supply-preview')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.SALES, Role.MATCHER, Role.MANAGER)
  @ApiOperation({
    summary:
      'Counts for an unsaved vacancy profile: who meets it now, what each requirement excludes, what relaxing one adds',
    description:
      'Counts only, never a candidate; only candidates your organisation may see (the same rule and engine as the ranked ' +
      'list). A POST because the profile is the body; nothing is stored. Salesmanagers: for their own unit (unitId).',
  })
  @ApiOkResponse({ type: SupplyPreviewDto })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, POSTCODE_UNKNOWN, CERTIFICATE_NOT_SELECTABLE' })
  preview(@CurrentUser() user: AuthenticatedUser, @Body() body: SupplyPreviewRequestDto): Promise<SupplyPreviewDto> {
    return this.supply.preview(user, body);
  }
}
