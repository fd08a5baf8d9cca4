import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Max-WW team's missing actions: a group meeting cancelled (with who, when and why) and a
 * mediation ended with a reason from a fixed list. A cancelled meeting's invitations stay on record
 * but lapse (cancelled_at): they count as no invitation, so the client may be invited again with
 * the same attempt, and is never counted as absent.
 */
export class MaxWwCancelEditEnd1796670000000 implements MigrationInterface {
  name = 'MaxWwCancelEditEnd1796670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE max_ww_meetings
        ADD COLUMN cancelled_by uuid REFERENCES users (id),
        ADD COLUMN cancel_reason varchar(500)`);
    // No endpoint set cancelled_at before this migration; a row that has one anyway gets a reason.
    await queryRunner.query(`
      UPDATE max_ww_meetings SET cancelled_by = created_by, cancel_reason = 'Geannuleerd (vóór de reden werd vastgelegd)'
      WHERE cancelled_at IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE max_ww_meetings ADD CONSTRAINT max_ww_meetings_cancelled
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancel_reason IS NULL)
               AND (cancel_reason IS NULL OR btrim(cancel_reason) <> ''))`);

    await queryRunner.query(`ALTER TABLE max_ww_invitations ADD COLUMN cancelled_at timestamptz`);
    await queryRunner.query(`
      UPDATE max_ww_invitations i SET cancelled_at = m.cancelled_at
      FROM max_ww_meetings m WHERE m.id = i.meeting_id AND m.cancelled_at IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE max_ww_invitations ADD CONSTRAINT max_ww_invitations_cancelled_unregistered
        CHECK (cancelled_at IS NULL OR attendance IS NULL)`);
    // At most two live invitations per client; a lapsed one does not use up an attempt.
    await queryRunner.query(`ALTER TABLE max_ww_invitations DROP CONSTRAINT max_ww_invitations_attempt_once`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX max_ww_invitations_attempt_once ON max_ww_invitations (candidate_id, attempt)
      WHERE cancelled_at IS NULL`);

    await queryRunner.query(`ALTER TABLE max_ww_mediations ADD COLUMN end_reason varchar(20)`);
    await queryRunner.query(`
      ALTER TABLE max_ww_mediations ADD CONSTRAINT max_ww_mediations_end_reason
        CHECK (end_reason IS NULL
               OR (end_reason IN ('CLIENT_CHOICE', 'PROGRAMME_COMPLETED', 'OTHER') AND ended_on IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE max_ww_mediations DROP CONSTRAINT max_ww_mediations_end_reason`);
    await queryRunner.query(`ALTER TABLE max_ww_mediations DROP COLUMN end_reason`);
    // The old rule knows no lapsed invitation: those go, or the unique constraint cannot return.
    await queryRunner.query(`DELETE FROM max_ww_invitations WHERE cancelled_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX max_ww_invitations_attempt_once`);
    await queryRunner.query(`
      ALTER TABLE max_ww_invitations ADD CONSTRAINT max_ww_invitations_attempt_once UNIQUE (candidate_id, attempt)`);
    await queryRunner.query(`ALTER TABLE max_ww_invitations DROP CONSTRAINT max_ww_invitations_cancelled_unregistered`);
    await queryRunner.query(`ALTER TABLE max_ww_invitations DROP COLUMN cancelled_at`);
    await queryRunner.query(`ALTER TABLE max_ww_meetings DROP CONSTRAINT max_ww_meetings_cancelled`);
    await queryRunner.query(`ALTER TABLE max_ww_meetings DROP COLUMN cancel_reason, DROP COLUMN cancelled_by`);
  }
}
