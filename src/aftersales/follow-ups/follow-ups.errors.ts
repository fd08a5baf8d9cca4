import { DomainError } from '@platform/errors/domain-error';

export class FollowUpNotDueError extends DomainError {
  readonly code = 'FOLLOW_UP_NOT_DUE';
  readonly kind = 'conflict' as const;
  constructor(status: string) {
    super(`Only a DUE follow-up takes an outcome or a claim; this one is ${status}`, { details: { status } });
  }
}

export class FollowUpClaimedError extends DomainError {
  readonly code = 'FOLLOW_UP_CLAIMED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Another aftersales user has claimed this follow-up');
  }
}
