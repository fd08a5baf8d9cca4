import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { followUpJobId, FollowUpsService } from '@aftersales/follow-ups/follow-ups.service';
import { Clock } from '@platform/clock/clock';
import { QueueName } from '@platform/queue/queue-names';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';
import { placeByInterview, todayInUtc } from './call-list';

interface FollowUpRow {
  party: string;
  milestone: number;
  status: string;
  dueAt: Date;
  dispatchedAt: Date | null;
  notifications: number;
}

async function followUpsOf(test: TestApp, placementId: string): Promise<FollowUpRow[]> {
  return test.app.get(DataSource).query(
    `SELECT f.party, f.milestone, f.status, f.due_at AS "dueAt", f.dispatched_at AS "dispatchedAt",
            (SELECT count(*)::int FROM follow_up_notifications n WHERE n.follow_up_id = f.id) AS notifications
     FROM follow_ups f WHERE f.placement_id = $1 ORDER BY f.milestone, f.party`,
    [placementId],
  );
}

describe('follow-ups of a placement', () => {
  let test: TestApp;
  let world: ProposalWorld;
  const today = todayInUtc;
  const placeToday = async () => placeByInterview(test, world, await world.readyCandidate());

  beforeAll(async () => {
    test = await startTestApp({ FOLLOW_UP_OFFSETS: 'PT2S,PT4S', FOLLOW_UP_RECONCILE_SECONDS: '1' });
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('plans a call to the client and to the employer per offset, which become DUE once each, with one notification', async () => {
    const before = Date.now();
    const placement = await placeToday();
    const after = Date.now();

    const planned = await followUpsOf(test, placement.id);
    expect(planned.map((row) => [row.milestone, row.party])).toEqual([
      [1, 'CLIENT'],
      [1, 'EMPLOYER'],
      [2, 'CLIENT'],
      [2, 'EMPLOYER'],
    ]);
    // Registered today, so the offsets count from the registration: +2 s and +4 s.
    for (const row of planned) {
      const offsetMs = row.milestone === 1 ? 2000 : 4000;
      expect(new Date(row.dueAt).getTime()).toBeGreaterThanOrEqual(before + offsetMs);
      expect(new Date(row.dueAt).getTime()).toBeLessThanOrEqual(after + offsetMs);
    }
    expect(planned.every((row) => row.status === 'PLANNED' && row.dispatchedAt === null)).toBe(true);

    await until(async () => (await followUpsOf(test, placement.id)).every((row) => row.status === 'DUE'), 15_000);
    const due = await followUpsOf(test, placement.id);
    for (const row of due) {
      expect(new Date(row.dispatchedAt!).getTime()).toBeGreaterThanOrEqual(new Date(row.dueAt).getTime());
      expect(row.notifications).toBe(1);
    }
  }, 30_000);

  it('cancels the follow-ups not yet due when the placement ends; they never become DUE', async () => {
    const placement = await placeToday();
    await test.http
      .post(`/api/placements/${placement.id}/end`)
      .set(world.matcher.headers)
      .send({ endDate: today(), reason: 'Proeftijd niet gehaald' })
      .expect(200);
    expect((await followUpsOf(test, placement.id)).map((row) => row.status)).toEqual(Array(4).fill('CANCELLED'));

    // Past the last offset and a few reconciler runs: the delayed jobs fired and changed nothing.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const rows = await followUpsOf(test, placement.id);
    expect(rows.map((row) => [row.status, row.notifications])).toEqual(Array(4).fill(['CANCELLED', 0]));
  }, 30_000);
});

describe('follow-ups with calendar offsets', () => {
  let test: TestApp;
  let world: ProposalWorld;

  beforeAll(async () => {
    test = await startTestApp({ FOLLOW_UP_OFFSETS: 'P1M,P6M', WORKERS_ENABLED: 'false' });
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('counts calendar months from the start date at midnight in the Netherlands', async () => {
    const placement = await placeByInterview(test, world, await world.readyCandidate(), '2030-01-31');
    const rows = await followUpsOf(test, placement.id);
    // 31 January 2030 00:00 CET (+01:00) + 1 month = 28 February 00:00 CET = 27 February 23:00 UTC;
    // + 6 months = 31 July 00:00 CEST (+02:00) = 30 July 22:00 UTC.
    expect(rows.map((row) => [row.milestone, row.party, new Date(row.dueAt).toISOString()])).toEqual([
      [1, 'CLIENT', '2030-02-27T23:00:00.000Z'],
      [1, 'EMPLOYER', '2030-02-27T23:00:00.000Z'],
      [2, 'CLIENT', '2030-07-30T22:00:00.000Z'],
      [2, 'EMPLOYER', '2030-07-30T22:00:00.000Z'],
    ]);
  });

  it('restores lost delayed jobs: the reconciler those due soon, restoreJobs every one, each once', async () => {
    const placement = await placeByInterview(test, world, await world.readyCandidate(), '2030-01-31');
    const rows: Array<{ id: string; milestone: number; dueAt: Date }> = await test.app
      .get(DataSource)
      .query(`SELECT id, milestone, due_at AS "dueAt" FROM follow_ups WHERE placement_id = $1 ORDER BY milestone, id`, [
        placement.id,
      ]);
    const queue = test.app.get<Queue>(getQueueToken(QueueName.FollowUps));
    const jobsOf = (milestone?: number) =>
      Promise.all(
        rows
          .filter((row) => milestone === undefined || row.milestone === milestone)
          .map((row) => queue.getJob(followUpJobId(row.id))),
      );
    expect((await jobsOf()).every((job) => job !== undefined)).toBe(true);

    // Redis loses the jobs. Years ahead, the reconciler leaves them to a later run.
    await queue.obliterate({ force: true });
    const service = test.app.get(FollowUpsService);
    await service.reconcile();
    expect((await jobsOf()).every((job) => job === undefined)).toBe(true);

    // A second before milestone 1 (within two reconciler periods) its two calls get their jobs back;
    // milestone 2, half a year on, does not yet.
    const clock = test.app.get(Clock);
    const beforeMilestone1 = new Date(new Date(rows[0].dueAt).getTime() - 1000);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(beforeMilestone1);
    try {
      await service.reconcile();
      expect((await jobsOf(1)).map((job) => job?.data)).toEqual(
        rows.filter((row) => row.milestone === 1).map(({ id }) => ({ followUpId: id })),
      );
      expect((await jobsOf(2)).every((job) => job === undefined)).toBe(true);
    } finally {
      spy.mockRestore();
    }

    // restoreJobs without a horizon puts back every planned job; run twice, still one job each.
    await queue.obliterate({ force: true });
    await service.restoreJobs();
    await service.restoreJobs();
    expect((await jobsOf()).map((job) => job?.data)).toEqual(rows.map(({ id }) => ({ followUpId: id })));
    const [{ planned }]: Array<{ planned: number }> = await test.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS planned FROM follow_ups WHERE status = 'PLANNED'`);
    expect(await queue.getDelayedCount()).toBe(planned);
  });
});
