import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { FieldRuleError, NotFoundError, StaleVersionError } from '@platform/errors/domain-error';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { MAX_WW_TEAM_ORGANISATIONS } from '../max-ww-team';
import {
  AttendanceLockedError,
  MeetingCancelledError,
  MeetingFullError,
  MeetingNotHeldError,
  MeetingPassedError,
  MeetingStartedError,
  NotAbsentError,
  NotInvitableError,
  NotInvitableReason,
  NotPresentError,
  RouteExistsError,
} from '../max-ww.errors';
import { Attendance, RouteDto } from '../selection/dto/selection.dto';
import { ROUTE_COLUMNS, ROUTE_FROM, routeDto, RouteRow, selectableSql } from '../selection/selection.service';
import { amsterdamDay } from '../selection/selection-window';
import {
  CancelMeetingDto,
  CreateMeetingDto,
  CreateRouteDto,
  FollowUpOutcome,
  HostDto,
  InvitationLetterDto,
  InviteDto,
  InviteeDto,
  MeetingAttendanceDto,
  MeetingDto,
  MeetingListQuery,
  MeetingSummaryDto,
  TeamMemberDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { invitationLetter } from './invitation-letter';

/** How far ahead a meeting may be planned: a typo in the year is refused, not stored. */
const PLAN_AHEAD_DAYS = 730;

const SUMMARY_COLUMNS = `m.id, m.unit_id AS "unitId", un.name AS "unitName", m.starts_at AS "startsAt", m.place,
  m.capacity, m.cancelled_at AS "cancelledAt", m.cancel_reason AS "cancelReason", cu.name AS "cancelledByName",
  m.created_by AS "createdBy", m.version,
  count(i.id)::int AS invited,
  count(i.id) FILTER (WHERE i.attendance = 'PRESENT')::int AS present,
  count(i.id) FILTER (WHERE i.attendance = 'ABSENT')::int AS absent,
  count(i.id) FILTER (WHERE i.attendance IS NULL)::int AS unregistered,
  count(i.id) FILTER (WHERE i.follow_up_outcome IS NOT NULL)::int AS "followedUp",
  count(i.id) FILTER (WHERE i.attendance = 'PRESENT' AND EXISTS (
    SELECT 1 FROM max_ww_routes r WHERE r.candidate_id = i.candidate_id AND r.meeting_id = m.id))::int AS triaged`;
const SUMMARY_FROM = `max_ww_meetings m JOIN units un ON un.id = m.unit_id
  LEFT JOIN users cu ON cu.id = m.cancelled_by
  LEFT JOIN max_ww_invitations i ON i.meeting_id = m.id`;

interface SummaryRow {
  id: string;
  unitId: string;
  unitName: string;
  startsAt: Date;
  place: string;
  capacity: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledByName: string | null;
  createdBy: string;
  version: number;
  invited: number;
  present: number;
  absent: number;
  unregistered: number;
  followedUp: number;
  triaged: number;
}

const INVITEE_COLUMNS = `i.id, i.meeting_id AS "meetingId", i.candidate_id AS "candidateId", c.name,
  c.source_reference AS "sourceReference", c.ww_end_date::text AS "wwEndDate", c.phone, c.email, i.attempt,
  i.channel, i.invited_on::text AS "invitedOn", iu.name AS "invitedByName", i.attendance,
  i.attendance_recorded_at AS "attendanceRecordedAt", i.follow_up_outcome AS "followUpOutcome",
  i.followed_up_at AS "followedUpAt", fu.name AS "followedUpByName",
  o.id AS "otherId", o.meeting_id AS "otherMeetingId", o.attempt AS "otherAttempt", om.starts_at AS "otherStartsAt",
  o.attendance AS "otherAttendance"`;
const INVITEE_FROM = `max_ww_invitations i
  JOIN candidates c ON c.id = i.candidate_id
  JOIN users iu ON iu.id = i.invited_by
  LEFT JOIN users fu ON fu.id = i.followed_up_by
  LEFT JOIN max_ww_invitations o ON o.candidate_id = i.candidate_id AND o.id <> i.id AND o.cancelled_at IS NULL
  LEFT JOIN max_ww_meetings om ON om.id = o.meeting_id`;

type InviteeRow = Omit<InviteeDto, 'attendanceRecordedAt' | 'followedUpAt' | 'otherInvitation' | 'route'> & {
  attendanceRecordedAt: Date | null;
  followedUpAt: Date | null;
  otherId: string | null;
  otherMeetingId: string;
  otherAttempt: number;
  otherStartsAt: Date;
  otherAttendance: Attendance | null;
};

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The compulsory group meetings of the Max-WW programme: planning, inviting a selection (at most two
 * invitations per client, the second after a no-show), attendance, calling absentees, the hand-over
 * to the UWV adviser after two no-shows, and the triage of those who came. Invitees are read through
 * the candidates' visibility rule in SQL, and every read or change of a client is audited.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Who may host: active advisers of the team's organisations. */
  async team(): Promise<TeamMemberDto[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name, u.organisation, u.unit_id AS "unitId" FROM users u
       WHERE u.active AND 'ADVISER' = ANY(u.roles) AND u.organisation = ANY($1::text[])
       ORDER BY lower(u.name), u.id`,
      [MAX_WW_TEAM_ORGANISATIONS],
    );
  }

  async plan(actor: AuthenticatedUser, input: CreateMeetingDto): Promise<MeetingDto> {
    const startsAt = this.plannableStart(input.startsAt);
    const id = await this.dataSource.transaction(async (manager) => {
      const [unit]: Array<{ id: string }> = await manager.query(`SELECT id FROM units WHERE id = $1`, [input.unitId]);
      if (!unit) throw new FieldRuleError('UNIT_NOT_FOUND', 'unitId', 'must be an existing unit');
      await this.assertHosts(manager, input.hostIds);
      const [{ id: meetingId }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.unitId, startsAt, input.place, input.capacity, actor.id, this.clock.now()],
      );
      await manager.query(`INSERT INTO max_ww_meeting_hosts (meeting_id, user_id) SELECT $1, unnest($2::uuid[])`, [
        meetingId,
        input.hostIds,
      ]);
      return meetingId;
    });
    return this.meeting(actor, id);
  }

  /**
   * Date, place, capacity or hosts changed before the meeting begins. The capacity never goes below
   * the number invited; a new date stays within the planning rules, not before an invitation was
   * sent, and after the first meeting of anyone invited here for the second time.
   */
  async update(actor: AuthenticatedUser, meetingId: string, input: UpdateMeetingDto): Promise<MeetingDto> {
    const startsAt = input.startsAt === undefined ? undefined : this.plannableStart(input.startsAt);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeetingForChange(manager, meetingId, input.version);
      const [{ invited, lastInvitedOn, latestFirstMeeting }]: Array<{
        invited: number;
        lastInvitedOn: string | null;
        latestFirstMeeting: Date | null;
      }> = await manager.query(
        `SELECT count(*)::int AS invited, max(i.invited_on)::text AS "lastInvitedOn",
                max(fm.starts_at) AS "latestFirstMeeting"
         FROM max_ww_invitations i
         LEFT JOIN max_ww_invitations f ON f.candidate_id = i.candidate_id AND f.attempt = 1 AND i.attempt = 2
           AND f.cancelled_at IS NULL
         LEFT JOIN max_ww_meetings fm ON fm.id = f.meeting_id
         WHERE i.meeting_id = $1 AND i.cancelled_at IS NULL`,
        [meetingId],
      );
      if (input.capacity !== undefined && input.capacity < invited) {
        throw new FieldRuleError(
          'CAPACITY_BELOW_INVITED',
          'capacity',
          `must be at least the ${invited} clients invited already`,
        );
      }
      if (startsAt !== undefined) {
        if (lastInvitedOn !== null && amsterdamDay(startsAt) < lastInvitedOn) {
          throw new FieldRuleError(
            'MEETING_BEFORE_INVITATION',
            'startsAt',
            'must not be before an invitation was sent',
          );
        }
        if (latestFirstMeeting !== null && startsAt.getTime() <= new Date(latestFirstMeeting).getTime()) {
          throw new FieldRuleError(
            'NOT_A_LATER_MEETING',
            'startsAt',
            'must be after the first meeting of the clients invited here a second time',
          );
        }
      }
      if (input.hostIds !== undefined) {
        await this.assertHosts(manager, input.hostIds);
        await manager.query(`DELETE FROM max_ww_meeting_hosts WHERE meeting_id = $1`, [meetingId]);
        await manager.query(`INSERT INTO max_ww_meeting_hosts (meeting_id, user_id) SELECT $1, unnest($2::uuid[])`, [
          meetingId,
          input.hostIds,
        ]);
      }
      await manager.query(
        `UPDATE max_ww_meetings SET starts_at = $2, place = $3, capacity = $4, version = version + 1 WHERE id = $1`,
        [meetingId, startsAt ?? meeting.startsAt, input.place ?? meeting.place, input.capacity ?? meeting.capacity],
      );
      return this.meeting(actor, meetingId, manager);
    });
  }

  /**
   * Called off before it begins, with the reason. The invitations stay on record but lapse: their
   * clients are not absent (no attendance can be registered), and may be invited again as if this
   * invitation had not been sent. Each client's record notes the cancellation (audited).
   */
  async cancel(actor: AuthenticatedUser, meetingId: string, input: CancelMeetingDto): Promise<MeetingDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMeetingForChange(manager, meetingId, input.version);
      const now = this.clock.now();
      // An UPDATE answers [rows, count] through TypeORM's pg driver.
      const [lapsed]: [Array<{ candidateId: string }>, number] = await manager.query(
        `UPDATE max_ww_invitations SET cancelled_at = $2 WHERE meeting_id = $1 AND cancelled_at IS NULL
         RETURNING candidate_id AS "candidateId"`,
        [meetingId, now],
      );
      await manager.query(
        `UPDATE max_ww_meetings SET cancelled_at = $2, cancelled_by = $3, cancel_reason = $4, version = version + 1
         WHERE id = $1`,
        [meetingId, now, actor.id, input.reason],
      );
      await this.audit.recordMany(
        lapsed.map(({ candidateId }) => ({
          actor,
          action: 'update' as const,
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose: `Max-WW meeting ${meetingId} cancelled: invitation lapsed`,
        })),
        manager,
      );
      return this.meeting(actor, meetingId, manager);
    });
  }

  /** The meetings with their counts, latest first; no client is named, so nothing to audit. */
  async list(query: MeetingListQuery): Promise<MeetingSummaryDto[]> {
    const sql = new SqlParams();
    const where: string[] = ['TRUE'];
    const day = `(m.starts_at AT TIME ZONE 'Europe/Amsterdam')::date`;
    if (query.from) where.push(`${day} >= ${sql.p(query.from)}::date`);
    if (query.to) where.push(`${day} <= ${sql.p(query.to)}::date`);
    if (query.unitId) where.push(`m.unit_id = ${sql.p(query.unitId)}`);
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE ${where.join(' AND ')}
       GROUP BY m.id, un.name, cu.name ORDER BY m.starts_at DESC, m.id LIMIT 500`,
      sql.values,
    );
    const hosts = await this.hostsOf(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => summaryDto(row, hosts.get(row.id) ?? []));
  }

  /** One meeting with its invitees (those the user may see); an audited read of each. */
  async meeting(
    actor: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MeetingDto> {
    const [row]: SummaryRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE m.id = $1 GROUP BY m.id, un.name, cu.name`,
      [id],
    );
    if (!row) throw new NotFoundError('Meeting', 'MEETING_NOT_FOUND');
    const sql = new SqlParams();
    const invitees: InviteeRow[] = await manager.query(
      `SELECT ${INVITEE_COLUMNS} FROM ${INVITEE_FROM}
       WHERE i.meeting_id = ${sql.p(id)} AND ${visibleToSql(actor, sql)}
       ORDER BY lower(c.name), i.id`,
      sql.values,
    );
    const routes = await this.routesOf(
      manager,
      invitees.map((invitee) => invitee.candidateId),
    );
    const hosts = await this.hostsOf(manager, [id]);
    await this.audit.recordListed(
      actor,
      'candidate',
      invitees.map((invitee) => invitee.candidateId),
      `Max-WW meeting ${id}`,
      manager === this.dataSource.manager ? undefined : manager,
    );
    return {
      ...summaryDto(row, hosts.get(id) ?? []),
      invitations: invitees.map((invitee) => inviteeDto(invitee, routes.get(invitee.candidateId) ?? null)),
      hiddenInvitees: row.invited - invitees.length,
    };
  }

  /**
   * Invite a selection in one transaction: all or none. The meeting row is locked, so two advisers
   * inviting at once cannot pass its capacity together.
   */
  async invite(actor: AuthenticatedUser, meetingId: string, input: InviteDto): Promise<MeetingDto> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      const today = amsterdamDay(this.clock.now());
      if (amsterdamDay(meeting.startsAt) < today) throw new MeetingPassedError();
      if (input.invitedOn > amsterdamDay(meeting.startsAt)) {
        throw new FieldRuleError('INVITED_AFTER_MEETING', 'invitedOn', "must be on or before the meeting's day");
      }
      const ids = input.candidateIds;
      const sql = new SqlParams();
      const visible: Array<{ id: string }> = await manager.query(
        `SELECT c.id FROM candidates c WHERE c.id = ANY(${sql.p(ids)}::uuid[]) AND ${selectableSql(actor, sql)}`,
        sql.values,
      );
      if (visible.length !== ids.length) {
        throw new FieldRuleError('CANDIDATE_NOT_FOUND', 'candidateIds', 'must be WW clients you may see');
      }
      const refuse = (reason: NotInvitableReason, which: string[]) => {
        if (which.length > 0) throw new NotInvitableError(reason, which);
      };
      const excluded: Array<{ id: string }> = await manager.query(
        `SELECT candidate_id AS id FROM max_ww_exclusions WHERE candidate_id = ANY($1::uuid[]) AND lifted_at IS NULL`,
        [ids],
      );
      refuse(
        'EXCLUDED',
        excluded.map((row) => row.id),
      );
      const routed: Array<{ id: string }> = await manager.query(
        `SELECT candidate_id AS id FROM max_ww_routes WHERE candidate_id = ANY($1::uuid[])`,
        [ids],
      );
      refuse(
        'ROUTED',
        routed.map((row) => row.id),
      );
      const earlier: Array<{ candidateId: string; meetingId: string; attendance: Attendance | null; startsAt: Date }> =
        await manager.query(
          `SELECT i.candidate_id AS "candidateId", i.meeting_id AS "meetingId", i.attendance, m.starts_at AS "startsAt"
           FROM max_ww_invitations i JOIN max_ww_meetings m ON m.id = i.meeting_id
           WHERE i.candidate_id = ANY($1::uuid[]) AND i.cancelled_at IS NULL
           ORDER BY i.attempt`,
          [ids],
        );
      const byCandidate = new Map<string, typeof earlier>();
      for (const invitation of earlier) {
        byCandidate.set(invitation.candidateId, [...(byCandidate.get(invitation.candidateId) ?? []), invitation]);
      }
      const whose = (test: (invitations: typeof earlier) => boolean) =>
        [...byCandidate.entries()].filter(([, invitations]) => test(invitations)).map(([candidateId]) => candidateId);
      refuse(
        'ALREADY_INVITED_HERE',
        whose((invitations) => invitations.some((invitation) => invitation.meetingId === meetingId)),
      );
      refuse(
        'INVITED_TWICE',
        whose((invitations) => invitations.length >= 2),
      );
      refuse(
        'FIRST_INVITATION_OPEN',
        whose((invitations) => invitations[0].attendance === null),
      );
      refuse(
        'ATTENDED',
        whose((invitations) => invitations[0].attendance === 'PRESENT'),
      );
      refuse(
        'NOT_LATER_MEETING',
        whose((invitations) => new Date(invitations[0].startsAt).getTime() >= meeting.startsAt.getTime()),
      );
      const [{ invited }]: Array<{ invited: number }> = await manager.query(
        `SELECT count(*)::int AS invited FROM max_ww_invitations WHERE meeting_id = $1`,
        [meetingId],
      );
      if (invited + ids.length > meeting.capacity) throw new MeetingFullError(meeting.capacity, invited, ids.length);
      try {
        await manager.query(
          `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by)
           SELECT $1, id, CASE WHEN id = ANY($5::uuid[]) THEN 2 ELSE 1 END, $2, $3, $4 FROM unnest($6::uuid[]) AS id`,
          [meetingId, input.channel, input.invitedOn, actor.id, [...byCandidate.keys()], ids],
        );
      } catch (error) {
        // Another adviser invited one of them to another meeting at the same moment.
        if (isUniqueViolation(error)) throw new NotInvitableError('INVITED_TWICE', ids);
        throw error;
      }
      await this.audit.recordMany(
        ids.map((candidateId) => ({
          actor,
          action: 'update' as const,
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose: `Max-WW invitation to meeting ${meetingId} by ${input.channel}`,
        })),
        manager,
      );
      return this.meeting(actor, meetingId, manager);
    });
  }

  /** The invitation text for the work folder or the e-mail; the client's name is in it, no BSN. Audited. */
  async letter(actor: AuthenticatedUser, invitationId: string): Promise<InvitationLetterDto> {
    const sql = new SqlParams();
    const [row]: Array<{
      candidateId: string;
      name: string | null;
      channel: 'WORK_FOLDER' | 'EMAIL';
      attempt: number;
      meetingId: string;
      startsAt: Date;
      place: string;
    }> = await this.dataSource.query(
      `SELECT i.candidate_id AS "candidateId", c.name, i.channel, i.attempt, m.id AS "meetingId",
              m.starts_at AS "startsAt", m.place
       FROM max_ww_invitations i JOIN candidates c ON c.id = i.candidate_id JOIN max_ww_meetings m ON m.id = i.meeting_id
       WHERE i.id = ${sql.p(invitationId)} AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (!row) throw new NotFoundError('Invitation', 'INVITATION_NOT_FOUND');
    const hosts = (await this.hostsOf(this.dataSource.manager, [row.meetingId])).get(row.meetingId) ?? [];
    await this.audit.record({
      actor,
      action: 'read',
      subjectType: 'candidate',
      subjectId: row.candidateId,
      purpose: `Max-WW invitation letter ${invitationId}`,
    });
    const letter = invitationLetter({
      channel: row.channel,
      clientName: row.name,
      attempt: row.attempt,
      startsAt: new Date(row.startsAt),
      place: row.place,
      hostNames: hosts.map((host) => host.name),
    });
    return { invitationId, channel: row.channel, ...letter };
  }

  async registerAttendance(
    actor: AuthenticatedUser,
    invitationId: string,
    attendance: Attendance,
  ): Promise<InviteeDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.setAttendance(manager, actor, invitationId, attendance);
      return this.invitee(manager, invitationId);
    });
  }

  /** The whole register of a meeting in one request and one transaction. */
  async registerMeetingAttendance(
    actor: AuthenticatedUser,
    meetingId: string,
    input: MeetingAttendanceDto,
  ): Promise<MeetingDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMeeting(manager, meetingId);
      const ids = input.entries.map((entry) => entry.invitationId);
      if (new Set(ids).size !== ids.length) {
        throw new FieldRuleError('INVITATION_TWICE', 'entries', 'must name each invitation once');
      }
      const [{ count }]: Array<{ count: number }> = await manager.query(
        `SELECT count(*)::int AS count FROM max_ww_invitations WHERE id = ANY($1::uuid[]) AND meeting_id = $2`,
        [ids, meetingId],
      );
      if (count !== ids.length) {
        throw new FieldRuleError('INVITATION_NOT_FOUND', 'entries', 'must be invitations to this meeting');
      }
      for (const entry of input.entries) await this.setAttendance(manager, actor, entry.invitationId, entry.attendance);
      return this.meeting(actor, meetingId, manager);
    });
  }

  /** The call to an absentee after the meeting. */
  async followUp(actor: AuthenticatedUser, invitationId: string, outcome: FollowUpOutcome): Promise<InviteeDto> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockInvitation(manager, actor, invitationId);
      if (invitation.attendance !== 'ABSENT') throw new NotAbsentError();
      await manager.query(
        `UPDATE max_ww_invitations SET follow_up_outcome = $2, followed_up_at = $3, followed_up_by = $4 WHERE id = $1`,
        [invitationId, outcome, this.clock.now(), actor.id],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: invitation.candidateId,
          purpose: `Max-WW absentee called: ${outcome}`,
        },
        manager,
      );
      return this.invitee(manager, invitationId);
    });
  }

  /** Triage after the meeting, for a client who came: the signed-in user decides. */
  async route(actor: AuthenticatedUser, input: CreateRouteDto): Promise<RouteDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [invitation]: Array<{ attendance: Attendance | null }> = await manager.query(
        `SELECT i.attendance FROM max_ww_invitations i JOIN candidates c ON c.id = i.candidate_id
         WHERE i.meeting_id = ${sql.p(input.meetingId)} AND i.candidate_id = ${sql.p(input.candidateId)}
           AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         FOR UPDATE OF i`,
        sql.values,
      );
      if (!invitation) throw new NotFoundError('Invitation of this client to this meeting', 'INVITATION_NOT_FOUND');
      if (invitation.attendance !== 'PRESENT') throw new NotPresentError();
      try {
        await manager.query(
          `INSERT INTO max_ww_routes (candidate_id, route, basis, meeting_id, decided_by, decided_at)
           VALUES ($1, $2, 'TRIAGE', $3, $4, $5)`,
          [input.candidateId, input.route, input.meetingId, actor.id, this.clock.now()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new RouteExistsError();
        throw error;
      }
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: input.candidateId,
          purpose: `Max-WW triage: ${input.route}`,
        },
        manager,
      );
      return (await this.routesOf(manager, [input.candidateId])).get(input.candidateId)!;
    });
  }

  // ---- inside a transaction --------------------------------------------------------------------

  /** A meeting's start as asked for a plan or a change: today or later, within two years. */
  private plannableStart(value: string): Date {
    const startsAt = new Date(value);
    const day = amsterdamDay(startsAt);
    if (day < amsterdamDay(this.clock.now())) {
      throw new FieldRuleError('MEETING_IN_PAST', 'startsAt', 'must be today or later');
    }
    const latest = amsterdamDay(new Date(this.clock.now().getTime() + PLAN_AHEAD_DAYS * 86_400_000));
    if (day > latest) throw new FieldRuleError('MEETING_TOO_FAR', 'startsAt', 'must be within two years');
    return startsAt;
  }

  private async assertHosts(manager: EntityManager, hostIds: string[]): Promise<void> {
    const hosts: Array<{ id: string }> = await manager.query(
      `SELECT u.id FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND 'ADVISER' = ANY(u.roles)
         AND u.organisation = ANY($2::text[])`,
      [hostIds, MAX_WW_TEAM_ORGANISATIONS],
    );
    if (hosts.length !== hostIds.length) {
      throw new FieldRuleError('HOST_NOT_IN_TEAM', 'hostIds', 'must be active advisers of the Max-WW team');
    }
  }

  /**
   * The meeting locked for a change or a cancellation: not cancelled, the version read, and not yet
   * begun (its start is later than now; attendance can be registered from the meeting's day on).
   */
  private async lockMeetingForChange(
    manager: EntityManager,
    meetingId: string,
    version: number,
  ): Promise<{ startsAt: Date; capacity: number; place: string }> {
    const meeting = await this.lockMeeting(manager, meetingId);
    if (meeting.version !== version) throw new StaleVersionError('Meeting');
    if (meeting.startsAt.getTime() <= this.clock.now().getTime()) throw new MeetingStartedError();
    // The invitations locked too: a single register (setAttendance) locks only its invitation, not the
    // meeting, so one under way on the meeting's day is waited for and then seen here, instead of the
    // cancellation's update running into the check that a lapsed invitation has no attendance (a 500).
    // Meeting before invitations, the order the whole register takes them in.
    const invitations: Array<{ attendance: Attendance | null }> = await manager.query(
      `SELECT attendance FROM max_ww_invitations WHERE meeting_id = $1 AND cancelled_at IS NULL ORDER BY id FOR UPDATE`,
      [meetingId],
    );
    if (invitations.some((invitation) => invitation.attendance !== null)) throw new MeetingStartedError();
    return meeting;
  }

  private async lockMeeting(
    manager: EntityManager,
    meetingId: string,
  ): Promise<{ startsAt: Date; capacity: number; place: string; version: number }> {
    const [meeting]: Array<{
      startsAt: Date;
      capacity: number;
      place: string;
      version: number;
      cancelledAt: Date | null;
    }> = await manager.query(
      `SELECT starts_at AS "startsAt", capacity, place, version, cancelled_at AS "cancelledAt"
       FROM max_ww_meetings WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
    if (!meeting) throw new NotFoundError('Meeting', 'MEETING_NOT_FOUND');
    if (meeting.cancelledAt !== null) throw new MeetingCancelledError();
    return { ...meeting, startsAt: new Date(meeting.startsAt) };
  }

  private async lockInvitation(
    manager: EntityManager,
    actor: AuthenticatedUser,
    invitationId: string,
  ): Promise<{
    candidateId: string;
    meetingId: string;
    attempt: number;
    attendance: Attendance | null;
    startsAt: Date;
    cancelled: boolean;
  }> {
    const sql = new SqlParams();
    const [row]: Array<{
      candidateId: string;
      meetingId: string;
      attempt: number;
      attendance: Attendance | null;
      startsAt: Date;
      cancelled: boolean;
    }> = await manager.query(
      `SELECT i.candidate_id AS "candidateId", i.meeting_id AS "meetingId", i.attempt, i.attendance,
              m.starts_at AS "startsAt", (i.cancelled_at IS NOT NULL) AS cancelled
       FROM max_ww_invitations i JOIN candidates c ON c.id = i.candidate_id JOIN max_ww_meetings m ON m.id = i.meeting_id
       WHERE i.id = ${sql.p(invitationId)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
       FOR UPDATE OF i`,
      sql.values,
    );
    if (!row) throw new NotFoundError('Invitation', 'INVITATION_NOT_FOUND');
    return { ...row, startsAt: new Date(row.startsAt) };
  }

  /**
   * Came or not. The second ABSENT of a client (attempts 1 and 2) hands the client over to the UWV
   * adviser in the same transaction; correcting that ABSENT to PRESENT takes the hand-over back.
   */
  private async setAttendance(
    manager: EntityManager,
    actor: AuthenticatedUser,
    invitationId: string,
    attendance: Attendance,
  ): Promise<string> {
    const invitation = await this.lockInvitation(manager, actor, invitationId);
    // A cancelled meeting's invitees did not miss it: nobody is registered there, so nobody counts as absent.
    if (invitation.cancelled) throw new MeetingCancelledError();
    if (amsterdamDay(invitation.startsAt) > amsterdamDay(this.clock.now())) throw new MeetingNotHeldError();
    if (invitation.attendance === attendance) return invitation.meetingId;
    const [others, [route]] = (await Promise.all([
      manager.query(
        `SELECT attempt, attendance FROM max_ww_invitations WHERE candidate_id = $1 AND id <> $2 AND cancelled_at IS NULL`,
        [invitation.candidateId, invitationId],
      ),
      manager.query(`SELECT basis, meeting_id AS "meetingId" FROM max_ww_routes WHERE candidate_id = $1`, [
        invitation.candidateId,
      ]),
    ])) as [
      Array<{ attempt: number; attendance: Attendance | null }>,
      Array<{ basis: string; meetingId: string | null }>,
    ];
    if (others.some((other) => other.attempt > invitation.attempt)) {
      throw new AttendanceLockedError('the client was invited again after this meeting');
    }
    if (route && route.basis === 'TRIAGE') throw new AttendanceLockedError('the client was triaged already');
    await manager.query(
      `UPDATE max_ww_invitations
       SET attendance = $2, attendance_recorded_at = $3, attendance_recorded_by = $4,
           follow_up_outcome = CASE WHEN $5 THEN NULL ELSE follow_up_outcome END,
           followed_up_at = CASE WHEN $5 THEN NULL ELSE followed_up_at END,
           followed_up_by = CASE WHEN $5 THEN NULL ELSE followed_up_by END
       WHERE id = $1`,
      // A client who came was not called as an absentee: a corrected register clears that call.
      [invitationId, attendance, this.clock.now(), actor.id, attendance === 'PRESENT'],
    );
    const firstAbsent = others.some((other) => other.attempt === 1 && other.attendance === 'ABSENT');
    let handedOver = false;
    if (invitation.attempt === 2 && firstAbsent && attendance === 'ABSENT') {
      await manager.query(
        `INSERT INTO max_ww_routes (candidate_id, route, basis, meeting_id, decided_by, decided_at)
         VALUES ($1, 'UWV_ADVISER', 'TWO_NO_SHOWS', $2, $3, $4) ON CONFLICT (candidate_id) DO NOTHING`,
        [invitation.candidateId, invitation.meetingId, actor.id, this.clock.now()],
      );
      handedOver = true;
    } else if (route?.basis === 'TWO_NO_SHOWS') {
      await manager.query(`DELETE FROM max_ww_routes WHERE candidate_id = $1 AND basis = 'TWO_NO_SHOWS'`, [
        invitation.candidateId,
      ]);
    }
    await this.audit.record(
      {
        actor,
        action: 'update',
        subjectType: 'candidate',
        subjectId: invitation.candidateId,
        purpose: `Max-WW attendance ${attendance} at meeting ${invitation.meetingId}${
          handedOver ? ', handed over to the UWV adviser after two no-shows' : ''
        }`,
      },
      manager,
    );
    return invitation.meetingId;
  }

  private async invitee(manager: EntityManager, invitationId: string): Promise<InviteeDto> {
    const [row]: InviteeRow[] = await manager.query(`SELECT ${INVITEE_COLUMNS} FROM ${INVITEE_FROM} WHERE i.id = $1`, [
      invitationId,
    ]);
    const routes = await this.routesOf(manager, [row.candidateId]);
    return inviteeDto(row, routes.get(row.candidateId) ?? null);
  }

  private async hostsOf(manager: EntityManager, meetingIds: string[]): Promise<Map<string, HostDto[]>> {
    const rows: Array<HostDto & { meetingId: string }> = await manager.query(
      `SELECT h.meeting_id AS "meetingId", u.id, u.name FROM max_ww_meeting_hosts h JOIN users u ON u.id = h.user_id
       WHERE h.meeting_id = ANY($1::uuid[]) ORDER BY lower(u.name), u.id`,
      [meetingIds],
    );
    const hosts = new Map<string, HostDto[]>();
    for (const { meetingId, ...host } of rows) hosts.set(meetingId, [...(hosts.get(meetingId) ?? []), host]);
    return hosts;
  }

  private async routesOf(manager: EntityManager, candidateIds: string[]): Promise<Map<string, RouteDto>> {
    const rows: RouteRow[] = await manager.query(
      `SELECT ${ROUTE_COLUMNS} FROM ${ROUTE_FROM} WHERE r.candidate_id = ANY($1::uuid[])`,
      [candidateIds],
    );
    return new Map(rows.map((row) => [row.candidateId, routeDto(row)]));
  }
}

function summaryDto(row: SummaryRow, hosts: HostDto[]): MeetingSummaryDto {
  const { invited, present, absent, unregistered, followedUp, triaged, ...meeting } = row;
  return {
    ...meeting,
    startsAt: new Date(row.startsAt).toISOString(),
    cancelledAt: iso(row.cancelledAt),
    hosts,
    counts: { invited, present, absent, unregistered, followedUp, triaged },
  };
}

function inviteeDto(row: InviteeRow, route: RouteDto | null): InviteeDto {
  const { otherId, otherMeetingId, otherAttempt, otherStartsAt, otherAttendance, ...invitee } = row;
  return {
    ...invitee,
    attendanceRecordedAt: iso(row.attendanceRecordedAt),
    followedUpAt: iso(row.followedUpAt),
    otherInvitation:
      otherId === null
        ? null
        : {
            id: otherId,
            meetingId: otherMeetingId,
            attempt: otherAttempt,
            startsAt: new Date(otherStartsAt).toISOString(),
            attendance: otherAttendance,
          },
    route,
  };
}
