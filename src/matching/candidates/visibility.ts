import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { PolicyRule } from '@identity/policy/policy.service';
import { OWNER_OF_POOL, Pool } from '@matching/profiles';

/** Collects positional parameters while a query is put together: `sql.p(value)` → `$3`. */
export class SqlParams {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Administrators and the staffing firm (which works for both pools) see every candidate. */
function seesAll(user: AuthenticatedUser): boolean {
  return hasRole(user, Role.ADMIN) || user.organisation === Organisation.STAFFING_FIRM;
}

/**
 * The visibility rule as SQL on `candidates c`, so every list, search and read applies it in the
 * database: the owning organisation, or another one only while an active consent for mediation names
 * it. Withdrawing a consent sets withdrawn_at, so access ends with that commit.
 */
export function visibleToSql(user: AuthenticatedUser, sql: SqlParams): string {
  if (seesAll(user)) return 'TRUE';
  const ownPools = (Object.keys(OWNER_OF_POOL) as Pool[]).filter((pool) => OWNER_OF_POOL[pool] === user.organisation);
  return `(c.pool = ANY(${sql.p(ownPools)}::text[]) OR EXISTS (
    SELECT 1 FROM candidate_consents k
    WHERE k.candidate_id = c.id AND k.organisation = ${sql.p(user.organisation)}
      AND k.purpose = 'MEDIATION' AND k.withdrawn_at IS NULL))`;
}

/**
 * The same rule for the PolicyService, on the facts of one loaded candidate (`pool`,
 * `consentOrganisations`), plus who may change what: advisers of the owning organisation edit
 * (candidates, notes, jobready, consents); export and erasure are for administrators.
 */
export const candidatePolicy: PolicyRule = (user, action, subject) => {
  const pool = subject.pool as Pool;
  const consents = (subject.consentOrganisations as Organisation[] | undefined) ?? [];
  const owner = OWNER_OF_POOL[pool];
  if (hasRole(user, Role.ADMIN)) return true;
  switch (action) {
    case 'read':
    case 'list':
    case 'match':
      return seesAll(user) || user.organisation === owner || consents.includes(user.organisation);
    case 'create':
    case 'update':
      return hasRole(user, Role.ADVISER) && user.organisation === owner;
    case 'delete':
    case 'export':
    case 'erase':
    case 'propose':
      return false;
  }
};
