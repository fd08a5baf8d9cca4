import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Max-WW team's programme (issue 17): the route of a WW client from the selection of WW endings,
 * through a compulsory group meeting and its triage, to mediation by a Max-WW adviser, the hand-over
 * at the WW's end and the client's exit. One migration for the whole route, so the parts built on it
 * (meetings, mediation, hand-overs, the cohort report) share one shape.
 *
 * Names of kinds are fixed lists (CHECKs), never free text: the cohort report counts them, and "why
 * was this client not invited" must be one of the reasons the team actually uses.
 */
export class MaxWwProgramme1796600000000 implements MigrationInterface {
  name = 'MaxWwProgramme1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Why a selected WW client is not invited. Lifting a flag keeps the row (who flagged, who lifted).
    await queryRunner.query(`
      CREATE TABLE max_ww_exclusions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        reason varchar(20) NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        lifted_at timestamptz,
        lifted_by uuid REFERENCES users (id),
        CONSTRAINT max_ww_exclusions_reason_known
          CHECK (reason IN ('NO_BIJSTAND_RIGHT', 'ALREADY_WORKING', 'ILL', 'MOVED')),
        CONSTRAINT max_ww_exclusions_lifted_by CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX max_ww_exclusions_one_active ON max_ww_exclusions (candidate_id) WHERE lifted_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE max_ww_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        starts_at timestamptz NOT NULL,
        place varchar(200) NOT NULL,
        capacity smallint NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT max_ww_meetings_place_not_blank CHECK (btrim(place) <> ''),
        CONSTRAINT max_ww_meetings_capacity CHECK (capacity BETWEEN 1 AND 100)
      )`);
    await queryRunner.query(`CREATE INDEX max_ww_meetings_starts_at ON max_ww_meetings (starts_at)`);
    await queryRunner.query(`
      CREATE TABLE max_ww_meeting_hosts (
        meeting_id uuid NOT NULL REFERENCES max_ww_meetings (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (meeting_id, user_id)
      )`);

    // One row per invitation; a client is invited at most twice (the second after a no-show). Attendance
    // is registered after the meeting; an absentee is called (followed_up_*).
    await queryRunner.query(`
      CREATE TABLE max_ww_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES max_ww_meetings (id),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        attempt smallint NOT NULL,
        channel varchar(12) NOT NULL,
        invited_on date NOT NULL,
        invited_by uuid NOT NULL REFERENCES users (id),
        attendance varchar(8),
        attendance_recorded_at timestamptz,
        attendance_recorded_by uuid REFERENCES users (id),
        followed_up_at timestamptz,
        followed_up_by uuid REFERENCES users (id),
        follow_up_outcome varchar(12),
        CONSTRAINT max_ww_invitations_attempt CHECK (attempt IN (1, 2)),
        CONSTRAINT max_ww_invitations_channel_known CHECK (channel IN ('WORK_FOLDER', 'EMAIL')),
        CONSTRAINT max_ww_invitations_attendance_known CHECK (attendance IN ('PRESENT', 'ABSENT')),
        CONSTRAINT max_ww_invitations_attendance_recorded
          CHECK ((attendance IS NULL) = (attendance_recorded_at IS NULL)),
        CONSTRAINT max_ww_invitations_follow_up_known CHECK (follow_up_outcome IN ('REACHED', 'NOT_REACHED')),
        CONSTRAINT max_ww_invitations_follow_up_recorded
          CHECK ((followed_up_at IS NULL) = (follow_up_outcome IS NULL)),
        CONSTRAINT max_ww_invitations_once_per_meeting UNIQUE (meeting_id, candidate_id),
        CONSTRAINT max_ww_invitations_attempt_once UNIQUE (candidate_id, attempt)
      )`);
    await queryRunner.query(`CREATE INDEX max_ww_invitations_meeting ON max_ww_invitations (meeting_id)`);

    // Where the client goes after the meeting (triage), or to the UWV adviser after two no-shows.
    // One route per client: the programme is one pass.
    await queryRunner.query(`
      CREATE TABLE max_ww_routes (
        candidate_id uuid PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
        route varchar(16) NOT NULL,
        basis varchar(14) NOT NULL,
        meeting_id uuid REFERENCES max_ww_meetings (id),
        decided_by uuid NOT NULL REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT max_ww_routes_route_known CHECK (route IN ('MAX_WW_ADVISER', 'UWV_ADVISER', 'NO_ACTION')),
        CONSTRAINT max_ww_routes_basis_known CHECK (basis IN ('TRIAGE', 'TWO_NO_SHOWS')),
        CONSTRAINT max_ww_routes_no_shows_to_uwv CHECK (basis <> 'TWO_NO_SHOWS' OR route = 'UWV_ADVISER')
      )`);

