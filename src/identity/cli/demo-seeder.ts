import { Injectable } from '@nestjs/common';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { DEMO_UNITS, demoUsers } from './demo-users';

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
    return report;
  }
}
