import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals of candidates for vacancies (with every state change), placements with their
 * instruments, and the idempotency keys of POST /api/placements.
 */
export class ProposalsAndPlacements1795357511442 implements MigrationInterface {
  name = 'ProposalsAndPlacements1795357511442';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        candidate_id uuid NOT NULL REFERENCES candidates (id),
        -- The vacancy's unit at the time of shortlisting: proposal quality is reported per unit.
        unit_id uuid NOT NULL REFERENCES units (id),
        shortlisted_by uuid NOT NULL REFERENCES users (id),
        proposed_by uuid REFERENCES users (id),
        state varchar(11) NOT NULL DEFAULT 'SHORTLISTED',
        -- Snapshot of the ranking when shortlisted, so a later change of weights does not rewrite history.
        score numeric(6, 1) NOT NULL,
        components jsonb NOT NULL,
        weights_version varchar(40) NOT NULL,
        proposed_at timestamptz,
        interview_at timestamptz,
        closed_at timestamptz,
        reason_code varchar(26),
        reason_text text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_state_known
          CHECK (state IN ('SHORTLISTED', 'PROPOSED', 'INTERVIEW', 'HIRED', 'REJECTED', 'WITHDRAWN')),
        CONSTRAINT proposals_reason_known CHECK (reason_code IN ('EMPLOYER_OTHER_CANDIDATE', 'EMPLOYER_SKILLS',
          'EMPLOYER_ATTITUDE', 'EMPLOYER_NO_SHOW', 'CANDIDATE_DECLINED', 'MISMATCH_NOT_JOBREADY', 'OTHER')),
        CONSTRAINT proposals_rejection_has_reason CHECK ((state = 'REJECTED') = (reason_code IS NOT NULL)),
        CONSTRAINT proposals_closed_at_when_closed
          CHECK ((state IN ('HIRED', 'REJECTED', 'WITHDRAWN')) = (closed_at IS NOT NULL)),
        CONSTRAINT proposals_proposed_by_with_time CHECK ((proposed_at IS NULL) = (proposed_by IS NULL)),
        CONSTRAINT proposals_score_range CHECK (score >= 0)
      )`);
    // One open proposal per vacancy and candidate; closed ones may repeat (proposed again later).
    await queryRunner.query(`
      CREATE UNIQUE INDEX proposals_open_unique ON proposals (vacancy_id, candidate_id)
      WHERE state IN ('SHORTLISTED', 'PROPOSED', 'INTERVIEW')`);
    await queryRunner.query(`CREATE INDEX proposals_candidate ON proposals (candidate_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX proposals_vacancy ON proposals (vacancy_id, created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX proposals_proposed_at ON proposals (proposed_at) WHERE proposed_at IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE proposal_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        from_state varchar(11),
        to_state varchar(11) NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        at timestamptz NOT NULL,
        reason_code varchar(26),
        text text
      )`);
    await queryRunner.query(`CREATE INDEX proposal_transitions_proposal ON proposal_transitions (proposal_id, at)`);

    await queryRunner.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        candidate_id uuid NOT NULL REFERENCES candidates (id),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        placed_by uuid NOT NULL REFERENCES users (id),
        start_date date NOT NULL,
        contract_type varchar(10) NOT NULL,
        contract_months integer,
        hours_per_week smallint NOT NULL,
        -- Derived at the start date; null for a candidate in no target group.
        target_group varchar(10),
        hours_worked integer NOT NULL DEFAULT 0,
        end_date date,
        end_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT placements_proposal_unique UNIQUE (proposal_id),
        CONSTRAINT placements_contract_known CHECK (contract_type IN ('AGENCY', 'FIXED_TERM', 'PERMANENT')),
        CONSTRAINT placements_months_with_fixed_term
          CHECK ((contract_type = 'FIXED_TERM') = (contract_months IS NOT NULL)),
        CONSTRAINT placements_months_range CHECK (contract_months BETWEEN 1 AND 120),
        CONSTRAINT placements_hours_range CHECK (hours_per_week BETWEEN 1 AND 60),
        CONSTRAINT placements_target_group_known
          CHECK (target_group IN ('WW', 'MAX WW', 'WAJONG', 'SDD 80-100', 'SDD 50-80')),
        CONSTRAINT placements_hours_worked_positive CHECK (hours_worked >= 0),
        CONSTRAINT placements_end_after_start CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT placements_end_has_reason CHECK ((end_date IS NULL) = (end_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX placements_candidate ON placements (candidate_id, start_date DESC)`);

    await queryRunner.query(`
      CREATE TABLE placement_instruments (
        placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
        instrument varchar(20) NOT NULL,
        -- Euros; null where the amount is not set by a fixed rule (proefplaatsing, loonkostensubsidie).
        amount integer,
        PRIMARY KEY (placement_id, instrument),
        CONSTRAINT placement_instruments_known
          CHECK (instrument IN ('PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO', 'LOONKOSTENSUBSIDIE')),
        CONSTRAINT placement_instruments_amount_positive CHECK (amount IS NULL OR amount >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        key varchar(200) NOT NULL,
        scope varchar(40) NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        request_hash varchar(64) NOT NULL,
        status_code smallint,
        -- json, not jsonb: a replay answers with the very same text (jsonb would reorder the keys).
        response json,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key),
        CONSTRAINT idempotency_keys_hash_format CHECK (request_hash ~ '^[0-9a-f]{64}$')
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TABLE placement_instruments`);
    await queryRunner.query(`DROP TABLE placements`);
    await queryRunner.query(`DROP TABLE proposal_transitions`);
    await queryRunner.query(`DROP TABLE proposals`);
  }
}
