import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The adviser's inbox (issue 15): a mismatch a matcher sent back is marked read once the adviser has
 * handled it, so the unread ones come first. One mismatch is one rejected proposal, so the mark lives
 * on the proposal (the list is found through proposals_candidate).
 */
export class MismatchReadMarks1796300000000 implements MigrationInterface {
  name = 'MismatchReadMarks1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE proposals ADD COLUMN mismatch_read_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE proposals DROP COLUMN mismatch_read_at`);
  }
}
