import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { DomainError } from '@platform/errors/domain-error';
import { dutchDate, Period, resolvePeriod } from '@platform/http/report-period';
import { RegisterFilterQuery, RegisterItemDto, RegisterPageDto, RegisterQuery, RegisterSort } from './dto/register.dto';
import { registerCsv } from './register-csv';

/** An export names people: a manager narrows the filters rather than taking the whole country home. */
export const EXPORT_MAX_ROWS = 10_000;
const AUDIT_CHUNK = 1_000;

export class ExportTooLargeError extends DomainError {
  readonly code = 'EXPORT_TOO_LARGE';
  readonly kind = 'invalid' as const;
  constructor(rows: number) {
    super(`The export would hold ${rows} placements, more than ${EXPORT_MAX_ROWS}: narrow the period or the filters`, {
      details: { rows, maxRows: EXPORT_MAX_ROWS },
    });
  }
}

const SORTS: Record<Exclude<RegisterSort, `-${string}`>, string> = {
  startDate: 'r.start_date',
  endDate: 'r.end_date',
  unit: 'lower(r.unit_name)',
  employer: 'lower(r.employer_name)',
  targetGroup: 'r.target_group',
  candidate: 'lower(c.name)',
};

interface Row {
  id: string;
  startDate: string;
  endDate: string | null;
  ended: boolean;
  candidateId: string;
  candidateName: string | null;
  pool: RegisterItemDto['pool'];
  targetGroup: RegisterItemDto['targetGroup'];
  unitId: string;
  unitName: string;
  vacancyId: string;
  vacancyTitle: string;
  employerId: string;
  employerName: string;
  matcherId: string | null;
  matcherName: string | null;
  matcherOrganisation: NonNullable<RegisterItemDto['matcher']>['organisation'] | null;
  contractType: RegisterItemDto['contractType'];
  contractMonths: number | null;
  hoursPerWeek: number;
  instruments: RegisterItemDto['instruments'];
  sroi: boolean;
  sroiTenderReference: string | null;
  outflow: NonNullable<RegisterItemDto['outflow']>['outflow'] | null;
  benefitChangedOn: string | null;
}

