import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { toAuthenticatedUser } from '@identity/auth/auth.service';
import { demoEmail } from '@identity/cli/demo-users';
import { ALL_ORGANISATIONS, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { Clock } from '@platform/clock/clock';
import { DomainError } from '@platform/errors/domain-error';
import { FollowUpResult } from './dto/follow-up.dto';
import { FollowUpCallsService } from './follow-up-calls.service';
import { FollowUpsService } from './follow-ups.service';

export type FollowUpsSeedReport =
  | { skipped: string }
  | { dueToday: number; dispatched: number; outcomes: Partial<Record<FollowUpResult | 'MISSED', number>> }
  | { existing: number };

const DAY_MS = 86_400_000;
/** Calls due within this many days stay open: the demo call list keeps overdue work. */
const LEAVE_OPEN_DAYS = 10;
/** How many clients get their three-month call today. */
const DUE_TODAY = 3;

/**
 * Demo aftersales work on the demo placements: a few calls due today, the older due calls answered
 * through the real outcome service by the demo aftersales user of the placement's unit (mostly still
 * working, some at risk, some unreachable until MISSED, some left the job), and the recent ones left
 * open as overdue. Runs once: when any call is recorded, it changes nothing.
 */
@Injectable()
export class FollowUpsDemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly followUps: FollowUpsService,
    private readonly calls: FollowUpCallsService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<FollowUpsSeedReport> {
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM follow_up_calls`,
    );
    if (count > 0) return { existing: count };
    const callers = await this.aftersalesPerUnit();
    if (callers.size === 0) return { skipped: 'the demo aftersales users are missing' };

    const dueToday = await this.bringDueToday();
    const { dispatched } = await this.followUps.reconcile();
    const now = this.clock.now().getTime();
    const answered: Array<{ id: string; unitId: string; dueAt: Date }> = await this.dataSource.query(
      `SELECT id, unit_id AS "unitId", due_at AS "dueAt" FROM follow_ups
       WHERE status = 'DUE' AND due_at < $1 ORDER BY due_at, id`,
      [new Date(now - LEAVE_OPEN_DAYS * DAY_MS)],
    );
    const outcomes: Partial<Record<FollowUpResult | 'MISSED', number>> = {};
    for (const [index, followUp] of answered.entries()) {
      const caller = callers.get(followUp.unitId);
      if (!caller) continue;
      // Called two days after it came due; about eight in ten still work, as in the Drechtsteden.
      const contactedAt = new Date(Math.min(new Date(followUp.dueAt).getTime() + 2 * DAY_MS, now));
      // Of every 25 calls: one unreachable until MISSED, two at risk, one left the job (which ends the
      // placement and cancels its later calls), so about eight in ten still work at 3 and at 6 months.
      const kind = index % 25;
      try {
        if (kind === 8) {
          await this.unreachableUntilMissed(caller, followUp.id, contactedAt);
          outcomes.MISSED = (outcomes.MISSED ?? 0) + 1;
          continue;
        }
        const result: FollowUpResult =
          kind === 7 || kind === 19 ? 'AT_RISK' : kind === 9 ? 'LEFT_JOB' : 'STILL_WORKING';
        await this.calls.recordOutcome(caller, followUp.id, {
          result,
          contactedAt: contactedAt.toISOString(),
          note:
            result === 'AT_RISK'
              ? 'Vaak te laat; werkgever overweegt te stoppen'
              : result === 'LEFT_JOB'
                ? 'Werkgever heeft het contract in de proeftijd beëindigd'
                : 'Gaat goed, tevreden over het werk',
          endDate: result === 'LEFT_JOB' ? contactedAt.toISOString().slice(0, 10) : undefined,
        });
        outcomes[result] = (outcomes[result] ?? 0) + 1;
      } catch (error) {
        // A LEFT_JOB earlier in the loop cancelled this placement's other calls: skip, as a caller would.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return { dueToday, dispatched, outcomes };
  }

  /** Three unanswered calls, each retry dispatched at once (its wait lies in the past). */
  private async unreachableUntilMissed(caller: AuthenticatedUser, id: string, firstCall: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const contactedAt = new Date(Math.min(firstCall.getTime() + attempt * 3 * DAY_MS, this.clock.now().getTime()));
      const answer = await this.calls.recordOutcome(caller, id, {
        result: 'UNREACHABLE',
        contactedAt: contactedAt.toISOString(),
        note: 'Voicemail ingesproken',
      });
      if (answer.status !== 'PLANNED') return;
      await this.followUps.dispatch(id);
    }
  }

  /**
   * The running placements whose first call is nearest ahead start earlier, so that call is due
   * today (start date + offset, as always), and their later calls move with them. On the 29th to
   * 31st no start date + P3M lands on today (31 May − P3M + P3M is 28 May): those calls are a few
   * days overdue instead.
   */
  private async bringDueToday(): Promise<number> {
    const [, moved]: [unknown[], number] = await this.dataSource.query(
      `WITH nearest AS (
         SELECT f.placement_id, f.offset_iso FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
         WHERE f.status = 'PLANNED' AND f.milestone = 1 AND f.party = 'CLIENT' AND pl.end_date IS NULL
           AND f.due_at > $1
         ORDER BY f.due_at, f.id LIMIT $2)
       UPDATE placements pl
       SET start_date = (($1::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date - n.offset_iso::interval)::date
       FROM nearest n WHERE pl.id = n.placement_id`,
      [this.clock.now(), DUE_TODAY],
    );
    await this.dataSource.query(
      `UPDATE follow_ups f
       SET due_at = (pl.start_date::timestamp + f.offset_iso::interval) AT TIME ZONE 'Europe/Amsterdam'
       FROM placements pl WHERE pl.id = f.placement_id AND f.status = 'PLANNED'
         AND f.due_at <> (pl.start_date::timestamp + f.offset_iso::interval) AT TIME ZONE 'Europe/Amsterdam'`,
    );
    return moved;
  }

  /** Per unit, a demo aftersales user working in it. */
  private async aftersalesPerUnit(): Promise<Map<string, AuthenticatedUser>> {
    const callers = new Map<string, AuthenticatedUser>();
    for (const organisation of ALL_ORGANISATIONS) {
      const user = await this.users.findByEmail(demoEmail(Role.AFTERSALES, organisation));
      if (!user || callers.has(user.unitId)) continue;
      callers.set(user.unitId, toAuthenticatedUser(user));
    }
    return callers;
  }
}
