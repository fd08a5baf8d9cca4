import { createHmac } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { FollowUpParty } from './follow-up-status';

/** A receiver that has not answered by then counts as failed; the next try may well get through. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Of a failed answer, enough to see why it failed, not a copy of the receiver's page. */
const ERROR_SNIPPET_CHARS = 100;
/** Rows per reconciler query, as for the follow-ups themselves. */
const RECONCILE_BATCH = 500;

/** Deterministic, so the dispatch and every reconciler run add one job per notification, not several. */
export function followUpNotifyJobId(notificationId: string): string {
  return `notify-${notificationId}`;
}

/**
 * What the receiver gets: internal ids and moments only. Never a name, BSN or contact detail; the
 * receiver looks those up in the call list, where access is checked and audited.
 */
export interface FollowUpDueEvent {
  event: 'follow-up.due';
  notificationId: string;
  followUpId: string;
  placementId: string;
  unitId: string;
  party: FollowUpParty;
  milestone: number;
  attempt: number;
  dueAt: string;
  notifiedAt: string;
}

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'given-up' | 'gone' | 'no-webhook' | 'stale';

/** Thrown after a failed try is recorded, so that BullMQ tries again after its backoff. */
export class WebhookDeliveryFailed extends Error {
  override name = 'WebhookDeliveryFailed';
}

/** The X-Signature header: HMAC-SHA256 of the exact body sent, so the receiver can trust it. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

interface NotificationRow {
  id: string;
  followUpId: string;
  placementId: string;
  unitId: string;
  party: FollowUpParty;
  milestone: number;
  attempt: number;
  dueAt: Date;
  notifiedAt: Date;
  deliveredAt: Date | null;
  deliveryAttempts: number;
  /** The follow-up is still DUE at this notification's try. */
  current: boolean;
}

/**
 * Sends each recorded notification to FOLLOW_UP_WEBHOOK_URL, at least once: a delivery job per
 * notification, tried again with exponential backoff, and counted in the notification's row. The row
 * is the record of truth (like the follow-up's), so the reconciler re-adds the job Redis lost. A
 * response lost on the way back means a second delivery: receivers dedupe on X-Notification-Id.
 */
@Injectable()
export class FollowUpWebhook {
  private readonly logger = new Logger(FollowUpWebhook.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectQueue(QueueName.FollowUps) private readonly queue: Queue,
  ) {}

  private get settings(): AppConfig['followUps']['webhook'] {
    return this.config.get('followUps', { infer: true }).webhook;
  }