/**
 * The placements register: every placement of the period with its client, vacancy, employer, matcher,
 * terms, SROI and outflow, filtered, sorted and paged, or as a CSV file. Read through aftersales' view
 * report_placements; the client's name under the visibility rule in SQL (a WW client outside UWV only
 * with consent), and every client shown or exported is written to the audit log.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async page(actor: AuthenticatedUser, query: RegisterQuery): Promise<RegisterPageDto> {
    const period = resolvePeriod(query, this.clock.now());
    const { total, notVisible } = await this.count(actor, period, query);
    const rows = await this.rows(actor, period, query, { limit: query.limit, offset: query.offset });
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'placements register',
    );
    return { ...period, items: rows.map(toItem), total, notVisible, limit: query.limit, offset: query.offset };
  }

  /** The same placements as the register shows for these filters, all of them, as CSV; an audited export. */
  async csv(actor: AuthenticatedUser, query: RegisterFilterQuery): Promise<{ period: Period; csv: string }> {
    const period = resolvePeriod(query, this.clock.now());
    const { total } = await this.count(actor, period, query);
    if (total > EXPORT_MAX_ROWS) throw new ExportTooLargeError(total);
    const rows = await this.rows(actor, period, query);
    const records = rows.map((row) => ({
      actor,
      action: 'export' as const,
      subjectType: 'candidate',
      subjectId: row.candidateId,
      purpose: 'placements register export',
    }));
    for (let start = 0; start < records.length; start += AUDIT_CHUNK) {
      await this.audit.recordMany(records.slice(start, start + AUDIT_CHUNK));
    }
    return { period, csv: registerCsv(rows.map(toItem)) };
  }

  /** The placements you may see, and how many more match whose client you may not see. */
  private async count(
    actor: AuthenticatedUser,
    period: Period,
    query: RegisterFilterQuery,
  ): Promise<{ total: number; notVisible: number }> {
    const sql = new SqlParams();
    const where = this.filters(sql, period, query);
    const visible = visibleToSql(actor, sql);
    const [counts]: Array<{ total: number; notVisible: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${visible})::int AS total, count(*) FILTER (WHERE NOT (${visible}))::int AS "notVisible"
       FROM report_placements r JOIN candidates c ON c.id = r.candidate_id
       WHERE ${where}`,
      sql.values,
    );
    return counts;
  }

  private rows(
    actor: AuthenticatedUser,
    period: Period,
    query: RegisterFilterQuery,
    page?: { limit: number; offset: number },
  ): Promise<Row[]> {
    const sql = new SqlParams();
    const where = this.filters(sql, period, query);
    const sort = query.sort ?? '-startDate';
    const descending = sort.startsWith('-');
    const column = SORTS[(descending ? sort.slice(1) : sort) as keyof typeof SORTS];
    const today = sql.p(dutchDate(this.clock.now()));
    return this.dataSource.query(
      `SELECT r.id, r.start_date::text AS "startDate", r.end_date::text AS "endDate",
              coalesce(r.end_date <= ${today}::date, false) AS ended,
              r.candidate_id AS "candidateId", c.name AS "candidateName", r.pool, r.target_group AS "targetGroup",
              r.unit_id AS "unitId", r.unit_name AS "unitName", r.vacancy_id AS "vacancyId",
              r.vacancy_title AS "vacancyTitle", r.employer_id AS "employerId", r.employer_name AS "employerName",
              r.matcher_id AS "matcherId", r.matcher_name AS "matcherName",
              r.matcher_organisation AS "matcherOrganisation", r.contract_type AS "contractType",
              r.contract_months AS "contractMonths", r.hours_per_week AS "hoursPerWeek", r.instruments, r.sroi,
              r.sroi_tender_reference AS "sroiTenderReference", r.outflow,
              r.benefit_changed_on::text AS "benefitChangedOn"
       FROM report_placements r JOIN candidates c ON c.id = r.candidate_id
       WHERE ${where} AND ${visibleToSql(actor, sql)}
       ORDER BY ${column} ${descending ? 'DESC' : 'ASC'} NULLS LAST, r.id
       ${page ? `LIMIT ${sql.p(page.limit)} OFFSET ${sql.p(page.offset)}` : ''}`,
      sql.values,
    );
  }

  private filters(sql: SqlParams, period: Period, query: RegisterFilterQuery): string {
    const where = [`r.start_date BETWEEN ${sql.p(period.from)}::date AND ${sql.p(period.to)}::date`];
    if (query.unitId) where.push(`r.unit_id = ${sql.p(query.unitId)}`);
    if (query.matcherOrganisation) where.push(`r.matcher_organisation = ${sql.p(query.matcherOrganisation)}`);
    if (query.targetGroup) where.push(`r.target_group = ${sql.p(query.targetGroup)}`);
    if (query.pool) where.push(`r.pool = ${sql.p(query.pool)}`);
    if (query.instrument) where.push(`${sql.p(query.instrument)} = ANY (r.instruments)`);
    if (query.contractType) where.push(`r.contract_type = ${sql.p(query.contractType)}`);
    if (query.sroi !== undefined) where.push(`r.sroi = ${sql.p(query.sroi)}`);
    if (query.ended !== undefined) {
      const ended = `coalesce(r.end_date <= ${sql.p(dutchDate(this.clock.now()))}::date, false)`;
      where.push(query.ended ? ended : `NOT ${ended}`);
    }
    if (query.outflow === 'UNRECORDED') where.push(`r.outflow IS NULL`);
    else if (query.outflow) where.push(`r.outflow = ${sql.p(query.outflow)}`);
    return where.join(' AND ');
  }
}

function toItem(row: Row): RegisterItemDto {
  return {
    id: row.id,
    startDate: row.startDate,
    endDate: row.endDate,
    ended: row.ended,
    candidate: { id: row.candidateId, name: row.candidateName },
    pool: row.pool,
    targetGroup: row.targetGroup,
    unit: { id: row.unitId, name: row.unitName },
    vacancy: { id: row.vacancyId, title: row.vacancyTitle },
    employer: { id: row.employerId, name: row.employerName },
    matcher:
      row.matcherId && row.matcherName && row.matcherOrganisation
        ? { id: row.matcherId, name: row.matcherName, organisation: row.matcherOrganisation }
        : null,
    contractType: row.contractType,
    contractMonths: row.contractMonths,
    hoursPerWeek: row.hoursPerWeek,
    instruments: row.instruments,
    sroi: row.sroi,
    sroiTenderReference: row.sroiTenderReference,
    outflow: row.outflow ? { outflow: row.outflow, benefitChangedOn: row.benefitChangedOn } : null,
  };
}
