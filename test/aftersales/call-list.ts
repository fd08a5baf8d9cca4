import { DataSource } from 'typeorm';
import { TestUser } from '@test/support/auth';
import { TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { ProposalWorld } from '../matching/proposals/proposal-world';

/** A follow-up as the call list returns it (the fields the tests read). */
export interface CallDto {
  id: string;
  placementId: string;
  candidateId: string | null;
  party: string;
  milestone: number;
  status: string;
  dueAt: string;
  overdue: boolean;
  assigneeId: string | null;
  result: string | null;
  attempt: number;
  maxTries: number;
  client: { name: string; pool: string; phone: string | null; email: string | null } | null;
  employer: { id: string; name: string; contact: { name: string; phone: string; email: string } | null };
  placement: { vacancyTitle: string; startDate: string; endDate: string | null; hoursPerWeek: number };
  calls: Array<{ followUpId: string; attempt: number; result: string; note: string | null }>;
}

export interface PlacedClient {
  id: string;
  candidateId: string;
  unitId: string;
  vacancyId: string;
}

export const todayInUtc = (): string => new Date().toISOString().slice(0, 10);

/** A permanent placement of the candidate, registered over HTTP through a fresh vacancy and interview. */
export async function placeByInterview(
  test: TestApp,
  world: ProposalWorld,
  candidateId: string,
  startDate = todayInUtc(),
): Promise<PlacedClient> {
  const vacancyId = await world.openVacancy();
  const interview = await world.toInterview(vacancyId, candidateId);
  return (
    await test.http
      .post('/api/placements')
      .set(world.matcher.headers)
      .send({
        proposalId: interview.id,
        startDate,
        contractType: 'PERMANENT',
        hoursPerWeek: 32,
        instruments: [],
      })
      .expect(201)
  ).body as PlacedClient;
}

/**
 * Helpers over HTTP for an app started with a seconds-long first offset: a placement whose
 * milestone-1 follow-ups are DUE, the unit's call list and outcomes.
 */
export function callList(test: TestApp, world: ProposalWorld) {
  const db = () => test.app.get(DataSource);

  /** Waits until the follow-ups of the placement with this status number `count`. */
  const waitFor = (placementId: string, status: string, count: number): Promise<void> =>
    until(
      async () => {
        const [{ matching }]: Array<{ matching: number }> = await db().query(
          `SELECT count(*)::int AS matching FROM follow_ups WHERE placement_id = $1 AND status = $2`,
          [placementId, status],
        );
        return matching === count;
      },
      15_000,
      `Expected ${count} follow-ups ${status}`,
    );

  /** A placement registered today (of a fresh candidate, or the one given) whose milestone-1 calls are DUE. */
  const placedAndDue = async (candidateId?: string): Promise<PlacedClient> => {
    const placement = await placeByInterview(test, world, candidateId ?? (await world.readyCandidate()));
    await waitFor(placement.id, 'DUE', 2);
    return placement;
  };

  const list = async (user: TestUser, query = 'status=DUE&assignee=unit'): Promise<CallDto[]> =>
    (await test.http.get(`/api/follow-ups?${query}`).set(user.headers).expect(200)).body as CallDto[];
  const callsOf = async (user: TestUser, placementId: string, query?: string) =>
    (await list(user, query)).filter((call) => call.placementId === placementId);
  const outcome = (user: TestUser, id: string, body: Record<string, unknown>) =>
    test.http.post(`/api/follow-ups/${id}/outcome`).set(user.headers).send(body);
  /** Statuses of a placement's follow-ups, milestone 1 first. */
  const statuses = async (placementId: string): Promise<string[]> => {
    const rows: Array<{ status: string }> = await db().query(
      `SELECT status FROM follow_ups WHERE placement_id = $1 ORDER BY milestone, status`,
      [placementId],
    );
    return rows.map((row) => row.status);
  };

  return { db, waitFor, placedAndDue, list, callsOf, outcome, statuses };
}
