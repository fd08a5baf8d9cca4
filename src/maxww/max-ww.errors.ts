import { DomainError } from '@platform/errors/domain-error';

/** Codes of the Max-WW selection and meetings; stable once shipped (the web app words them in Dutch). */

export class AlreadyExcludedError extends DomainError {
  readonly code = 'ALREADY_EXCLUDED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This client is excluded from invitation already; lift that flag first');
  }
}

export class ExclusionLiftedError extends DomainError {
  readonly code = 'EXCLUSION_LIFTED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This exclusion was lifted already');
  }
}

export class MeetingCancelledError extends DomainError {
  readonly code = 'MEETING_CANCELLED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The meeting was cancelled');
  }
}

export class MeetingPassedError extends DomainError {
  readonly code = 'MEETING_PASSED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The meeting was on an earlier day: invite to a later meeting');
  }
}

/** Cancelling or changing a meeting is for before it: once it began, the register is the record. */
export class MeetingStartedError extends DomainError {
  readonly code = 'MEETING_STARTED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The meeting has begun or taken place: it can no longer be cancelled or changed');
  }
}

export class MeetingNotHeldError extends DomainError {
  readonly code = 'MEETING_NOT_HELD';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Attendance is registered on or after the day of the meeting');
  }
}

export class MeetingFullError extends DomainError {
  readonly code = 'MEETING_FULL';
  readonly kind = 'conflict' as const;
  constructor(capacity: number, invited: number, asked: number) {
    super(`The meeting has room for ${capacity}; ${invited} are invited, so ${asked} more do not fit`, {
      details: { capacity, invited, free: Math.max(0, capacity - invited), asked },
    });
  }
}

/** Why a client cannot be invited (ids only in the details: no name leaves in an error). */
export type NotInvitableReason =
  | 'EXCLUDED'
  | 'ALREADY_INVITED_HERE'
  | 'INVITED_TWICE'
  | 'FIRST_INVITATION_OPEN'
  | 'ATTENDED'
  | 'NOT_LATER_MEETING'
  | 'ROUTED';

export class NotInvitableError extends DomainError {
  readonly code: string;
  readonly kind = 'conflict' as const;
  constructor(reason: NotInvitableReason, candidateIds: string[]) {
    const codes: Record<NotInvitableReason, string> = {
      EXCLUDED: 'CANDIDATE_EXCLUDED',
      ALREADY_INVITED_HERE: 'ALREADY_INVITED',
      INVITED_TWICE: 'INVITED_TWICE',
      FIRST_INVITATION_OPEN: 'FIRST_INVITATION_OPEN',
      ATTENDED: 'ALREADY_ATTENDED',
      NOT_LATER_MEETING: 'NOT_A_LATER_MEETING',
      ROUTED: 'CANDIDATE_ROUTED',
    };
    const messages: Record<NotInvitableReason, string> = {
      EXCLUDED: 'is excluded from invitation',
      ALREADY_INVITED_HERE: 'is invited to this meeting already',
      INVITED_TWICE: 'was invited twice already',
      FIRST_INVITATION_OPEN: 'has a first invitation whose attendance is not registered yet',
      ATTENDED: 'came to a meeting already',
      NOT_LATER_MEETING: 'needs a second invitation to a meeting after the first',
      ROUTED: 'has a route after triage or two no-shows already',
    };
    super(`${candidateIds.length} of the clients cannot be invited: each ${messages[reason]}`, {
      details: { reason, candidateIds },
    });
    this.code = codes[reason];
  }
}

export class AttendanceLockedError extends DomainError {
  readonly code = 'ATTENDANCE_LOCKED';
  readonly kind = 'conflict' as const;
  constructor(why: string) {
    super(`The attendance cannot change: ${why}`);
  }
}

export class NotAbsentError extends DomainError {
  readonly code = 'NOT_ABSENT';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Only an absentee is called after the meeting');
  }
}

export class NotPresentError extends DomainError {
  readonly code = 'NOT_PRESENT';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Triage is for clients who came to this meeting');
  }
}

export class RouteExistsError extends DomainError {
  readonly code = 'ROUTE_EXISTS';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This client has a route already: the programme is one pass');
  }
}

/** Only the Max-WW team (advisers of UWV and the staffing firm; see max-ww-team.ts) works the programme. */
export class NotMaxWwTeamError extends DomainError {
  readonly code = 'NOT_MAX_WW_TEAM';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('Only the Max-WW team (UWV or the staffing firm) may do this');
  }
}
