import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { MaxWwTeamGuard } from '../max-ww-team';
import { CreateExclusionDto, ExclusionDto, SelectionDto, SelectionQuery } from './dto/selection.dto';
import { SelectionService } from './selection.service';

@ApiTags('max-ww')
@Controller('api/max-ww')
@Roles(Role.ADVISER, Role.ADMIN)
@UseGuards(MaxWwTeamGuard)
export class SelectionController {
  constructor(private readonly selection: SelectionService) {}

  @Get('selection')
  @ApiOkResponse({
    type: SelectionDto,
    description: 'WW clients whose WW ends in the month or months-ahead window, soonest first; audited',
  })
  select(@CurrentUser() user: AuthenticatedUser, @Query() query: SelectionQuery): Promise<SelectionDto> {
    return this.selection.select(user, query);
  }

  @Post('exclusions')
  @ApiCreatedResponse({ type: ExclusionDto, description: 'The client is flagged: not to be invited, with the reason' })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND: no WW client you may see' })
  @ApiConflictResponse({ description: 'ALREADY_EXCLUDED' })
  exclude(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateExclusionDto): Promise<ExclusionDto> {
    return this.selection.exclude(user, body);
  }

  @Post('exclusions/:id/lift')
  @HttpCode(200)
  @ApiOkResponse({ type: ExclusionDto, description: 'The flag lifted (kept, with who lifted it)' })
  @ApiNotFoundResponse({ description: 'EXCLUSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EXCLUSION_LIFTED' })
  lift(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ExclusionDto> {
    return this.selection.lift(user, id);
  }
}
