import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { PolicyRule } from '@identity/policy/policy.service';
import { OWNER_OF_POOL, Pool } from '@matching/profiles';
import { addMonths } from './target-group';

/** Collects positional parameters while a query is put together: `sql.p(value)` → `$3`. */
export class SqlParams {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The days a WW end date makes a client Max-WW (the target group MAX WW): today up to MAX_WW_MONTHS on. */
export interface MaxWwWindow {
  today: string;
  maxWwUntil: string;
}

/*
 * visibleToSql is a plain function that ten services call with only the user; the Max-WW window (today
 * from the injected clock, MAX_WW_MONTHS from the configuration) is the one fact of the service it
 * needs, so CandidatesService hands it over once at start. Until then: the system clock and 3 months.
 */
let maxWwWindow: () => MaxWwWindow = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return { today, maxWwUntil: addMonths(today, 3) };
};
export function useMaxWwWindow(window: () => MaxWwWindow): void {
  maxWwWindow = window;
}

/** Administrators see every candidate. */
function seesAll(user: AuthenticatedUser): boolean {
  return hasRole(user, Role.ADMIN);
}

/**
 * A WW client in the Max-WW programme (the scope MAX_WW of a confidentiality statement): in the target
 * group MAX WW today (the WW ends within MAX_WW_MONTHS), or already on the programme's route: invited
 * to a group meeting (an invitation that lapsed with its cancelled meeting counts as none), routed after triage or two no-shows, or taken into mediation (also once the WW
 * has ended: the team keeps working the client until the exit).
 */
export function inMaxWwProgrammeSql(sql: SqlParams): string {
  const { today, maxWwUntil } = maxWwWindow();
  return `(c.ww_end_date BETWEEN ${sql.p(today)}::date AND ${sql.p(maxWwUntil)}::date
    OR EXISTS (SELECT 1 FROM max_ww_invitations i WHERE i.candidate_id = c.id AND i.cancelled_at IS NULL)
    OR EXISTS (SELECT 1 FROM max_ww_routes r WHERE r.candidate_id = c.id)
    OR EXISTS (SELECT 1 FROM max_ww_mediations m WHERE m.candidate_id = c.id))`;
}

/**
 * Whether one of the user's active confidentiality statements covers the WW client `c`: scope MAX_WW
 * the clients in the Max-WW programme, scope UNIT the clients whose adviser works in that unit.
 * Revoking sets revoked_at, so access ends with that commit.
 */
export function statementCoversSql(user: AuthenticatedUser, sql: SqlParams): string {
  if (user.organisation !== Organisation.STAFFING_FIRM) return 'FALSE';
  return `(c.pool = 'WW' AND EXISTS (
    SELECT 1 FROM confidentiality_statements s
    WHERE s.user_id = ${sql.p(user.id)} AND s.revoked_at IS NULL
      AND ((s.scope = 'UNIT' AND s.unit_id = (SELECT a.unit_id FROM users a WHERE a.id = c.adviser_id))
        OR (s.scope = 'MAX_WW' AND ${inMaxWwProgrammeSql(sql)}))))`;
}

/**
 * The ids of the WW clients statementCoversSql admits for this user (erased ones included, as there),
 * as a query that starts from the user's active statements instead of testing every WW client against
 * them: a unit statement reaches its clients through their advisers (candidates_adviser), a MAX_WW
 * statement the programme's clients through the WW end date (candidates_ww_end_date) and the route's
 * tables. Without a statement it reads no candidate at all. The rule itself stays statementCoversSql
 * (which is what every other read applies); a test holds the two to the same answer. Testing 50,000 WW
 * clients row by row was estimated costly enough for PostgreSQL to JIT-compile it on every ranked list.
 */
export function statementCoveredIdsSql(user: AuthenticatedUser, sql: SqlParams): string {
  if (user.organisation !== Organisation.STAFFING_FIRM) return 'SELECT NULL::uuid AS id WHERE FALSE';
  const { today, maxWwUntil } = maxWwWindow();
  const userId = sql.p(user.id);
  return `SELECT c.id FROM confidentiality_statements s
      JOIN users a ON a.unit_id = s.unit_id
      JOIN candidates c ON c.adviser_id = a.id
     WHERE s.user_id = ${userId} AND s.revoked_at IS NULL AND s.scope = 'UNIT' AND c.pool = 'WW'
    UNION
    SELECT c.id FROM candidates c
     WHERE c.pool = 'WW'
       AND EXISTS (SELECT 1 FROM confidentiality_statements s
                    WHERE s.user_id = ${userId} AND s.revoked_at IS NULL AND s.scope = 'MAX_WW')
       AND c.id IN (
         SELECT w.id FROM candidates w WHERE w.ww_end_date BETWEEN ${sql.p(today)}::date AND ${sql.p(maxWwUntil)}::date
         UNION ALL SELECT i.candidate_id FROM max_ww_invitations i WHERE i.cancelled_at IS NULL
         UNION ALL SELECT r.candidate_id FROM max_ww_routes r
         UNION ALL SELECT m.candidate_id FROM max_ww_mediations m)`;
}

/**
 * The visibility rule as SQL on `candidates c`, so every list, search and read applies it in the
 * database: the owning organisation, or another one only while an active consent for mediation names
 * it. Withdrawing a consent sets withdrawn_at, so access ends with that commit.
 *
 * The staffing firm works for both pools: its users see the Bijstand clients (as the municipality's
 * partner in the office), but UWV's clients only under a signed confidentiality statement (domain.md,
 * "Privacy") or a consent naming the staffing firm, each user by their own statements.
 */
export function visibleToSql(user: AuthenticatedUser, sql: SqlParams): string {
  if (seesAll(user)) return 'TRUE';
  const consented = `EXISTS (
    SELECT 1 FROM candidate_consents k
    WHERE k.candidate_id = c.id AND k.organisation = ${sql.p(user.organisation)}
      AND k.purpose = 'MEDIATION' AND k.withdrawn_at IS NULL)`;
  if (user.organisation === Organisation.STAFFING_FIRM) {
    return `(c.pool <> 'WW' OR ${consented} OR ${statementCoversSql(user, sql)})`;
  }
  const ownPools = (Object.keys(OWNER_OF_POOL) as Pool[]).filter((pool) => OWNER_OF_POOL[pool] === user.organisation);
  return `(c.pool = ANY(${sql.p(ownPools)}::text[]) OR ${consented})`;
}

/**
 * The same rule for the PolicyService, on the facts of one loaded candidate (`pool`,
 * `consentOrganisations`, and `statementCovers`: whether one of the user's active confidentiality
 * statements covers it, from statementCoversSql), plus who may change what: advisers of the owning
 * organisation edit (candidates, notes, jobready, consents); export and erasure are for administrators.
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
      if (user.organisation === owner || consents.includes(user.organisation)) return true;
      if (user.organisation !== Organisation.STAFFING_FIRM) return false;
      return pool !== 'WW' || subject.statementCovers === true;
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
