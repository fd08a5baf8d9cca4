import { DataSource } from 'typeorm';
import { FollowUpsProcessor } from '@aftersales/follow-ups/follow-ups.processor';
import { PrivateRedis, startPrivateRedis } from '@test/support/private-redis';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

const PLACEMENTS = 200;
const PARTIES = 2;
const OFFSETS = 2;
const EXPECTED = PLACEMENTS * PARTIES * OFFSETS;

/**
 * The follow-ups' promise: every one becomes DUE exactly once, whatever happens to the worker and to
 * Redis. The API instance (no workers) registers placements; a separate worker instance is killed
 * while follow-ups are being dispatched, Redis loses everything (a real FLUSHALL, on a redis-server
 * of this test's own: the shared one holds the keys of files running in parallel), and a new worker
 * starts. The database must then show every follow-up DUE with one notification each.
 */
// An API instance and a worker instance run side by side here: two database connections, which the
// embedded PGlite (one session) cannot serve. On a PostgreSQL server (CI) it always runs.
const describeOnServer = process.env.TEST_EMBEDDED_DATABASE ? describe.skip : describe;

describeOnServer('follow-up reliability', () => {
  let environment: Record<string, string>;
  let api: TestApp;
  let worker: TestApp | undefined;
  let world: ProposalWorld;
  let redis: PrivateRedis;

  const db = () => api.app.get(DataSource);
  const dueCount = async (): Promise<number> => {
    const rows: Array<{ n: number }> = await db().query(
      `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'DUE'`,
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    environment = { FOLLOW_UP_OFFSETS: 'PT3S,PT6S', FOLLOW_UP_RECONCILE_SECONDS: '1', REDIS_URL: redis.url };
    api = await startTestApp({ ...environment, WORKERS_ENABLED: 'false' });
    world = await proposalWorld(api);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await redis.stop();
  });

  async function interviews(n: number): Promise<string[]> {
    const vacancies = await Promise.all(Array.from({ length: n / 10 }, () => world.openVacancy({ positions: 10 })));
    const ids: string[] = [];
    for (const vacancyId of vacancies) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, async () => (await world.toInterview(vacancyId, await world.readyCandidate())).id),
      );
      ids.push(...batch);
    }
    return ids;
  }

  async function place(proposalIds: string[]): Promise<void> {
    const startDate = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < proposalIds.length; i += 10) {
      await Promise.all(
        proposalIds
          .slice(i, i + 10)
          .map((proposalId) =>
            api.http
              .post('/api/placements')
              .set(world.matcher.headers)
              .send({ proposalId, startDate, contractType: 'PERMANENT', hoursPerWeek: 32, instruments: [] })
              .expect(201),
          ),
      );
    }
  }

  it(`makes all ${EXPECTED} follow-ups of ${PLACEMENTS} placements DUE exactly once through a killed worker and a flushed Redis`, async () => {
    const proposals = await interviews(PLACEMENTS);
    worker = await startTestApp({ ...environment, WORKERS_ENABLED: 'true' });

    await place(proposals.slice(0, PLACEMENTS / 2));
    // Mid-way: the first follow-ups are being dispatched, most are still PLANNED.
    await until(async () => (await dueCount()) >= 50, 20_000);
    const dueAtKill = await dueCount();
    // Kill: the worker stops without waiting for its active jobs, then the process goes away.
    await worker.app.get(FollowUpsProcessor).worker.close(true);
    await worker.close();
    worker = undefined;

    // Without a worker, the rest are registered, and Redis loses everything.
    await place(proposals.slice(PLACEMENTS / 2));
    expect(await redis.client.dbsize()).toBeGreaterThan(0);
    await redis.client.flushall();
    expect(await redis.client.dbsize()).toBe(0);

    worker = await startTestApp({ ...environment, WORKERS_ENABLED: 'true' });
    await until(async () => (await dueCount()) === EXPECTED, 45_000);
    // Two more reconciler periods: nothing may be dispatched a second time after the last one.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const [totals]: Array<{ followUps: number; due: number; notifications: number; distinct: number; early: number }> =
      await db().query(
        `SELECT (SELECT count(*)::int FROM follow_ups) AS "followUps",
                (SELECT count(*)::int FROM follow_ups WHERE status = 'DUE') AS due,
                (SELECT count(*)::int FROM follow_up_notifications) AS notifications,
                (SELECT count(DISTINCT follow_up_id)::int FROM follow_up_notifications) AS distinct,
                (SELECT count(*)::int FROM follow_ups WHERE dispatched_at < due_at) AS early`,
      );
    expect(totals).toEqual({
      followUps: EXPECTED,
      due: EXPECTED,
      notifications: EXPECTED,
      distinct: EXPECTED,
      early: 0,
    });
    // The kill came mid-way: not even the first half's follow-ups were all DUE.
    expect(dueAtKill).toBeLessThan(EXPECTED / 2);
  }, 150_000);
});
