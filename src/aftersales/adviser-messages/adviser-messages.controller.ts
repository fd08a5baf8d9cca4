import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { AdviserMessageDto, AdviserMessageQuery } from './dto/adviser-message.dto';
import { AdviserMessagesService } from './adviser-messages.service';

/** Advisers hear of their clients; a matcher hears of the clients without an adviser they placed. */
@ApiTags('aftersales')
@Controller('api/advisers/me/messages')
export class AdviserMessagesController {
  constructor(private readonly messages: AdviserMessagesService) {}

  @Get()
  @Roles(Role.ADVISER, Role.MATCHER, Role.ADMIN)
  @ApiOkResponse({ type: [AdviserMessageDto], description: 'Your messages: unread first, then newest; at most 200' })
  inbox(@CurrentUser() user: AuthenticatedUser, @Query() query: AdviserMessageQuery): Promise<AdviserMessageDto[]> {
    return this.messages.inbox(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(Role.ADVISER, Role.MATCHER, Role.ADMIN)
  @ApiOkResponse({ type: AdviserMessageDto })
  @ApiNotFoundResponse({ description: 'ADVISER_MESSAGE_NOT_FOUND' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<AdviserMessageDto> {
    return this.messages.markRead(user, id);
  }
}
