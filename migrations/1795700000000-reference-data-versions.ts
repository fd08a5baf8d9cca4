import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One version per kind of reference data (ESCO release, places, certificates), moved in the same
 * transaction as the change: every running instance compares it with what it loaded, so an import made
 * by another process (the CLI, another instance) reaches its in-memory indexes even when the
 * announcement over Redis was missed.
 */
export class ReferenceDataVersions1795700000000 implements MigrationInterface {
  name = 'ReferenceDataVersions1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reference_data_versions (
        kind varchar(20) PRIMARY KEY CHECK (kind IN ('esco', 'places', 'certificates')),
        version bigint NOT NULL DEFAULT 0,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO reference_data_versions (kind) VALUES ('esco'), ('places'), ('certificates')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reference_data_versions`);
  }
}
