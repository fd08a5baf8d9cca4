import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfidentialityStatementsRepository } from '@identity/confidentiality/confidentiality-statements.repository';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { DEMO_UNITS, demoEmail, demoUsers } from './demo-users';

export interface SeedReport {
  created: number;
  existing: number;
}

/** Demo units and one user per role per organisation; running it again creates nothing new. */
@Injectable()
export class IdentityDemoSeeder {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly statements: ConfidentialityStatementsRepository,
    private readonly dataSource: DataSource,
  ) {}

  async seed(password: string): Promise<SeedReport & { unitIds: string[] }> {
    const unitIds: string[] = [];
    for (const unit of DEMO_UNITS) {
      const existing = await this.units.findByName(unit.name);
      unitIds.push((existing ?? (await this.units.create({ ...unit }))).id);
    }
    const report = { created: 0, existing: 0, unitIds };
    for (const user of demoUsers()) {
      if (await this.users.findByEmail(user.email)) {
        report.existing++;
        continue;
      }
      await this.users.create(null, {
        email: user.email,
        name: user.name,
        organisation: user.organisation,
        unitId: unitIds[user.unit],
        roles: [user.role],
        password,
      });
      report.created++;
    }
    await this.signStatements(unitIds);
    return report;
  }

  /**
   * The staffing firm's demo staff work for UWV under signed confidentiality statements (the Max-WW
   * programme and both units), so the demo's staffing-firm matcher still works the WW clients of
   * the demo advisers. Recorded by the UWV administrator, once.
   */
  private async signStatements(unitIds: string[]): Promise<void> {
    const recorder = await this.users.findByEmail(demoEmail(Role.ADMIN, Organisation.UWV));
    if (!recorder) return;
    // The staff are looked up before the transaction: a read through the data source inside it waits for
    // a second connection, and the embedded database has one (a hang of the set-up page's demo step).
    const staffIds: string[] = [];
    for (const user of demoUsers()) {
      if (user.organisation !== Organisation.STAFFING_FIRM || user.role === Role.ADMIN) continue;
      const staff = await this.users.findByEmail(user.email);
      if (staff) staffIds.push(staff.id);
    }
    await this.dataSource.transaction(async (manager) => {
      for (const staffId of staffIds) {
        const scopes = [
          { scope: 'MAX_WW' as const, unitId: null },
          ...unitIds.map((unitId) => ({ scope: 'UNIT' as const, unitId })),
        ];
        for (const [index, { scope, unitId }] of scopes.entries()) {
          if (await this.statements.hasActive(staffId, scope, unitId, manager)) continue;
          await this.statements.insert(
            {
              userId: staffId,
              signedOn: '2026-01-05',
              reference: `DEMO-GHV-${index + 1}`,
              scope,
              unitId,
              recordedBy: recorder.id,
            },
            manager,
          );
        }
      }
    });
  }
}
