import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { NotFoundError } from '@platform/errors/domain-error';
import { AdviserMessageKind } from './adviser-message-kind';
import { AdviserMessageDto, AdviserMessageQuery } from './dto/adviser-message.dto';

/** The longest inbox returned at once; unread messages come first. */
const INBOX_LIMIT = 200;

/**
 * The reason is read from where it was written (the call's note, the placement's end reason), not
 * copied into the message, so a correction or an erasure there is what the adviser sees.
 */
const COLUMNS = `m.id, m.kind, m.candidate_id AS "candidateId", c.name AS "candidateName",
  m.placement_id AS "placementId", m.follow_up_id AS "followUpId", v.title AS "vacancyTitle",
  e.name AS "employerName", pl.end_date::text AS "endDate",
  CASE m.kind WHEN 'AT_RISK' THEN f.note ELSE pl.end_reason END AS reason,
  m.created_at AS "createdAt", m.read_at AS "readAt"`;

const FROM = `adviser_messages m
  JOIN candidates c ON c.id = m.candidate_id
  JOIN placements pl ON pl.id = m.placement_id
  JOIN vacancies v ON v.id = pl.vacancy_id
  JOIN employers e ON e.id = v.employer_id
  LEFT JOIN follow_ups f ON f.id = m.follow_up_id`;

interface MessageRow extends Omit<AdviserMessageDto, 'createdAt' | 'readAt'> {
  createdAt: Date;
  readAt: Date | null;
}

export interface AdviserMessageInput {
  kind: AdviserMessageKind;
  placementId: string;
  followUpId: string | null;
}

/**
 * Tells the adviser when a placed client is at risk or left the job, so the client is helped at once.
 * The message goes to the client's own adviser, or, for a client without one, to the matcher who
 * registered the placement: somebody always hears of it.
 */
@Injectable()
export class AdviserMessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Inside the caller's transaction: the message exists exactly when the outcome or ending does. */
  async send(input: AdviserMessageInput, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO adviser_messages (adviser_id, candidate_id, placement_id, follow_up_id, kind, created_at)
       SELECT coalesce(c.adviser_id, pl.placed_by), pl.candidate_id, pl.id, $2, $3, $4
       FROM placements pl JOIN candidates c ON c.id = pl.candidate_id
       WHERE pl.id = $1`,
      [input.placementId, input.followUpId, input.kind, this.clock.now()],
    );
  }

  /** The user's own messages, unread first, newest first; each client shown is an audited read. */
  async inbox(actor: AuthenticatedUser, query: AdviserMessageQuery): Promise<AdviserMessageDto[]> {
    const sql = new SqlParams();
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE m.adviser_id = ${sql.p(actor.id)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         ${query.unread ? 'AND m.read_at IS NULL' : ''}
       ORDER BY m.read_at IS NULL DESC, m.created_at DESC, m.id
       LIMIT ${INBOX_LIMIT}`,
      sql.values,
    );
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'adviser messages',
    );
    return rows.map(toDto);
  }

  /** Marks one of the user's own messages read; marking it again keeps the first moment. */
  async markRead(actor: AuthenticatedUser, id: string): Promise<AdviserMessageDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [rows]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE adviser_messages m SET read_at = coalesce(m.read_at, ${sql.p(this.clock.now())})
         FROM candidates c
         WHERE m.id = ${sql.p(id)} AND m.adviser_id = ${sql.p(actor.id)} AND c.id = m.candidate_id
           AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         RETURNING m.id`,
        sql.values,
      );
      if (rows.length === 0) throw new NotFoundError('Adviser message', 'ADVISER_MESSAGE_NOT_FOUND');
      const [row]: MessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = $1`, [id]);
      await this.audit.record(
        { actor, action: 'read', subjectType: 'candidate', subjectId: row.candidateId, purpose: 'adviser message' },
        manager,
      );
      return toDto(row);
    });
  }
}

function toDto(row: MessageRow): AdviserMessageDto {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}
