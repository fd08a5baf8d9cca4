import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidates of the WW and Bijstand pools, the persons behind them (one person may be in both pools),
 * their notes, consents for sharing with the other organisation, and CSV imports.
 * The BSN is only stored encrypted (candidates.bsn_ciphertext) and as a keyed hash (persons.bsn_hash).
 */
export class Candidates1795355733786 implements MigrationInterface {
  name = 'Candidates1795355733786';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- HMAC-SHA256 of the BSN, hex; null once the person is erased.
        bsn_hash varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT persons_bsn_hash_format CHECK (bsn_hash ~ '^[0-9a-f]{64}$')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX persons_bsn_hash_unique ON persons (bsn_hash)`);

    await queryRunner.query(`
      CREATE TABLE candidates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pool varchar(10) NOT NULL,
        source_reference varchar(40) NOT NULL,
        person_id uuid NOT NULL REFERENCES persons (id),
        bsn_ciphertext text,
        name varchar(200),
        phone varchar(30),
        email varchar(254),
        postcode varchar(7),
        pc4 varchar(4),
        date_of_birth date,
        ww_end_date date,
        classification varchar(12),
        doelgroepregister boolean NOT NULL DEFAULT false,
        wajong boolean NOT NULL DEFAULT false,
        jobready varchar(9) NOT NULL DEFAULT 'TO_ASSESS',
        jobready_assessed_at timestamptz,
        jobready_assessed_by uuid REFERENCES users (id),
        jobready_checklist jsonb,
        work_experience jsonb NOT NULL DEFAULT '[]',
        skill_uris text[] NOT NULL DEFAULT '{}',
        education_level varchar(10),
        certificates text[] NOT NULL DEFAULT '{}',
        driving_licences text[] NOT NULL DEFAULT '{}',
        dutch_level varchar(2),
        hours_min smallint NOT NULL,
        hours_max smallint NOT NULL,
        transport text[] NOT NULL DEFAULT '{}',
        max_travel_km smallint,
        available_from date NOT NULL,
        wished_occupation_uris text[] NOT NULL DEFAULT '{}',
        accepts_broodbaan boolean NOT NULL DEFAULT true,
        adviser_id uuid REFERENCES users (id),
        status varchar(8) NOT NULL DEFAULT 'ACTIVE',
        erased_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT candidates_pool_known CHECK (pool IN ('WW', 'BIJSTAND')),
        CONSTRAINT candidates_source_reference_not_blank CHECK (btrim(source_reference) <> ''),
        CONSTRAINT candidates_pc4_format CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
        CONSTRAINT candidates_postcode_format CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
        CONSTRAINT candidates_ww_end_date_ww_only CHECK (pool = 'WW' OR ww_end_date IS NULL),
        CONSTRAINT candidates_classification_known CHECK (classification IN ('80-100', '50-80', 'PARTICIPATIE')),
        CONSTRAINT candidates_classification_bijstand_only CHECK (pool = 'BIJSTAND' OR classification IS NULL),
        CONSTRAINT candidates_wajong_ww_only CHECK (pool = 'WW' OR NOT wajong),
        CONSTRAINT candidates_jobready_known CHECK (jobready IN ('YES', 'NO', 'TO_ASSESS')),
        CONSTRAINT candidates_education_level_known CHECK (education_level IN
          ('none', 'primary', 'vmbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'havo', 'vwo', 'hbo', 'wo')),
        CONSTRAINT candidates_driving_licences_known CHECK (driving_licences <@ ARRAY['AM', 'A1', 'A2', 'A', 'B',
          'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'T']::text[]),
        CONSTRAINT candidates_dutch_level_known CHECK (dutch_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
        CONSTRAINT candidates_hours CHECK (hours_min BETWEEN 1 AND 60 AND hours_max BETWEEN 1 AND 60
          AND hours_min <= hours_max),
        CONSTRAINT candidates_transport_known CHECK (transport <@ ARRAY['CAR', 'BIKE', 'PUBLIC_TRANSPORT']::text[]),
        CONSTRAINT candidates_max_travel_km CHECK (max_travel_km BETWEEN 0 AND 500),
        CONSTRAINT candidates_work_experience_array CHECK (jsonb_typeof(work_experience) = 'array'),
        CONSTRAINT candidates_status_known CHECK (status IN ('ACTIVE', 'PROPOSED', 'PLACED', 'INACTIVE')),
        -- A live candidate holds its personal data; an erased one holds none of it.
        CONSTRAINT candidates_personal_data CHECK (
          (erased_at IS NULL AND bsn_ciphertext IS NOT NULL AND name IS NOT NULL)
          OR (erased_at IS NOT NULL AND bsn_ciphertext IS NULL AND name IS NULL AND phone IS NULL
              AND email IS NULL AND date_of_birth IS NULL AND status = 'INACTIVE'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX candidates_source_reference_unique ON candidates (pool, source_reference)`,
    );
    await queryRunner.query(`CREATE INDEX candidates_person ON candidates (person_id)`);
    await queryRunner.query(`CREATE INDEX candidates_adviser ON candidates (adviser_id)`);
    await queryRunner.query(`CREATE INDEX candidates_pc4 ON candidates (pc4)`);
    await queryRunner.query(
      `CREATE INDEX candidates_ww_end_date ON candidates (ww_end_date) WHERE ww_end_date IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX candidates_skill_uris ON candidates USING gin (skill_uris)`);
    await queryRunner.query(
      `CREATE INDEX candidates_work_experience ON candidates USING gin (work_experience jsonb_path_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX candidates_wished_occupation_uris ON candidates USING gin (wished_occupation_uris)`,
    );

    await queryRunner.query(`
      CREATE TABLE candidate_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        noted_at timestamptz NOT NULL,
        text varchar(4000) NOT NULL,
        CONSTRAINT candidate_notes_text_not_blank CHECK (btrim(text) <> '')
      )`);
    await queryRunner.query(`CREATE INDEX candidate_notes_candidate ON candidate_notes (candidate_id, noted_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE candidate_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        organisation varchar(20) NOT NULL,
        purpose varchar(20) NOT NULL DEFAULT 'MEDIATION',
        signed_on date NOT NULL,
        document_reference varchar(100) NOT NULL,
        recorded_by uuid REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users (id),
        CONSTRAINT candidate_consents_organisation_known CHECK (organisation IN ('UWV', 'MUNICIPALITY', 'STAFFING_FIRM')),
        CONSTRAINT candidate_consents_purpose_known CHECK (purpose IN ('MEDIATION')),
        CONSTRAINT candidate_consents_document_reference_not_blank CHECK (btrim(document_reference) <> '')
      )`);
    // At most one active consent per candidate, organisation and purpose; the visibility join relies on it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX candidate_consents_active_unique ON candidate_consents (candidate_id, organisation, purpose)
      WHERE withdrawn_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE candidate_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pool varchar(10) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'QUEUED',
        -- The uploaded CSV; holds personal data, so it is cleared as soon as the import has run.
        content bytea,
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        -- [{ row, field, reason }]: never a value from the file.
        errors jsonb NOT NULL DEFAULT '[]',
        failure_reason varchar(500),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT candidate_imports_pool_known CHECK (pool IN ('WW', 'BIJSTAND')),
        CONSTRAINT candidate_imports_status_known CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        CONSTRAINT candidate_imports_content_cleared CHECK (status IN ('QUEUED', 'RUNNING') OR content IS NULL)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE candidate_imports`);
    await queryRunner.query(`DROP TABLE candidate_consents`);
    await queryRunner.query(`DROP TABLE candidate_notes`);
    await queryRunner.query(`DROP TABLE candidates`);
    await queryRunner.query(`DROP TABLE persons`);
  }
}
