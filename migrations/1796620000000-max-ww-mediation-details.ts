import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two facts the mediation part (issue 17) records beside the programme's schema: whether a client was
 * taken into mediation without a triage to the Max-WW adviser (allowed, a client may come in without
 * the group meeting, but the cohort report and the team should be able to see it), and who recorded
 * the client's response to an offered vacancy (the audit log says it too, but the screen shows it).
 */
export class MaxWwMediationDetails1796620000000 implements MigrationInterface {
  name = 'MaxWwMediationDetails1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE max_ww_mediations ADD COLUMN came_without_triage boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE vacancy_offers ADD COLUMN responded_by uuid REFERENCES users (id)`);
    await queryRunner.query(`
      ALTER TABLE vacancy_offers ADD CONSTRAINT vacancy_offers_responded_by
        CHECK ((responded_at IS NULL) = (responded_by IS NULL))`);
    // A client's offers are read per client (the programme view).
    await queryRunner.query(`CREATE INDEX vacancy_offers_candidate ON vacancy_offers (candidate_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX vacancy_offers_candidate`);
    await queryRunner.query(`ALTER TABLE vacancy_offers DROP CONSTRAINT vacancy_offers_responded_by`);
    await queryRunner.query(`ALTER TABLE vacancy_offers DROP COLUMN responded_by`);
    await queryRunner.query(`ALTER TABLE max_ww_mediations DROP COLUMN came_without_triage`);
  }
}