  /** Adds the delivery jobs; call after the transaction that recorded the notifications committed. */
  async enqueue(notifications: Array<{ id: string; deliveryAttempts: number }>): Promise<void> {
    const { url, attempts, backoffMs } = this.settings;
    if (!url || notifications.length === 0) return;
    const payload = (id: string): JobPayload<JobName.FollowUpNotify> => ({ notificationId: id });
    await this.queue.addBulk(
      notifications.map((notification) => ({
        name: JobName.FollowUpNotify,
        data: payload(notification.id),
        opts: {
          jobId: followUpNotifyJobId(notification.id),
          // Tries made before Redis lost the job count against the limit too.
          attempts: Math.max(1, attempts - notification.deliveryAttempts),
          backoff: { type: 'exponential', delay: backoffMs },
          // The row keeps what matters (delivered_at, tries, last error). A kept failed job would
          // only stop the reconciler from re-adding one whose failures were never counted.
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** For a fresh notification: a failure here loses nothing, the reconciler adds the job. */
  async enqueueQuietly(notificationId: string): Promise<void> {
    try {
      await this.enqueue([{ id: notificationId, deliveryAttempts: 0 }]);
    } catch (error) {
      this.logger.warn({ err: error, notificationId }, 'Webhook delivery job not added; the reconciler will');
    }
  }

  /**
   * Re-adds the job of every notification not yet delivered and not given up (a no-op while Redis
   * still holds it), as long as it is news: its follow-up is still DUE at that try. Notifications
   * recorded before a webhook was configured, or of calls made since, are not sent late. Returns how
   * many there are.
   */
  async enqueueUndelivered(): Promise<number> {
    const { url, attempts } = this.settings;
    if (!url) return 0;
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const rows: Array<{ id: string; deliveryAttempts: number }> = await this.dataSource.query(
        `SELECT n.id, n.delivery_attempts AS "deliveryAttempts" FROM follow_up_notifications n
         JOIN follow_ups f ON f.id = n.follow_up_id AND f.status = 'DUE' AND f.attempt = n.attempt
         WHERE n.delivered_at IS NULL AND n.delivery_attempts < $1 AND ($2::uuid IS NULL OR n.id > $2)
         ORDER BY n.id LIMIT $3`,
        [attempts, after, RECONCILE_BATCH],
      );
      if (rows.length === 0) break;
      await this.enqueue(rows);
      count += rows.length;
      after = rows[rows.length - 1].id;
    }
    return count;
  }

  /**
   * One try. Delivered (2xx): the row says so and later jobs change nothing. Failed: the try and its
   * reason are recorded, then WebhookDeliveryFailed is thrown for BullMQ to try again.
   */
  async deliver(notificationId: string): Promise<DeliveryOutcome> {
    const { url, secret, attempts } = this.settings;
    // Queued while a webhook was configured and no longer is: nothing to send to.
    if (!url) return 'no-webhook';
    const [notification]: NotificationRow[] = await this.dataSource.query(
      `SELECT n.id, n.follow_up_id AS "followUpId", f.placement_id AS "placementId", n.unit_id AS "unitId",
              f.party, f.milestone, n.attempt, f.due_at AS "dueAt", n.created_at AS "notifiedAt",
              n.delivered_at AS "deliveredAt", n.delivery_attempts AS "deliveryAttempts",
              f.status = 'DUE' AND f.attempt = n.attempt AS current
       FROM follow_up_notifications n JOIN follow_ups f ON f.id = n.follow_up_id
       WHERE n.id = $1`,
      [notificationId],
    );
    // Erased with its placement after the job was added.
    if (!notification) return 'gone';
    if (notification.deliveredAt) return 'already-delivered';
    if (notification.deliveryAttempts >= attempts) return 'given-up';
    // The call was made (or tried and planned again) before this got through: no longer news.
    if (!notification.current) return 'stale';

    const body = JSON.stringify(dueEvent(notification));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Notification-Id': notification.id,
    };
    if (secret) headers['X-Signature'] = webhookSignature(secret, body);
    const failure = await post(url, headers, body);

    if (failure === undefined) {
      await this.dataSource.query(
        `UPDATE follow_up_notifications SET delivered_at = $2, delivery_attempts = delivery_attempts + 1
         WHERE id = $1 AND delivered_at IS NULL`,
        [notification.id, this.clock.now()],
      );
      return 'delivered';
    }
    await this.dataSource.query(
      `UPDATE follow_up_notifications SET delivery_attempts = delivery_attempts + 1, last_delivery_error = $2
       WHERE id = $1 AND delivered_at IS NULL`,
      [notification.id, failure],
    );
    this.logger.warn(
      { notificationId, try: notification.deliveryAttempts + 1, of: attempts, reason: failure },
      'Webhook delivery failed',
    );
    throw new WebhookDeliveryFailed(failure);
  }
}

function dueEvent(notification: NotificationRow): FollowUpDueEvent {
  return {
    event: 'follow-up.due',
    notificationId: notification.id,
    followUpId: notification.followUpId,
    placementId: notification.placementId,
    unitId: notification.unitId,
    party: notification.party,
    milestone: notification.milestone,
    attempt: notification.attempt,
    dueAt: new Date(notification.dueAt).toISOString(),
    notifiedAt: new Date(notification.notifiedAt).toISOString(),
  };
}

/** POSTs the body; undefined when the receiver answered 2xx, otherwise the reason in a few words. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
  } catch (error) {
    return networkFailure(error);
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const snippet = await firstCharacters(response, ERROR_SNIPPET_CHARS);
  return snippet ? `HTTP ${response.status}: ${snippet}` : `HTTP ${response.status}`;
}

function networkFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, ERROR_SNIPPET_CHARS);
  if (error.name === 'TimeoutError') return `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a TLS error, …).
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return (detail ? `${error.message} (${detail})` : error.message).slice(0, ERROR_SNIPPET_CHARS);
}

/** The start of an error answer, read from its first chunk only: a huge error page is not loaded. */
async function firstCharacters(response: Response, count: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  try {
    const { value } = (await reader.read()) as { value?: Uint8Array };
    return value ? new TextDecoder().decode(value).replace(/\s+/g, ' ').trim().slice(0, count) : '';
  } catch {
    return '';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
