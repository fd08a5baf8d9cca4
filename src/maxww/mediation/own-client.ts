import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams } from '@matching/candidates/visibility';

/**
 * "Their own clients" as SQL on `candidates c`: the adviser is the candidate's adviser, or the
 * adviser of the client's open Max-WW mediation. Advisers offer vacancies to, and propose, only these.
 */
export function ownClientSql(actor: AuthenticatedUser, sql: SqlParams): string {
  const me = sql.p(actor.id);
  return `(c.adviser_id = ${me} OR EXISTS (
    SELECT 1 FROM max_ww_mediations own_m
    WHERE own_m.candidate_id = c.id AND own_m.adviser_id = ${me} AND own_m.ended_on IS NULL))`;
}
