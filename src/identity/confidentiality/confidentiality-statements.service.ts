import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Organisation } from '@identity/organisation';
import { Clock } from '@platform/clock/clock';
import { FieldRuleError, NotFoundError } from '@platform/errors/domain-error';
import { StatementActiveAlreadyError, StatementRevokedAlreadyError } from './confidentiality.errors';
import {
  ConfidentialityStatementDto,
  ConfidentialityStatementListQuery,
  RecordConfidentialityStatementDto,
} from './dto/confidentiality-statement.dto';
import { ConfidentialityStatementsRepository, StatementRow } from './confidentiality-statements.repository';

const SUBJECT = 'confidentiality-statement';

/**
 * The confidentiality statements staffing-firm users sign before they may see UWV's clients (domain.md,
 * "Privacy"): recorded and revoked by administrators, each in one transaction with its audit row. What
 * a statement lets its holder see is the visibility rule's business (src/matching/candidates/visibility.ts),
 * read in SQL on every request, so a revocation ends the access with its commit.
 */
@Injectable()
export class ConfidentialityStatementsService {
  constructor(
    private readonly repository: ConfidentialityStatementsRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: AuthenticatedUser,
    query: ConfidentialityStatementListQuery,
  ): Promise<ConfidentialityStatementDto[]> {
    const rows = await this.repository.list(query);
    // The list names staff members and what they may see: a read of their data.
    await this.audit.record({
      actor,
      action: 'list',
      subjectType: SUBJECT,
      subjectId: query.userId ?? null,
      purpose: 'confidentiality statements',
    });
    return rows.map(statementView);
  }

  async record(
    actor: AuthenticatedUser,
    input: RecordConfidentialityStatementDto,
  ): Promise<ConfidentialityStatementDto> {
    const unitId = input.unitId ?? null;
    if (input.scope === 'UNIT' && !unitId)
      throw new FieldRuleError('UNIT_REQUIRED', 'unitId', 'is required for scope UNIT');
    if (input.scope !== 'UNIT' && unitId)
      throw new FieldRuleError('UNIT_ONLY_FOR_UNIT_SCOPE', 'unitId', 'applies to scope UNIT only');
    if (input.signedOn > this.today())
      throw new FieldRuleError('STATEMENT_SIGNED_IN_FUTURE', 'signedOn', 'must not be after today');
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.lockUser(input.userId, manager);
      if (!user) throw new FieldRuleError('REFERENCE_UNKNOWN', 'userId', 'names no user');
      if (user.organisation !== Organisation.STAFFING_FIRM) {
        // Staff of UWV see its clients by their organisation; of the municipality only by consent.
        throw new FieldRuleError('STATEMENT_FOR_STAFFING_FIRM_ONLY', 'userId', 'must be a user of the staffing firm');
      }
      if (!user.active) throw new FieldRuleError('USER_INACTIVE', 'userId', 'is deactivated');
      if (unitId && !(await this.repository.unitExists(unitId, manager)))
        throw new FieldRuleError('REFERENCE_UNKNOWN', 'unitId', 'names no unit');
      if (await this.repository.hasActive(input.userId, input.scope, unitId, manager))
        throw new StatementActiveAlreadyError();
      const inserted = await this.repository.insert(
        {
          userId: input.userId,
          signedOn: input.signedOn,
          reference: input.reference,
          scope: input.scope,
          unitId,
          recordedBy: actor.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actor,
          action: 'create',
          subjectType: SUBJECT,
          subjectId: input.userId,
          purpose: `statement ${inserted} recorded`,
        },
        manager,
      );
      return inserted;
    });
    return statementView((await this.repository.one(id))!);
  }

  async revoke(actor: AuthenticatedUser, id: string): Promise<ConfidentialityStatementDto> {
    await this.dataSource.transaction(async (manager) => {
      const statement = await this.repository.one(id, manager);
      if (!statement) throw new NotFoundError('Confidentiality statement', 'STATEMENT_NOT_FOUND');
      if (!(await this.repository.revoke(id, actor.id, manager))) throw new StatementRevokedAlreadyError();
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: SUBJECT,
          subjectId: statement.userId,
          purpose: `statement ${id} revoked`,
        },
        manager,
      );
    });
    return statementView((await this.repository.one(id))!);
  }

  /** Today in the Netherlands (a signing date is a Dutch calendar date). */
  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(this.clock.now());
  }
}

function statementView(row: StatementRow): ConfidentialityStatementDto {
  return {
    ...row,
    recordedAt: row.recordedAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
    active: row.revokedAt === null,
  };
}
