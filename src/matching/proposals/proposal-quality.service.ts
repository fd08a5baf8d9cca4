import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestValidationError } from '@platform/errors/domain-error';
import { SqlParams } from '@matching/candidates/visibility';
import { ProposalQualityDto, ProposalQualityQuery } from './dto/proposal-quality.dto';
import { ProposalOutcome, proposalQuality } from './proposal-quality';

/** The proposal-quality report; counts only, no person named, so nothing to audit. */
@Injectable()
export class ProposalQualityService {
  constructor(private readonly dataSource: DataSource) {}

  async report(query: ProposalQualityQuery): Promise<ProposalQualityDto> {
    if (query.to < query.from) throw new RequestValidationError({ to: 'must not be before from' });
    const sql = new SqlParams();
    // Days are Dutch calendar days: a proposal at 00:30 in Amsterdam belongs to that day.
    const where = [
      `p.proposed_at IS NOT NULL`,
      `(p.proposed_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN ${sql.p(query.from)}::date AND ${sql.p(query.to)}::date`,
    ];
    if (query.unitId) where.push(`p.unit_id = ${sql.p(query.unitId)}`);
    if (query.matcherId) where.push(`p.proposed_by = ${sql.p(query.matcherId)}`);
    const outcomes: ProposalOutcome[] = await this.dataSource.query(
      `SELECT p.vacancy_id AS "vacancyId", p.proposed_by AS "matcherId", p.unit_id AS "unitId",
              (p.interview_at IS NOT NULL) AS interviewed, (p.state = 'HIRED') AS hired
       FROM proposals p WHERE ${where.join(' AND ')}`,
      sql.values,
    );
    return { from: query.from, to: query.to, ...proposalQuality(outcomes) };
  }
}
