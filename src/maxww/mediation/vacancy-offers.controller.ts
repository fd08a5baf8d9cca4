import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import {
  CreateVacancyOfferDto,
  VacancyOfferDto,
  VacancyOfferListQuery,
  VacancyOfferResponseDto,
} from './dto/vacancy-offer.dto';
import { VacancyOffersService } from './vacancy-offers.service';

/** An adviser offers an open vacancy to their own client and records the answer, before proposing. */
@ApiTags('max-ww')
@Controller('api/vacancy-offers')
export class VacancyOffersController {
  constructor(private readonly offers: VacancyOffersService) {}

  @Post()
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOperation({ summary: 'Offer an open vacancy to one of your own clients' })
  @ApiCreatedResponse({ type: VacancyOfferDto })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND, VACANCY_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'NOT_OWN_CLIENT: not your client (nor your mediation)' })
  @ApiConflictResponse({ description: 'VACANCY_NOT_OPEN, VACANCY_OFFER_EXISTS' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateVacancyOfferDto): Promise<VacancyOfferDto> {
    return this.offers.create(user, body.candidateId, body.vacancyId);
  }

  @Get()
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: [VacancyOfferDto], description: "A client's offers, newest first" })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: VacancyOfferListQuery): Promise<VacancyOfferDto[]> {
    return this.offers.forCandidate(user, query.candidateId);
  }

  @Post(':id/response')
  @HttpCode(200)
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOperation({ summary: "Record the client's answer: INTERESTED or NOT_INTERESTED" })
  @ApiOkResponse({ type: VacancyOfferDto })
  @ApiNotFoundResponse({ description: 'VACANCY_OFFER_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'NOT_OWN_CLIENT' })
  respond(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VacancyOfferResponseDto,
  ): Promise<VacancyOfferDto> {
    return this.offers.respond(user, id, body.response);
  }
}
