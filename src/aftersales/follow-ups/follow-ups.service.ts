import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { FollowUpParty } from './follow-up-status';
import { FollowUpWebhook } from './follow-up-webhook.service';

const PARTIES: readonly FollowUpParty[] = ['CLIENT', 'EMPLOYER'];

/** A PLANNED follow-up that needs a delayed job: internal ids and the moment only. */
export interface PlannedFollowUp {
  id: string;
  dueAt: Date;
  /** The try it is planned for: 1, or more after UNREACHABLE outcomes (each try has its own job). */
  attempt: number;
}

/** Rows per reconciler query: a long outage is worked off over several runs, not in one huge read. */
const RECONCILE_BATCH = 500;

/**
 * The due moment as SQL on `pl` (the placement): the offset after the start date at midnight in the
 * Netherlands, or after the registration when that is later. The interval is added to the Dutch
 * wall-clock time (a timestamptz would add months in the session's zone), so P3M is three calendar
 * months (31 January + P1M is 28 February) and lands on Dutch midnight in summer and winter alike.
 */
function dueAtSql(offset: string, registeredAt: string): string {
  return `(GREATEST(pl.start_date::timestamp, ${registeredAt} AT TIME ZONE 'Europe/Amsterdam')
            + ${offset}::interval) AT TIME ZONE 'Europe/Amsterdam'`;
}

/**
 * The deterministic job id: adding it twice keeps one job (BullMQ ignores a known id). A try after an
 * UNREACHABLE outcome needs a new id, since the first try's job may still be kept as completed.
 */
export function followUpJobId(followUpId: string, attempt = 1): string {
  return attempt === 1 ? `followup-${followUpId}` : `followup-${followUpId}-try-${attempt}`;
}

