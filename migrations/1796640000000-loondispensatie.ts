import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loondispensatie (issue 17): UWV's instrument for a client in the doelgroepregister with a work
 * limitation (wage value 50-80), now that a WW client may carry the 50-80 classification. A vacancy
 * may offer it and a placement may carry it, so both lists of known instruments learn the word.
 */
export class Loondispensatie1796640000000 implements MigrationInterface {
  name = 'Loondispensatie1796640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE vacancies DROP CONSTRAINT ck_vacancies_instruments`);
    await queryRunner.query(`
      ALTER TABLE vacancies ADD CONSTRAINT ck_vacancies_instruments
        CHECK (instruments <@ ARRAY['PROEFPLAATSING','BAANBONUS','UITZENDEURO','LOONKOSTENSUBSIDIE','LOONDISPENSATIE']::text[])`);
    await queryRunner.query(`ALTER TABLE placement_instruments DROP CONSTRAINT placement_instruments_known`);
    await queryRunner.query(`
      ALTER TABLE placement_instruments ADD CONSTRAINT placement_instruments_known
        CHECK (instrument IN ('PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO', 'LOONKOSTENSUBSIDIE', 'LOONDISPENSATIE'))`);
    // Who holds which active statement is asked on every read of a staffing-firm user.
    await queryRunner.query(`
      CREATE INDEX confidentiality_statements_unit ON confidentiality_statements (unit_id) WHERE revoked_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX confidentiality_statements_unit`);
    await queryRunner.query(`DELETE FROM placement_instruments WHERE instrument = 'LOONDISPENSATIE'`);
    await queryRunner.query(`ALTER TABLE placement_instruments DROP CONSTRAINT placement_instruments_known`);
    await queryRunner.query(`
      ALTER TABLE placement_instruments ADD CONSTRAINT placement_instruments_known
        CHECK (instrument IN ('PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO', 'LOONKOSTENSUBSIDIE'))`);
    await queryRunner.query(`UPDATE vacancies SET instruments = array_remove(instruments, 'LOONDISPENSATIE')`);
    await queryRunner.query(`ALTER TABLE vacancies DROP CONSTRAINT ck_vacancies_instruments`);
    await queryRunner.query(`
      ALTER TABLE vacancies ADD CONSTRAINT ck_vacancies_instruments
        CHECK (instruments <@ ARRAY['PROEFPLAATSING','BAANBONUS','UITZENDEURO','LOONKOSTENSUBSIDIE']::text[])`);
  }
}
