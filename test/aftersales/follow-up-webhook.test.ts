import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { nextBsn, proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';
import { placeByInterview } from './call-list';

const SECRET = 'webhook-secret-for-tests-only';

interface Delivery {
  notificationId: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on a free port; `answer` decides the status of each request from what came before. */
async function startReceiver(
  answer: (notificationId: string, earlier: Delivery[]) => number,
): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const notificationId = String(request.headers['x-notification-id']);
      const earlier = deliveries.filter((delivery) => delivery.notificationId === notificationId);
      const status = answer(notificationId, earlier);
      deliveries.push({ notificationId, headers: request.headers, body: Buffer.concat(chunks).toString(), status });
      response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

interface NotificationRow {
  id: string;
  followUpId: string;
  unitId: string;
  party: string;
  milestone: number;
  attempt: number;
  dueAt: Date;
  createdAt: Date;
  followUpStatus: string;
  deliveryAttempts: number;
  lastDeliveryError: string | null;
  deliveredAt: Date | null;
}

async function notificationsOf(test: TestApp, placementId: string): Promise<NotificationRow[]> {
  return test.app.get(DataSource).query(
    `SELECT n.id, n.follow_up_id AS "followUpId", n.unit_id AS "unitId", f.party, f.milestone, n.attempt,
            f.due_at AS "dueAt", n.created_at AS "createdAt", f.status AS "followUpStatus",
            n.delivery_attempts AS "deliveryAttempts", n.last_delivery_error AS "lastDeliveryError",
            n.delivered_at AS "deliveredAt"
     FROM follow_up_notifications n JOIN follow_ups f ON f.id = n.follow_up_id
     WHERE f.placement_id = $1 ORDER BY f.milestone, f.party`,
    [placementId],
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A receiver, and an app announcing to it: milestone 1 due a second after registration, reconciled each second. */
async function startWithReceiver(
  answer: Parameters<typeof startReceiver>[0],
  webhookEnvironment: Record<string, string>,
): Promise<{ receiver: Receiver; test: TestApp; world: ProposalWorld }> {
  const receiver = await startReceiver(answer);
  const test = await startTestApp({
    FOLLOW_UP_OFFSETS: 'PT1S,PT1H',
    FOLLOW_UP_RECONCILE_SECONDS: '1',
    FOLLOW_UP_WEBHOOK_URL: receiver.url,
    ...webhookEnvironment,
  });
  return { receiver, test, world: await proposalWorld(test) };
}

async function stopWithReceiver(test: TestApp, receiver: Receiver): Promise<void> {
  await test.close();
  await receiver.close();
}

describe('webhook delivery of follow-up notifications', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let receiver: Receiver;

  beforeAll(async () => {
    // Each notification's first two deliveries fail, so each needs the backoff twice.
    ({ receiver, test, world } = await startWithReceiver((_id, earlier) => (earlier.length < 2 ? 500 : 200), {
      FOLLOW_UP_WEBHOOK_SECRET: SECRET,
      FOLLOW_UP_WEBHOOK_BACKOFF_MS: '200',
    }));
  }, 120_000);
  afterAll(() => stopWithReceiver(test, receiver));

  it('delivers each due notification once to a 2xx after failed tries, signed, without personal data', async () => {
    const client = {
      name: 'Fenna Webhookstra',
      bsn: nextBsn(),
      phone: '+31 6 12345678',
      email: 'fenna.webhookstra@example.org',
    };
    const placement = await placeByInterview(test, world, await world.readyCandidate(client));
    await until(async () => {
      const rows = await notificationsOf(test, placement.id);
      return rows.length === 2 && rows.every((row) => row.deliveredAt !== null);
    }, 20_000);
    // A few reconciler runs later nothing more arrives: a delivered notification is not queued again.
    await pause(2500);

    const notifications = await notificationsOf(test, placement.id);
    expect(notifications.map((row) => [row.milestone, row.party, row.followUpStatus])).toEqual([
      [1, 'CLIENT', 'DUE'],
      [1, 'EMPLOYER', 'DUE'],
    ]);
    const ours = receiver.deliveries.filter((delivery) =>
      notifications.some((notification) => notification.id === delivery.notificationId),
    );
    for (const notification of notifications) {
      // 500, 500, then 200: three tries, the last failure's reason kept next to the delivery.
      expect(ours.filter((delivery) => delivery.notificationId === notification.id).map((d) => d.status)).toEqual([
        500, 500, 200,
      ]);
      expect(notification.deliveryAttempts).toBe(3);
      expect(notification.lastDeliveryError).toBe('HTTP 500: receiver is down');
    }
    const deliveredTo2xx = new Set(ours.filter((d) => d.status === 200).map((d) => d.notificationId));
    expect([...deliveredTo2xx].sort()).toEqual(notifications.map((row) => row.id).sort());

    for (const delivery of ours) {
      expect(delivery.headers['content-type']).toBe('application/json');
      const signature = createHmac('sha256', SECRET).update(delivery.body).digest('hex');
      expect(delivery.headers['x-signature']).toBe(`sha256=${signature}`);
      for (const personal of Object.values(client)) expect(delivery.body).not.toContain(personal);
    }
    const first = notifications[0];
    const firstBody: unknown = JSON.parse(ours.find((d) => d.notificationId === first.id)!.body);
    expect(firstBody).toEqual({
      event: 'follow-up.due',
      notificationId: first.id,
      followUpId: first.followUpId,
      placementId: placement.id,
      unitId: first.unitId,
      party: 'CLIENT',
      milestone: 1,
      attempt: 1,
      dueAt: new Date(first.dueAt).toISOString(),
      notifiedAt: new Date(first.createdAt).toISOString(),
    });
  }, 40_000);

  it('delivers again through the reconciler a notification whose delivery job Redis lost', async () => {
    const placement = await placeByInterview(test, world, await world.readyCandidate());
    await until(async () => {
      const rows = await notificationsOf(test, placement.id);
      return rows.length === 2 && rows.every((row) => row.deliveredAt !== null);
    }, 20_000);
    // As if the notification had been recorded and Redis then flushed before its job ran: the row says
    // "not delivered" and no job exists (a completed delivery job is removed).
    const [lost] = await notificationsOf(test, placement.id);
    await test.app
      .get(DataSource)
      .query(`UPDATE follow_up_notifications SET delivered_at = NULL, delivery_attempts = 0 WHERE id = $1`, [lost.id]);

    await until(
      async () => (await notificationsOf(test, placement.id)).every((row) => row.deliveredAt !== null),
      10_000,
    );
    const [redelivered] = await notificationsOf(test, placement.id);
    // Its receiver counter is past the two failures, so the reconciler's job got through at once.
    expect(redelivered.deliveryAttempts).toBe(1);
    expect(receiver.deliveries.filter((d) => d.notificationId === lost.id && d.status === 200)).toHaveLength(2);
  }, 40_000);
});

describe('webhook delivery to a receiver that stays down', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let receiver: Receiver;

  beforeAll(async () => {
    ({ receiver, test, world } = await startWithReceiver(() => 503, {
      FOLLOW_UP_WEBHOOK_ATTEMPTS: '2',
      FOLLOW_UP_WEBHOOK_BACKOFF_MS: '200',
    }));
  }, 120_000);
  afterAll(() => stopWithReceiver(test, receiver));

  it('gives up after the configured tries, keeps the reason, and leaves the follow-up DUE', async () => {
    const placement = await placeByInterview(test, world, await world.readyCandidate());
    await until(async () => {
      const rows = await notificationsOf(test, placement.id);
      return rows.length === 2 && rows.every((row) => row.deliveryAttempts === 2);
    }, 20_000);
    // Reconciler runs after giving up do not start the tries over.
    await pause(2500);

    const notifications = await notificationsOf(test, placement.id);
    for (const notification of notifications) {
      expect(notification).toMatchObject({
        followUpStatus: 'DUE',
        deliveredAt: null,
        deliveryAttempts: 2,
        lastDeliveryError: 'HTTP 503: receiver is down',
      });
      expect(receiver.deliveries.filter((d) => d.notificationId === notification.id)).toHaveLength(2);
    }
    // No secret configured: deliveries go unsigned.
    expect(receiver.deliveries.every((delivery) => delivery.headers['x-signature'] === undefined)).toBe(true);
  }, 40_000);
});

describe('webhook delivery of a call made in the meantime', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let receiverUp = false;
  let receiver: Receiver;

  beforeAll(async () => {
    ({ receiver, test, world } = await startWithReceiver(() => (receiverUp ? 200 : 503), {
      FOLLOW_UP_WEBHOOK_ATTEMPTS: '6',
      FOLLOW_UP_WEBHOOK_BACKOFF_MS: '500',
    }));
  }, 120_000);
  afterAll(() => stopWithReceiver(test, receiver));

  it('does not announce late a follow-up that was answered before the receiver came back', async () => {
    const placement = await placeByInterview(test, world, await world.readyCandidate());
    await until(async () => {
      const rows = await notificationsOf(test, placement.id);
      return rows.length === 2 && rows.every((row) => row.deliveryAttempts >= 1);
    }, 20_000);
    const [answered, open] = await notificationsOf(test, placement.id);
    const aftersales = await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM, {
      unitId: world.sales.unitId,
    });
    // The client is UWV's: the staffing firm's aftersales user calls them under a confidentiality statement.
    await recordStatement(test, aftersales, { scope: 'UNIT', unitId: world.uwvAdviser.unitId });
    await test.http
      .post(`/api/follow-ups/${answered.followUpId}/outcome`)
      .set(aftersales.headers)
      .send({ result: 'STILL_WORKING', contactedAt: new Date().toISOString() })
      .expect(200);

    receiverUp = true;
    await until(
      () => Promise.resolve(receiver.deliveries.some((d) => d.notificationId === open.id && d.status === 200)),
      20_000,
    );
    // Backoff and reconciler runs have passed for both: only the still open call was announced.
    await pause(3000);
    // (The earlier tests' notifications share this database; only this placement's are looked at.)
    const announced = receiver.deliveries
      .filter((d) => d.status === 200 && [answered.id, open.id].includes(d.notificationId))
      .map((d) => d.notificationId);
    expect(announced).toEqual([open.id]);
    const [stale] = await notificationsOf(test, placement.id);
    expect(stale.deliveredAt).toBeNull();
  }, 60_000);
});