    // Taken into mediation: voluntary (the client's agreement), a fixed adviser, about three months.
    await queryRunner.query(`
      CREATE TABLE max_ww_mediations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        adviser_id uuid NOT NULL REFERENCES users (id),
        started_on date NOT NULL,
        client_agreed_on date NOT NULL,
        planned_end_on date NOT NULL,
        ended_on date,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT max_ww_mediations_one_per_client UNIQUE (candidate_id),
        CONSTRAINT max_ww_mediations_planned_end CHECK (planned_end_on >= started_on),
        CONSTRAINT max_ww_mediations_end CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX max_ww_mediations_adviser ON max_ww_mediations (adviser_id) WHERE ended_on IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE max_ww_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mediation_id uuid NOT NULL REFERENCES max_ww_mediations (id) ON DELETE CASCADE,
        contact_on date NOT NULL,
        channel varchar(10) NOT NULL,
        summary varchar(500) NOT NULL,
        next_contact_due date,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT max_ww_contacts_channel_known CHECK (channel IN ('PHONE', 'EMAIL', 'WHATSAPP', 'MEETING')),
        CONSTRAINT max_ww_contacts_summary_not_blank CHECK (btrim(summary) <> ''),
        CONSTRAINT max_ww_contacts_next_after CHECK (next_contact_due IS NULL OR next_contact_due >= contact_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX max_ww_contacts_mediation ON max_ww_contacts (mediation_id, contact_on DESC)`,
    );

    // An adviser offers a vacancy to the client before proposing it to the employer.
    await queryRunner.query(`
      CREATE TABLE vacancy_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        offered_by uuid NOT NULL REFERENCES users (id),
        offered_at timestamptz NOT NULL DEFAULT now(),
        client_response varchar(14),
        responded_at timestamptz,
        CONSTRAINT vacancy_offers_response_known CHECK (client_response IN ('INTERESTED', 'NOT_INTERESTED')),
        CONSTRAINT vacancy_offers_responded CHECK ((client_response IS NULL) = (responded_at IS NULL)),
        CONSTRAINT vacancy_offers_once UNIQUE (candidate_id, vacancy_id)
      )`);

    // The warm hand-over to the social service at the WW's end, under the client's signed consent.
    await queryRunner.query(`
      CREATE TABLE ww_end_handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        consent_id uuid NOT NULL REFERENCES candidate_consents (id),
        summary varchar(2000) NOT NULL,
        tried varchar(2000) NOT NULL,
        contact_adviser_id uuid NOT NULL REFERENCES users (id),
        bijstand_candidate_id uuid REFERENCES candidates (id) ON DELETE SET NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ww_end_handovers_one_per_client UNIQUE (candidate_id),
        CONSTRAINT ww_end_handovers_summary_not_blank CHECK (btrim(summary) <> '')
      )`);

    // How and when a client left the programme. A job found on one's own is not a team placement,
    // so only PLACED_BY_TEAM names a placement.
    await queryRunner.query(`
      CREATE TABLE max_ww_exits (
        candidate_id uuid PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
        kind varchar(18) NOT NULL,
        exit_on date NOT NULL,
        placement_id uuid REFERENCES placements (id),
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT max_ww_exits_kind_known CHECK (kind IN
          ('PLACED_BY_TEAM', 'OWN_JOB', 'BENEFIT_ENDED', 'MOVED_TO_BIJSTAND', 'MOVED_AWAY', 'OTHER')),
        CONSTRAINT max_ww_exits_placement_only_when_placed CHECK ((kind = 'PLACED_BY_TEAM') = (placement_id IS NOT NULL))
      )`);

    // A staffing-firm user's signed confidentiality statement: what of UWV's clients they may see.
    await queryRunner.query(`
      CREATE TABLE confidentiality_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        signed_on date NOT NULL,
        reference varchar(100) NOT NULL,
        scope varchar(8) NOT NULL,
        unit_id uuid REFERENCES units (id),
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id),
        CONSTRAINT confidentiality_statements_scope_known CHECK (scope IN ('MAX_WW', 'UNIT')),
        CONSTRAINT confidentiality_statements_unit_scope CHECK ((scope = 'UNIT') = (unit_id IS NOT NULL)),
        CONSTRAINT confidentiality_statements_reference_not_blank CHECK (btrim(reference) <> ''),
        CONSTRAINT confidentiality_statements_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await queryRunner.query(`
      CREATE INDEX confidentiality_statements_active ON confidentiality_statements (user_id) WHERE revoked_at IS NULL`);

    // A UWV client with a work limitation (50-80 wage value): the classification was Bijstand's only.
    await queryRunner.query(`ALTER TABLE candidates DROP CONSTRAINT candidates_classification_bijstand_only`);
    await queryRunner.query(`
      ALTER TABLE candidates ADD CONSTRAINT candidates_classification_by_pool
        CHECK (pool = 'BIJSTAND' OR classification IS NULL OR classification = '50-80')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE candidates SET classification = NULL WHERE pool = 'WW'`);
    await queryRunner.query(`ALTER TABLE candidates DROP CONSTRAINT candidates_classification_by_pool`);
    await queryRunner.query(`
      ALTER TABLE candidates ADD CONSTRAINT candidates_classification_bijstand_only
        CHECK (pool = 'BIJSTAND' OR classification IS NULL)`);
    for (const table of [
      'confidentiality_statements',
      'max_ww_exits',
      'ww_end_handovers',
      'vacancy_offers',
      'max_ww_contacts',
      'max_ww_mediations',
      'max_ww_routes',
      'max_ww_invitations',
      'max_ww_meeting_hosts',
      'max_ww_meetings',
      'max_ww_exclusions',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
