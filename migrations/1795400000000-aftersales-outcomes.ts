import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of aftersales: every call tried (so UNREACHABLE can be tried again, up to a limit, then
 * MISSED), the webhook delivery of each notification, the messages an adviser gets when a placed
 * client is at risk or left the job, and the "pick up again" list of clients whose job ended.
 */
export class AftersalesOutcomes1795400000000 implements MigrationInterface {
  name = 'AftersalesOutcomes1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The try the follow-up is at: 1 for the first call, one more after each UNREACHABLE.
    await queryRunner.query(`ALTER TABLE follow_ups ADD COLUMN attempt smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_attempt_positive CHECK (attempt >= 1)`);
    await queryRunner.query(`ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_result_known`);
    await queryRunner.query(`ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_done_has_outcome`);
    await queryRunner.query(`ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_due_dispatched`);
    await queryRunner.query(`
      ALTER TABLE follow_ups
        ADD CONSTRAINT follow_ups_result_known
          CHECK (result IN ('STILL_WORKING', 'AT_RISK', 'LEFT_JOB', 'UNREACHABLE')),
        -- DONE and MISSED carry the last call's outcome: what, when, and by whom.
        ADD CONSTRAINT follow_ups_done_has_outcome
          CHECK ((status IN ('DONE', 'MISSED')) = (result IS NOT NULL AND contacted_at IS NOT NULL AND outcome_by IS NOT NULL)),
        -- A DONE follow-up reached the party; a MISSED one never did.
        ADD CONSTRAINT follow_ups_done_reached CHECK (status <> 'DONE' OR result <> 'UNREACHABLE'),
        ADD CONSTRAINT follow_ups_missed_unreachable CHECK (status <> 'MISSED' OR result = 'UNREACHABLE'),
        ADD CONSTRAINT follow_ups_due_dispatched CHECK (status NOT IN ('DUE', 'DONE', 'MISSED') OR dispatched_at IS NOT NULL)`);

    // The durability report: placements by start date, and the answered follow-ups of each.
    await queryRunner.query(`CREATE INDEX placements_start_date ON placements (start_date)`);
    await queryRunner.query(
      `CREATE INDEX follow_ups_answered ON follow_ups (placement_id) INCLUDE (milestone, result) WHERE status = 'DONE'`,
    );

    // Every call made for a follow-up, reached or not: the history on the call list, the tries counted.
    await queryRunner.query(`
      CREATE TABLE follow_up_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
        attempt smallint NOT NULL,
        result varchar(13) NOT NULL,
        contacted_at timestamptz NOT NULL,
        note text,
        called_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_calls_once_per_attempt UNIQUE (follow_up_id, attempt),
        CONSTRAINT follow_up_calls_result_known
          CHECK (result IN ('STILL_WORKING', 'AT_RISK', 'LEFT_JOB', 'UNREACHABLE'))
      )`);

    // A follow-up tried again becomes due again: one notification per try, still never two.
    await queryRunner.query(`ALTER TABLE follow_up_notifications ADD COLUMN attempt smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE follow_up_notifications DROP CONSTRAINT follow_up_notifications_once`);
    await queryRunner.query(
      `ALTER TABLE follow_up_notifications ADD CONSTRAINT follow_up_notifications_once UNIQUE (follow_up_id, attempt)`,
    );
    // Webhook delivery: how often tried, the last failure, and when it got through.
    await queryRunner.query(`
      ALTER TABLE follow_up_notifications
        ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_delivery_error text,
        ADD COLUMN delivered_at timestamptz`);
    await queryRunner.query(
      `CREATE INDEX follow_up_notifications_undelivered ON follow_up_notifications (created_at) WHERE delivered_at IS NULL`,
    );

    // What an adviser must know about a client they placed or guide: at risk, or the job ended.
    await queryRunner.query(`
      CREATE TABLE adviser_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        adviser_id uuid NOT NULL REFERENCES users (id),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
        follow_up_id uuid REFERENCES follow_ups (id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT adviser_messages_kind_known CHECK (kind IN ('AT_RISK', 'LEFT_JOB'))
      )`);
    await queryRunner.query(`CREATE INDEX adviser_messages_inbox ON adviser_messages (adviser_id, created_at DESC)`);

    // Clients whose job ended: on the matchers' list until one picks them up again.
    await queryRunner.query(`
      CREATE TABLE pick_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
        -- The placement's unit, whose matchers see the client first.
        unit_id uuid NOT NULL REFERENCES units (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        picked_up_at timestamptz,
        picked_up_by uuid REFERENCES users (id),
        CONSTRAINT pick_ups_once_per_placement UNIQUE (placement_id),
        CONSTRAINT pick_ups_picked_up_by_whom CHECK ((picked_up_at IS NULL) = (picked_up_by IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX pick_ups_open ON pick_ups (created_at) WHERE picked_up_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE pick_ups`);
    await queryRunner.query(`DROP TABLE adviser_messages`);
    await queryRunner.query(`DROP INDEX follow_up_notifications_undelivered`);
    await queryRunner.query(`
      ALTER TABLE follow_up_notifications
        DROP COLUMN delivered_at, DROP COLUMN last_delivery_error, DROP COLUMN delivery_attempts`);
    await queryRunner.query(`ALTER TABLE follow_up_notifications DROP CONSTRAINT follow_up_notifications_once`);
    await queryRunner.query(`DELETE FROM follow_up_notifications WHERE attempt > 1`);
    await queryRunner.query(
      `ALTER TABLE follow_up_notifications ADD CONSTRAINT follow_up_notifications_once UNIQUE (follow_up_id)`,
    );
    await queryRunner.query(`ALTER TABLE follow_up_notifications DROP COLUMN attempt`);
    await queryRunner.query(`DROP TABLE follow_up_calls`);
    await queryRunner.query(`DROP INDEX follow_ups_answered`);
    await queryRunner.query(`DROP INDEX placements_start_date`);
    await queryRunner.query(`
      ALTER TABLE follow_ups
        DROP CONSTRAINT follow_ups_due_dispatched,
        DROP CONSTRAINT follow_ups_missed_unreachable,
        DROP CONSTRAINT follow_ups_done_reached,
        DROP CONSTRAINT follow_ups_done_has_outcome,
        DROP CONSTRAINT follow_ups_result_known`);
    // The older schema knows neither the new outcomes nor MISSED with an outcome: those rows lose it.
    await queryRunner.query(
      `UPDATE follow_ups SET result = NULL, contacted_at = NULL, outcome_by = NULL, note = NULL,
         status = CASE WHEN status = 'DONE' THEN 'DUE' ELSE status END
       WHERE result IN ('AT_RISK', 'UNREACHABLE') OR status = 'MISSED'`,
    );
    await queryRunner.query(`
      ALTER TABLE follow_ups
        ADD CONSTRAINT follow_ups_result_known CHECK (result IN ('STILL_WORKING', 'LEFT_JOB')),
        ADD CONSTRAINT follow_ups_done_has_outcome
          CHECK ((status = 'DONE') = (result IS NOT NULL AND contacted_at IS NOT NULL AND outcome_by IS NOT NULL)),
        ADD CONSTRAINT follow_ups_due_dispatched CHECK (status NOT IN ('DUE', 'DONE') OR dispatched_at IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_attempt_positive`);
    await queryRunner.query(`ALTER TABLE follow_ups DROP COLUMN attempt`);
  }
}
