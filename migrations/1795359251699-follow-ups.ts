import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aftersales follow-ups: per placement a call to the client and to the employer at each configured
 * offset, and the notification recorded when one becomes due (at most one per follow-up).
 */
export class FollowUps1795359251699 implements MigrationInterface {
  name = 'FollowUps1795359251699';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
        -- The placement's unit: a due follow-up lands on that unit's aftersales call list.
        unit_id uuid NOT NULL REFERENCES units (id),
        party varchar(8) NOT NULL,
        -- 1 for the first configured offset (3 months by default), 2 for the second, and so on.
        milestone smallint NOT NULL,
        -- The ISO-8601 offset the due moment was computed with, kept for when the configuration changes.
        offset_iso varchar(40) NOT NULL,
        status varchar(9) NOT NULL DEFAULT 'PLANNED',
        due_at timestamptz NOT NULL,
        dispatched_at timestamptz,
        -- The aftersales user who claimed the call; null while it is only on the unit's list.
        assignee_id uuid REFERENCES users (id),
        result varchar(13),
        contacted_at timestamptz,
        note text,
        outcome_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_ups_per_milestone UNIQUE (placement_id, party, milestone),
        CONSTRAINT follow_ups_party_known CHECK (party IN ('CLIENT', 'EMPLOYER')),
        CONSTRAINT follow_ups_milestone_positive CHECK (milestone >= 1),
        CONSTRAINT follow_ups_status_known CHECK (status IN ('PLANNED', 'DUE', 'DONE', 'MISSED', 'CANCELLED')),
        -- A PLANNED follow-up was never dispatched; a DUE or DONE one was, and carries the moment.
        CONSTRAINT follow_ups_planned_not_dispatched CHECK (status <> 'PLANNED' OR dispatched_at IS NULL),
        CONSTRAINT follow_ups_result_known CHECK (result IN ('STILL_WORKING', 'LEFT_JOB')),
        -- A DONE follow-up has its outcome: what, when the party was reached, and by whom.
        CONSTRAINT follow_ups_done_has_outcome
          CHECK ((status = 'DONE') = (result IS NOT NULL AND contacted_at IS NOT NULL AND outcome_by IS NOT NULL)),
        CONSTRAINT follow_ups_due_dispatched CHECK (status NOT IN ('DUE', 'DONE') OR dispatched_at IS NOT NULL)
      )`);
    // The reconciler's scan: PLANNED rows by due moment.
    await queryRunner.query(`CREATE INDEX follow_ups_status_due ON follow_ups (status, due_at)`);
    // The call list: a unit's follow-ups of one status by due moment.
    await queryRunner.query(`CREATE INDEX follow_ups_unit_status_due ON follow_ups (unit_id, status, due_at)`);

    await queryRunner.query(`
      CREATE TABLE follow_up_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- One notification per follow-up: a second dispatch cannot record a duplicate.
        CONSTRAINT follow_up_notifications_once UNIQUE (follow_up_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE follow_up_notifications`);
    await queryRunner.query(`DROP TABLE follow_ups`);
  }
}
