import { DomainError, FieldRuleError, NotFoundError } from '@platform/errors/domain-error';

export class MediationNotFoundError extends NotFoundError {
  constructor() {
    super('Mediation', 'MEDIATION_NOT_FOUND');
  }
}

/** Mediation is for WW clients: the Max-WW programme catches them before their WW ends. */
export class NotAWwClientError extends FieldRuleError {
  constructor() {
    super('NOT_A_WW_CLIENT', 'candidateId', 'must be a WW client (the Max-WW programme is for WW clients)');
  }
}

export class AdviserNotMaxWwError extends FieldRuleError {
  constructor() {
    super('ADVISER_NOT_MAX_WW', 'adviserId', 'must be an active adviser of UWV or the staffing firm');
  }
}

/** The triage sent the client elsewhere (the UWV adviser, or no action): not into mediation. */
export class RoutedElsewhereError extends DomainError {
  readonly code = 'ROUTE_NOT_MAX_WW_ADVISER';
  readonly kind = 'conflict' as const;
  constructor(route: string) {
    super(`The client's route after the meeting is ${route}, not MAX_WW_ADVISER`, { details: { route } });
  }
}

/** The programme is one pass: one mediation per client, ended or not. */
export class MediationExistsError extends DomainError {
  readonly code = 'MEDIATION_EXISTS';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The client has been taken into mediation already');
  }
}

export class MediationEndedError extends DomainError {
  readonly code = 'MEDIATION_ENDED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The mediation has ended');
  }
}

export class MediationEndBeforeStartError extends DomainError {
  readonly code = 'MEDIATION_END_BEFORE_START';
  readonly kind = 'invalid' as const;
  constructor(field: string, startedOn: string) {
    super(`A mediation cannot end before it started (${startedOn})`, {
      fieldErrors: { [field]: `must be on or after the start of the mediation (${startedOn})` },
    });
  }
}

/** An adviser offers and proposes their own clients only: theirs by the candidate's adviser or their mediation. */
export class NotOwnClientError extends DomainError {
  readonly code = 'NOT_OWN_CLIENT';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('Advisers offer vacancies to and propose their own clients only');
  }
}

export class VacancyOfferNotFoundError extends NotFoundError {
  constructor() {
    super('Vacancy offer', 'VACANCY_OFFER_NOT_FOUND');
  }
}

export class VacancyOfferExistsError extends DomainError {
  readonly code = 'VACANCY_OFFER_EXISTS';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This vacancy has been offered to the client already');
  }
}

export class VacancyNotOpenForOffersError extends DomainError {
  readonly code = 'VACANCY_NOT_OPEN';
  readonly kind = 'conflict' as const;
  constructor(status: string) {
    super(`The vacancy is ${status}: only open vacancies are offered`);
  }
}

/**
 * An adviser proposes a client only for a vacancy the client said yes to: first "offered to the
 * client / client interested", then the employer.
 */
export class ClientNotInterestedError extends DomainError {
  readonly code = 'CLIENT_NOT_INTERESTED';
  readonly kind = 'conflict' as const;
  constructor(response: 'NOT_OFFERED' | 'NO_RESPONSE' | 'NOT_INTERESTED') {
    const why = {
      NOT_OFFERED: 'the vacancy has not been offered to the client (POST /api/vacancy-offers)',
      NO_RESPONSE: 'the client has not answered the offer yet',
      NOT_INTERESTED: 'the client is not interested in the vacancy',
    }[response];
    super(`An adviser proposes a client only after the client said they are interested: ${why}`, {
      details: { offer: response },
    });
  }
}
