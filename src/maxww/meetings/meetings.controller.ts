import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { MaxWwTeamGuard } from '../max-ww-team';
import { RouteDto } from '../selection/dto/selection.dto';
import {
  AttendanceDto,
  CancelMeetingDto,
  CreateMeetingDto,
  CreateRouteDto,
  AbsenteeCallDto,
  InvitationLetterDto,
  InviteDto,
  InviteeDto,
  MeetingAttendanceDto,
  MeetingDto,
  MeetingListQuery,
  MeetingSummaryDto,
  TeamMemberDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('max-ww')
@Controller('api/max-ww')
@Roles(Role.ADVISER, Role.ADMIN)
@UseGuards(MaxWwTeamGuard)
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('team')
  @ApiOkResponse({ type: [TeamMemberDto], description: 'Active advisers of UWV and the staffing firm: the hosts' })
  team(): Promise<TeamMemberDto[]> {
    return this.meetings.team();
  }

  @Get('meetings')
  @ApiOkResponse({ type: [MeetingSummaryDto], description: 'Latest first, with invited, came, absent, followed up' })
  list(@Query() query: MeetingListQuery): Promise<MeetingSummaryDto[]> {
    return this.meetings.list(query);
  }

  @Post('meetings')
  @ApiCreatedResponse({ type: MeetingDto })
  plan(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.plan(user, body);
  }

  @Get('meetings/:id')
  @ApiOkResponse({ type: MeetingDto, description: 'The meeting and its invitees (audited)' })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND' })
  one(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingDto> {
    return this.meetings.meeting(user, id);
  }

  @Patch('meetings/:id')
  @ApiOkResponse({ type: MeetingDto, description: 'Date, place, capacity or hosts changed before the meeting begins' })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description:
      'VALIDATION_FAILED, MEETING_IN_PAST, MEETING_TOO_FAR, CAPACITY_BELOW_INVITED, MEETING_BEFORE_INVITATION, ' +
      'NOT_A_LATER_MEETING, HOST_NOT_IN_TEAM',
  })
  @ApiConflictResponse({ description: 'MEETING_STARTED, MEETING_CANCELLED, STALE_VERSION' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.update(user, id, body);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeetingDto,
    description: 'Cancelled with a reason before it begins; its invitations lapse (no one absent, invitable again)',
  })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'MEETING_STARTED, MEETING_CANCELLED, STALE_VERSION' })
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.cancel(user, id, body);
  }

  @Post('meetings/:id/invitations')
  @ApiCreatedResponse({ type: MeetingDto, description: 'All invited in one transaction, or none' })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'MEETING_FULL, MEETING_PASSED, MEETING_CANCELLED, CANDIDATE_EXCLUDED, ALREADY_INVITED, INVITED_TWICE, ' +
      'FIRST_INVITATION_OPEN, ALREADY_ATTENDED, NOT_A_LATER_MEETING, CANDIDATE_ROUTED (details.candidateIds)',
  })
  invite(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: InviteDto,
  ): Promise<MeetingDto> {
    return this.meetings.invite(user, id, body);
  }

  @Post('meetings/:id/attendance')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingDto, description: 'The register of the whole meeting, in one transaction' })
  @ApiConflictResponse({ description: 'MEETING_NOT_HELD, ATTENDANCE_LOCKED' })
  registerAll(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MeetingAttendanceDto,
  ): Promise<MeetingDto> {
    return this.meetings.registerMeetingAttendance(user, id, body);
  }

  @Get('invitations/:id/letter')
  @ApiOkResponse({ type: InvitationLetterDto, description: 'The text for the work folder or e-mail (audited)' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  letter(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<InvitationLetterDto> {
    return this.meetings.letter(user, id);
  }

  @Put('invitations/:id/attendance')
  @ApiOkResponse({
    type: InviteeDto,
    description: 'Came or not; a second ABSENT hands the client over to the UWV adviser (route TWO_NO_SHOWS)',
  })
  @ApiConflictResponse({ description: 'MEETING_NOT_HELD, ATTENDANCE_LOCKED' })
  register(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AttendanceDto,
  ): Promise<InviteeDto> {
    return this.meetings.registerAttendance(user, id, body.attendance);
  }

  @Post('invitations/:id/follow-up')
  @HttpCode(200)
  @ApiOkResponse({ type: InviteeDto, description: 'The absentee was called: reached or not' })
  @ApiConflictResponse({ description: 'NOT_ABSENT' })
  followUp(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AbsenteeCallDto,
  ): Promise<InviteeDto> {
    return this.meetings.followUp(user, id, body.outcome);
  }

  @Post('routes')
  @ApiCreatedResponse({ type: RouteDto, description: 'Triage of a client who came: decided by the signed-in user' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'NOT_PRESENT, ROUTE_EXISTS' })
  route(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateRouteDto): Promise<RouteDto> {
    return this.meetings.route(user, body);
  }
}
