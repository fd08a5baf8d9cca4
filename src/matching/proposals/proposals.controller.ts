import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import {
  CreateProposalDto,
  MismatchDto,
  ProposalDto,
  ProposalListQuery,
  ProposalPageDto,
  ProposalResultDto,
  ProposalTransitionDto,
} from './dto/proposal.dto';
import { ProposalsService } from './proposals.service';

const READERS = [Role.MATCHER, Role.SALES, Role.MANAGER, Role.ADMIN];

@ApiTags('proposals')
@Controller('api')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post('vacancies/:id/proposals')
  @Roles(Role.MATCHER, Role.ADVISER, Role.ADMIN)
  @ApiCreatedResponse({
    type: ProposalResultDto,
    description:
      'Shortlisted, with the score snapshot; warnings when the vacancy has many proposals. An adviser proposes ' +
      'their own clients only, after the client said INTERESTED to the offer of this vacancy',
  })
  @ApiNotFoundResponse({ description: 'VACANCY_NOT_FOUND, CANDIDATE_NOT_FOUND (also when you may not see it)' })
  @ApiForbiddenResponse({ description: 'NOT_OWN_CLIENT: an adviser proposes their own clients only' })
  @ApiUnprocessableEntityResponse({ description: 'REQUIREMENT_NOT_MET: the failed requirement and its sentence' })
  @ApiConflictResponse({
    description: 'PROPOSAL_OPEN_ALREADY, VACANCY_NOT_OPEN, CLIENT_NOT_INTERESTED (an adviser without a yes)',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateProposalDto,
  ): Promise<ProposalResultDto> {
    return this.proposals.create(user, id, body.candidateId);
  }

  @Get('vacancies/:id/proposals')
  @Roles(...READERS)
  @ApiOkResponse({ type: ProposalPageDto })
  forVacancy(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ProposalListQuery,
  ): Promise<ProposalPageDto> {
    return this.proposals.forVacancy(user, id, query);
  }

  @Get('candidates/:id/proposals')
  @Roles(...READERS)
  @ApiOkResponse({ type: ProposalPageDto, description: 'Every proposal of the candidate, for all vacancies' })
  forCandidate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ProposalListQuery,
  ): Promise<ProposalPageDto> {
    return this.proposals.forCandidate(user, id, query);
  }

  @Get('proposals/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ProposalDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalDto> {
    return this.proposals.get(user, id);
  }

  @Post('proposals/:id/transitions')
  @HttpCode(200)
  @Roles(Role.MATCHER, Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: ProposalResultDto, description: "An adviser moves their own clients' proposals only" })
  @ApiForbiddenResponse({ description: 'NOT_OWN_CLIENT' })
  @ApiConflictResponse({ description: 'PROPOSAL_TRANSITION_INVALID, HIRE_THROUGH_PLACEMENT, STALE_VERSION' })
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProposalTransitionDto,
  ): Promise<ProposalResultDto> {
    return this.proposals.transition(user, id, body);
  }

  @Get('advisers/me/mismatches')
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: [MismatchDto],
    description: 'Mismatches reported on your candidates, unread first, then newest',
  })
  mismatches(@CurrentUser() user: AuthenticatedUser): Promise<MismatchDto[]> {
    return this.proposals.mismatchesFor(user);
  }

  @Post('advisers/me/mismatches/:proposalId/read')
  @HttpCode(200)
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: MismatchDto, description: 'Marked handled; again keeps the first moment' })
  @ApiNotFoundResponse({ description: 'MISMATCH_NOT_FOUND: not a mismatch on one of your candidates' })
  markMismatchRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
  ): Promise<MismatchDto> {
    return this.proposals.markMismatchRead(user, proposalId);
  }
}
