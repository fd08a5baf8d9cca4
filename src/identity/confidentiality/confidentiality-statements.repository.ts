import { Injectable } from '@nestjs/common';
import { Organisation } from '@identity/organisation';
import { DataSource, EntityManager } from 'typeorm';
import { StatementScope } from './dto/confidentiality-statement.dto';

export interface StatementRow {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  signedOn: string;
  reference: string;
  scope: StatementScope;
  unitId: string | null;
  unitName: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokedByName: string | null;
}

export interface StatementFilter {
  userId?: string;
  scope?: StatementScope;
  unitId?: string;
  active?: boolean;
}

const COLUMNS = `
  s.id, s.user_id AS "userId", u.name AS "userName", u.email AS "userEmail", s.signed_on::text AS "signedOn",
  s.reference, s.scope, s.unit_id AS "unitId", un.name AS "unitName", s.recorded_by AS "recordedBy",
  rb.name AS "recordedByName", s.recorded_at AS "recordedAt", s.revoked_at AS "revokedAt",
  s.revoked_by AS "revokedBy", vb.name AS "revokedByName"`;
const FROM = `
  confidentiality_statements s
  JOIN users u ON u.id = s.user_id
  JOIN users rb ON rb.id = s.recorded_by
  LEFT JOIN users vb ON vb.id = s.revoked_by
  LEFT JOIN units un ON un.id = s.unit_id`;

/** Owns the SQL of confidentiality_statements (the visibility rule reads the table in visibility.ts). */
@Injectable()
export class ConfidentialityStatementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: StatementFilter): Promise<StatementRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const p = (value: unknown) => (values.push(value), `$${values.length}`);
    if (filter.userId) where.push(`s.user_id = ${p(filter.userId)}`);
    if (filter.scope) where.push(`s.scope = ${p(filter.scope)}`);
    if (filter.unitId) where.push(`s.unit_id = ${p(filter.unitId)}`);
    if (filter.active !== undefined) where.push(filter.active ? 's.revoked_at IS NULL' : 's.revoked_at IS NOT NULL');
    return this.dataSource.query<StatementRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY (s.revoked_at IS NULL) DESC, u.name, s.signed_on DESC, s.id`,
      values,
    );
  }

  async one(id: string, manager?: EntityManager): Promise<StatementRow | null> {
    const rows = await (manager ?? this.dataSource).query<StatementRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the user's row, so two recordings for one user are judged one after the other. */
  async lockUser(
    userId: string,
    manager: EntityManager,
  ): Promise<{ organisation: Organisation; active: boolean } | null> {
    const rows = await manager.query<Array<{ organisation: Organisation; active: boolean }>>(
      `SELECT organisation, active FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async unitExists(unitId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM units WHERE id = $1`, [unitId])).length > 0;
  }

  async hasActive(userId: string, scope: StatementScope, unitId: string | null, manager: EntityManager) {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM confidentiality_statements
       WHERE user_id = $1 AND scope = $2 AND unit_id IS NOT DISTINCT FROM $3 AND revoked_at IS NULL`,
      [userId, scope, unitId],
    );
    return rows.length > 0;
  }

  async insert(
    input: {
      userId: string;
      signedOn: string;
      reference: string;
      scope: StatementScope;
      unitId: string | null;
      recordedBy: string;
    },
    manager: EntityManager,
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO confidentiality_statements (user_id, signed_on, reference, scope, unit_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.userId, input.signedOn, input.reference, input.scope, input.unitId, input.recordedBy],
    );
    return rows[0].id;
  }

  /** Revokes an active statement; false when it is unknown or revoked already. */
  async revoke(id: string, revokedBy: string, manager: EntityManager): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE confidentiality_statements SET revoked_at = now(), revoked_by = $2
       WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, revokedBy],
    );
    return rows.length > 0;
  }
}
