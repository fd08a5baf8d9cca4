import { DomainError, NotFoundError } from '@platform/errors/domain-error';

/** One answer for "does not exist" and "you may not see it", so access reveals nothing. */
export class CandidateNotFoundError extends NotFoundError {
  constructor() {
    super('Candidate', 'CANDIDATE_NOT_FOUND');
  }
}

export class SourceReferenceTakenError extends DomainError {
  readonly code = 'SOURCE_REFERENCE_TAKEN';
  readonly kind = 'conflict' as const;
  constructor() {
    super('A candidate with this source reference exists already in this pool', {
      fieldErrors: { sourceReference: 'is taken by another candidate of this pool' },
    });
  }
}

export class ConsentActiveAlreadyError extends DomainError {
  readonly code = 'CONSENT_ACTIVE_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The candidate has an active consent for this organisation already; withdraw it first');
  }
}

export class ConsentNotFoundError extends NotFoundError {
  constructor() {
    super('Consent', 'CONSENT_NOT_FOUND');
  }
}

export class ConsentWithdrawnAlreadyError extends DomainError {
  readonly code = 'CONSENT_WITHDRAWN_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The consent was withdrawn already');
  }
}

export class CandidateErasedError extends DomainError {
  readonly code = 'CANDIDATE_ERASED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The candidate was erased; nothing can be changed, matched or proposed any more');
  }
}

export class ImportNotFoundError extends NotFoundError {
  constructor() {
    super('Import', 'CANDIDATE_IMPORT_NOT_FOUND');
  }
}

export class ImportFileMissingError extends DomainError {
  readonly code = 'IMPORT_FILE_MISSING';
  readonly kind = 'invalid' as const;
  constructor(fieldErrors: Record<string, string>) {
    super('Send a multipart/form-data body with the fields "pool" and "file" (CSV)', { fieldErrors });
  }
}
