import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 16): SROI on vacancies (sales), the outflow from benefit on placements (aftersales),
 * group targets per unit and period with their history (reports), the read-only view aftersales
 * offers the reports module, and the indexes the dashboard's counts need.
 */
export class Reports1795900000000 implements MigrationInterface {
  name = 'Reports1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Sales: a vacancy that comes from a social-return clause of a public tender, and that tender.
    await queryRunner.query(`
      ALTER TABLE vacancies
        ADD COLUMN sroi boolean NOT NULL DEFAULT false,
        ADD COLUMN sroi_tender_reference varchar(100),
        ADD CONSTRAINT ck_vacancies_sroi_tender CHECK (
          (sroi AND sroi_tender_reference IS NOT NULL AND btrim(sroi_tender_reference) <> '')
          OR (NOT sroi AND sroi_tender_reference IS NULL))`);

    // Aftersales: whether and when the benefit stopped after a placement. Every record is kept; the
    // newest (current) one counts. The adviser of the pool's organisation records it.
    await queryRunner.query(`
      CREATE TABLE placement_outflows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
        version integer NOT NULL,
        outflow varchar(7) NOT NULL,
        -- FULL: the day the benefit stopped; PARTIAL: the day it was reduced; NONE: no date.
        benefit_changed_on date,
        current boolean NOT NULL DEFAULT true,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL,
        CONSTRAINT placement_outflows_version_once UNIQUE (placement_id, version),
        CONSTRAINT placement_outflows_version_positive CHECK (version >= 1),
        CONSTRAINT placement_outflows_known CHECK (outflow IN ('FULL', 'PARTIAL', 'NONE')),
        CONSTRAINT placement_outflows_date_unless_none CHECK ((outflow = 'NONE') = (benefit_changed_on IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX placement_outflows_current ON placement_outflows (placement_id) INCLUDE (outflow, benefit_changed_on) WHERE current`,
    );
    // The outflow KPI counts by the day the benefit changed.
    await queryRunner.query(
      `CREATE INDEX placement_outflows_changed_on ON placement_outflows (benefit_changed_on) INCLUDE (placement_id, outflow)
       WHERE current AND outflow <> 'NONE'`,
    );

    // Reports: a unit's group target for a year or a quarter; every change is a new version.
    await queryRunner.query(`
      CREATE TABLE unit_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        -- '2026' (a year) or '2026-Q3' (a quarter); first and last day as Dutch calendar dates.
        period varchar(7) NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        version integer NOT NULL,
        placements integer NOT NULL,
        -- The optional split by target group; null: no target of its own for that group.
        ww integer,
        max_ww integer,
        wajong integer,
        sdd_80_100 integer,
        sdd_50_80 integer,
        set_by uuid NOT NULL REFERENCES users (id),
        set_at timestamptz NOT NULL,
        CONSTRAINT unit_targets_version_once UNIQUE (unit_id, period, version),
        CONSTRAINT unit_targets_version_positive CHECK (version >= 1),
        CONSTRAINT unit_targets_period_format CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
        CONSTRAINT unit_targets_period_days CHECK (period_start <= period_end),
        CONSTRAINT unit_targets_placements_range CHECK (placements BETWEEN 0 AND 100000),
        CONSTRAINT unit_targets_groups_positive CHECK (
          coalesce(ww, 0) >= 0 AND coalesce(max_ww, 0) >= 0 AND coalesce(wajong, 0) >= 0
          AND coalesce(sdd_80_100, 0) >= 0 AND coalesce(sdd_50_80, 0) >= 0),
        CONSTRAINT unit_targets_groups_within_total CHECK (
          coalesce(ww, 0) + coalesce(max_ww, 0) + coalesce(wajong, 0) + coalesce(sdd_80_100, 0)
          + coalesce(sdd_50_80, 0) <= placements)
      )`);
    await queryRunner.query(`CREATE INDEX unit_targets_period ON unit_targets (period_start, period_end)`);

    // Counting per unit and period: placements of a unit by start date (with what the counts read).
    await queryRunner.query(
      `CREATE INDEX placements_unit_start ON placements (unit_id, start_date) INCLUDE (target_group, vacancy_id)`,
    );
    // Proposal quality of one unit: proposals by unit and the time they were proposed.
    await queryRunner.query(
      `CREATE INDEX proposals_unit_proposed_at ON proposals (unit_id, proposed_at) WHERE proposed_at IS NOT NULL`,
    );

    // The read-only views aftersales offers the reports module. report_placements: one row per placement
    // with what the register and the dashboard filter and show. No BSN and no contact details; the
    // client's name is not here either (the register reads it under the visibility rule, audited). Left
    // joins, mostly on primary keys, so a query that does not read a column costs little for it.
    await queryRunner.query(`
      CREATE VIEW report_placements AS
      SELECT pl.id, pl.unit_id, u.name AS unit_name, pl.candidate_id, pl.vacancy_id, pl.proposal_id,
             pl.start_date, pl.end_date, pl.contract_type, pl.contract_months, pl.hours_per_week, pl.target_group,
             pl.created_at, c.pool, p.proposed_by AS matcher_id, m.name AS matcher_name,
             m.organisation AS matcher_organisation, v.title AS vacancy_title, v.employer_id, e.name AS employer_name,
             coalesce(v.sroi, false) AS sroi, v.sroi_tender_reference, o.outflow, o.benefit_changed_on,
             ARRAY(SELECT i.instrument FROM placement_instruments i WHERE i.placement_id = pl.id
                   ORDER BY i.instrument)::text[] AS instruments
      FROM placements pl
      LEFT JOIN units u ON u.id = pl.unit_id
      LEFT JOIN candidates c ON c.id = pl.candidate_id
      LEFT JOIN proposals p ON p.id = pl.proposal_id
      LEFT JOIN users m ON m.id = p.proposed_by
      LEFT JOIN vacancies v ON v.id = pl.vacancy_id
      LEFT JOIN employers e ON e.id = v.employer_id
      LEFT JOIN placement_outflows o ON o.placement_id = pl.id AND o.current`);
    // report_placement_starts: only what target progress counts, so that count reads nothing else (the
    // outflow join above is on a partial unique index, which PostgreSQL does not drop when unused).
    await queryRunner.query(`
      CREATE VIEW report_placement_starts AS
      SELECT pl.id, pl.unit_id, pl.start_date, pl.target_group FROM placements pl`);
    // report_outflows: the current outflow records that changed a benefit, with the placement's unit and
    // target group, for the outflow KPI counted by the day the benefit changed.
    await queryRunner.query(`
      CREATE VIEW report_outflows AS
      SELECT o.placement_id, o.outflow, o.benefit_changed_on, pl.unit_id, pl.target_group
      FROM placement_outflows o JOIN placements pl ON pl.id = o.placement_id
      WHERE o.current AND o.outflow <> 'NONE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW report_outflows`);
    await queryRunner.query(`DROP VIEW report_placement_starts`);
    await queryRunner.query(`DROP VIEW report_placements`);
    await queryRunner.query(`DROP INDEX proposals_unit_proposed_at`);
    await queryRunner.query(`DROP INDEX placements_unit_start`);
    await queryRunner.query(`DROP TABLE unit_targets`);
    await queryRunner.query(`DROP TABLE placement_outflows`);
    await queryRunner.query(`
      ALTER TABLE vacancies
        DROP CONSTRAINT ck_vacancies_sroi_tender,
        DROP COLUMN sroi_tender_reference,
        DROP COLUMN sroi`);
  }
}