/**
 * Follow-ups of a placement: planned in the placement's transaction, triggered by delayed jobs, and
 * made due exactly once. PostgreSQL is the record of truth; Redis only triggers, so the reconciler
 * can rebuild every trigger from the table after Redis lost its data.
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger(FollowUpsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectQueue(QueueName.FollowUps) private readonly queue: Queue,
    private readonly webhook: FollowUpWebhook,
  ) {}

  /** The configured milestones (FOLLOW_UP_OFFSETS), milestone 1 first. */
  milestoneOffsets(): readonly string[] {
    return this.config.get('followUps', { infer: true }).offsets;
  }

  /**
   * Writes a call to the client and one to the employer per configured offset, inside the caller's
   * transaction. The offsets count from the start date (midnight in the Netherlands), but never from
   * before the registration: a placement registered on its start day, or late, is called the full
   * offset after it became known, not at once (see dueAtSql).
   */
  async planFor(placementId: string, manager: EntityManager): Promise<PlannedFollowUp[]> {
    const offsets = this.config.get('followUps', { infer: true }).offsets;
    const rows: Array<{ id: string; dueAt: Date }> = await manager.query(
      `INSERT INTO follow_ups (placement_id, unit_id, party, milestone, offset_iso, due_at)
       SELECT pl.id, pl.unit_id, party, o.milestone, o.offset_iso, ${dueAtSql('o.offset_iso', '$4::timestamptz')}
       FROM placements pl
       CROSS JOIN unnest($2::text[]) AS party
       CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS o (offset_iso, milestone)
       WHERE pl.id = $1
       RETURNING id, due_at AS "dueAt"`,
      [placementId, PARTIES, offsets, this.clock.now()],
    );
    return rows.map((row) => ({ id: row.id, dueAt: new Date(row.dueAt), attempt: 1 }));
  }

  /**
   * For demo data moved back in time: the PLANNED follow-ups of a placement due as if it had been
   * registered at its (moved) created_at. The delayed jobs already added fire later and change
   * nothing; the reconciler dispatches the ones now in the past.
   */
  async replanFromRegistration(placementId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE follow_ups f SET due_at = ${dueAtSql('f.offset_iso', 'pl.created_at')}
       FROM placements pl WHERE pl.id = f.placement_id AND pl.id = $1 AND f.status = 'PLANNED'`,
      [placementId],
    );
  }

  /**
   * One delayed job per follow-up; call after the transaction that planned them committed. A failure
   * here loses nothing: the rows are committed and the reconciler adds the missing jobs.
   */
  async schedule(followUps: PlannedFollowUp[]): Promise<void> {
    if (followUps.length === 0) return;
    const now = this.clock.now().getTime();
    const payload = (id: string): JobPayload<JobName.FollowUpDue> => ({ followUpId: id });
    await this.queue.addBulk(
      followUps.map((followUp) => ({
        name: JobName.FollowUpDue,
        data: payload(followUp.id),
        opts: {
          jobId: followUpJobId(followUp.id, followUp.attempt),
          delay: Math.max(0, followUp.dueAt.getTime() - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
        },
      })),
    );
  }

  /** Schedules after commit without failing the caller: the placement is registered either way. */
  async scheduleQuietly(followUps: PlannedFollowUp[]): Promise<void> {
    try {
      await this.schedule(followUps);
    } catch (error) {
      this.logger.warn({ err: error, count: followUps.length }, 'Follow-up jobs not added; the reconciler will');
    }
  }

  /**
   * The placement ended: the calls not yet made (planned, or due and not done) are cancelled, since
   * there is no job left to ask about. Inside the caller's transaction.
   */
  async cancelRemaining(placementId: string, manager: EntityManager): Promise<number> {
    const [, cancelled]: [unknown[], number] = await manager.query(
      `UPDATE follow_ups SET status = 'CANCELLED' WHERE placement_id = $1 AND status IN ('PLANNED', 'DUE')`,
      [placementId],
    );
    return cancelled;
  }

  /**
   * Makes a follow-up DUE and records its notification, once: the guarded UPDATE changes the row for
   * only one caller however often the job runs, the reconciler finds it, or both at once (the second
   * waits on the row lock, then sees DUE and changes nothing). A job that fires early changes nothing
   * either; the reconciler dispatches the row when it is due. Returns whether this call dispatched it.
   * The webhook delivery is queued after the commit and never undoes the dispatch.
   */
  async dispatch(followUpId: string): Promise<boolean> {
    const notificationId = await this.dataSource.transaction(async (manager): Promise<string | undefined> => {
      const now = this.clock.now();
      const [changed]: [Array<{ unitId: string; attempt: number }>, number] = await manager.query(
        `UPDATE follow_ups SET status = 'DUE', dispatched_at = $2
         WHERE id = $1 AND status = 'PLANNED' AND due_at <= $2
         RETURNING unit_id AS "unitId", attempt`,
        [followUpId, now],
      );
      const row = changed[0];
      if (!row) return undefined;
      const [notification]: Array<{ id: string }> = await manager.query(
        `INSERT INTO follow_up_notifications (follow_up_id, attempt, unit_id, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [followUpId, row.attempt, row.unitId, now],
      );
      return notification.id;
    });
    if (notificationId === undefined) return false;
    await this.webhook.enqueueQuietly(notificationId);
    return true;
  }

  /**
   * Dispatches every PLANNED follow-up that is due, re-adds the delayed jobs of the ones due within
   * the next two reconciler periods (a no-op for a job Redis still holds), and re-queues undelivered
   * webhook notifications. Safe to run anywhere, any number of times.
   *
   * Only the coming rows get their job back: a row further ahead is re-added by a later run before
   * it is due, and even a row without a job is dispatched by the run after its due moment. So a run
   * costs what is due soon, not every follow-up planned for the next six months (a national volume
   * would make each run re-add hundreds of thousands of jobs), and a flushed Redis still loses none.
   */
  async reconcile(): Promise<{ dispatched: number; scheduled: number; undelivered: number }> {
    const now = this.clock.now();
    let dispatched = 0;
    for (;;) {
      const due: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM follow_ups WHERE status = 'PLANNED' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
        [now, RECONCILE_BATCH],
      );
      let progressed = false;
      for (const { id } of due) {
        try {
          if (await this.dispatch(id)) dispatched++;
          progressed = true;
        } catch (error) {
          // One row that cannot be dispatched must not hold up the others; the next run retries it.
          this.logger.error({ err: error, followUpId: id }, 'Follow-up not dispatched');
        }
      }
      // A full batch that moved nothing would be read again as it is: stop until the next run.
      if (due.length < RECONCILE_BATCH || !progressed) break;
    }
    const periodMs = this.config.get('followUps', { infer: true }).reconcileSeconds * 1000;
    const scheduled = await this.restoreJobs(new Date(now.getTime() + 2 * periodMs));
    const undelivered = await this.webhook.enqueueUndelivered();
    return { dispatched, scheduled, undelivered };
  }

  /**
   * Adds the delayed job of every PLANNED follow-up due after now and up to `until` (a no-op for a job
   * Redis still holds), in batches. The reconciler passes a short horizon; a run without one restores
   * every planned job at once, e.g. to measure what that costs.
   */
  async restoreJobs(until: Date | null = null): Promise<number> {
    const now = this.clock.now();
    let scheduled = 0;
    let after: string | null = null;
    for (;;) {
      const planned: Array<{ id: string; dueAt: Date; attempt: number }> = await this.dataSource.query(
        `SELECT id, due_at AS "dueAt", attempt FROM follow_ups
         WHERE status = 'PLANNED' AND due_at > $1 AND ($2::timestamptz IS NULL OR due_at <= $2)
           AND ($3::uuid IS NULL OR id > $3)
         ORDER BY id LIMIT $4`,
        [now, until, after, RECONCILE_BATCH],
      );
      if (planned.length === 0) break;
      await this.schedule(planned.map((row) => ({ id: row.id, dueAt: new Date(row.dueAt), attempt: row.attempt })));
      scheduled += planned.length;
      after = planned[planned.length - 1].id;
    }
    return scheduled;
  }
}
