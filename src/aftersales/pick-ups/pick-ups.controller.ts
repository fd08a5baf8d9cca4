import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { PickUpDto, PickUpListQuery } from './dto/pick-up.dto';
import { PickUpsService } from './pick-ups.service';

@ApiTags('aftersales')
@Controller('api/pick-ups')
export class PickUpsController {
  constructor(private readonly pickUps: PickUpsService) {}

  @Get()
  @Roles(Role.MATCHER, Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: [PickUpDto],
    description: 'Clients whose job ended and whom nobody has proposed or picked up since; longest waiting first',
  })
  waiting(@CurrentUser() user: AuthenticatedUser, @Query() query: PickUpListQuery): Promise<PickUpDto[]> {
    return this.pickUps.waiting(user, query);
  }

  @Post(':id/picked-up')
  @HttpCode(200)
  @Roles(Role.MATCHER, Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: PickUpDto })
  @ApiNotFoundResponse({ description: 'PICK_UP_NOT_FOUND' })
  markPickedUp(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PickUpDto> {
    return this.pickUps.markPickedUp(user, id);
  }
}
