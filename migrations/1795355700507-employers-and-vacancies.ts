import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers with their contact persons, and vacancies with their profile (what matching selects on).
 * Addresses keep the pc4, municipality and labour-market region they resolved to when entered: no
 * foreign key to places, because a later places import may retire an area, and an employer's
 * address must not block that import.
 */
export class EmployersAndVacancies1795355700507 implements MigrationInterface {
  name = 'EmployersAndVacancies1795355700507';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE employers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kvk_number varchar(8) NOT NULL,
        sector varchar(100) NOT NULL,
        street varchar(200) NOT NULL,
        house_number varchar(20) NOT NULL,
        postcode varchar(7) NOT NULL,
        pc4 varchar(4) NOT NULL,
        municipality_code varchar(6) NOT NULL,
        municipality varchar(100) NOT NULL,
        region_code varchar(4) NOT NULL,
        region varchar(100) NOT NULL,
        city varchar(100) NOT NULL,
        account_manager_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        notes varchar(4000) NOT NULL DEFAULT '',
        archived boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_employers PRIMARY KEY (id),
        CONSTRAINT uq_employers_kvk_number UNIQUE (kvk_number),
        CONSTRAINT ck_employers_kvk_number CHECK (kvk_number ~ '^[0-9]{8}$'),
        CONSTRAINT ck_employers_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_employers_postcode CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
        CONSTRAINT ck_employers_pc4 CHECK (pc4 = left(postcode, 4)),
        CONSTRAINT ck_employers_version CHECK (version >= 1),
        CONSTRAINT fk_employers_account_manager FOREIGN KEY (account_manager_id) REFERENCES users (id),
        CONSTRAINT fk_employers_unit FOREIGN KEY (unit_id) REFERENCES units (id)
      )`);
    await queryRunner.query('CREATE INDEX ix_employers_name ON employers (lower(name))');
    await queryRunner.query('CREATE INDEX ix_employers_municipality ON employers (lower(municipality))');
    await queryRunner.query('CREATE INDEX ix_employers_unit_id ON employers (unit_id)');
    await queryRunner.query('CREATE INDEX ix_employers_account_manager_id ON employers (account_manager_id)');
    await queryRunner.query('CREATE INDEX ix_employers_created_at ON employers (created_at)');

    await queryRunner.query(`
      CREATE TABLE employer_contacts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL,
        position integer NOT NULL,
        name varchar(200) NOT NULL,
        role varchar(100) NOT NULL,
        phone varchar(20) NOT NULL,
        email varchar(254) NOT NULL,
        CONSTRAINT pk_employer_contacts PRIMARY KEY (id),
        CONSTRAINT uq_employer_contacts_position UNIQUE (employer_id, position),
        CONSTRAINT ck_employer_contacts_position CHECK (position >= 0),
        CONSTRAINT ck_employer_contacts_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_employer_contacts_email CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
        CONSTRAINT fk_employer_contacts_employer FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE vacancies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        title varchar(200) NOT NULL,
        occupation_uri varchar(255),
        occupation_confirmed boolean NOT NULL DEFAULT false,
        description varchar(10000) NOT NULL DEFAULT '',
        driving_licences text[] NOT NULL DEFAULT '{}',
        certificates text[] NOT NULL DEFAULT '{}',
        min_dutch_level varchar(2),
        min_education_level varchar(10),
        required_skill_uris text[] NOT NULL DEFAULT '{}',
        preferred_skill_uris text[] NOT NULL DEFAULT '{}',
        experience_years_wish integer,
        hours_min integer NOT NULL,
        hours_max integer NOT NULL,
        shifts text[] NOT NULL DEFAULT '{}',
        postcode varchar(7) NOT NULL,
        pc4 varchar(4) NOT NULL,
        municipality_code varchar(6) NOT NULL,
        municipality varchar(100) NOT NULL,
        region_code varchar(4) NOT NULL,
        region varchar(100) NOT NULL,
        max_travel_km integer,
        start_date date NOT NULL,
        positions integer NOT NULL,
        positions_left integer NOT NULL,
        contract_type varchar(20) NOT NULL,
        contract_months integer,
        open_to_reduced_wage_value boolean NOT NULL DEFAULT false,
        instruments text[] NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL DEFAULT 'DRAFT',
        opened_at timestamptz,
        created_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_vacancies PRIMARY KEY (id),
        CONSTRAINT ck_vacancies_title CHECK (btrim(title) <> ''),
        CONSTRAINT ck_vacancies_occupation_confirmed CHECK (occupation_uri IS NOT NULL OR NOT occupation_confirmed),
        CONSTRAINT ck_vacancies_driving_licences
          CHECK (driving_licences <@ ARRAY['AM','A1','A2','A','B','BE','C1','C1E','C','CE','D1','D1E','D','DE','T']::text[]),
        CONSTRAINT ck_vacancies_min_dutch_level CHECK (min_dutch_level IN ('A1','A2','B1','B2','C1','C2')),
        CONSTRAINT ck_vacancies_min_education_level CHECK (min_education_level IN
          ('none','primary','vmbo','mbo-1','mbo-2','mbo-3','mbo-4','havo','vwo','hbo','wo')),
        CONSTRAINT ck_vacancies_experience_years_wish CHECK (experience_years_wish BETWEEN 0 AND 50),
        CONSTRAINT ck_vacancies_hours CHECK (hours_min >= 1 AND hours_max <= 60 AND hours_min <= hours_max),
        CONSTRAINT ck_vacancies_shifts CHECK (shifts <@ ARRAY['DAY','EVENING','NIGHT','WEEKEND']::text[]),
        CONSTRAINT ck_vacancies_postcode CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
        CONSTRAINT ck_vacancies_pc4 CHECK (pc4 = left(postcode, 4)),
        CONSTRAINT ck_vacancies_max_travel_km CHECK (max_travel_km BETWEEN 1 AND 300),
        CONSTRAINT ck_vacancies_positions CHECK (positions >= 1 AND positions_left BETWEEN 0 AND positions),
        CONSTRAINT ck_vacancies_contract_type CHECK (contract_type IN ('AGENCY','FIXED_TERM','PERMANENT')),
        CONSTRAINT ck_vacancies_contract_months CHECK (
          (contract_type = 'FIXED_TERM' AND contract_months BETWEEN 1 AND 60)
          OR (contract_type <> 'FIXED_TERM' AND contract_months IS NULL)),
        CONSTRAINT ck_vacancies_instruments
          CHECK (instruments <@ ARRAY['PROEFPLAATSING','BAANBONUS','UITZENDEURO','LOONKOSTENSUBSIDIE']::text[]),
        CONSTRAINT ck_vacancies_status CHECK (status IN ('DRAFT','OPEN','ON_HOLD','FILLED','CLOSED')),
        CONSTRAINT ck_vacancies_opened_at CHECK (status NOT IN ('OPEN','ON_HOLD','FILLED') OR opened_at IS NOT NULL),
        CONSTRAINT ck_vacancies_version CHECK (version >= 1),
        CONSTRAINT fk_vacancies_employer FOREIGN KEY (employer_id) REFERENCES employers (id),
        CONSTRAINT fk_vacancies_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_vacancies_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    // The stand-up list: open vacancies of a unit, newest first.
    await queryRunner.query(
      'CREATE INDEX ix_vacancies_unit_status_opened ON vacancies (unit_id, status, opened_at DESC)',
    );
    await queryRunner.query('CREATE INDEX ix_vacancies_status ON vacancies (status)');
    await queryRunner.query('CREATE INDEX ix_vacancies_employer_id ON vacancies (employer_id)');
    await queryRunner.query('CREATE INDEX ix_vacancies_occupation_uri ON vacancies (occupation_uri)');
    await queryRunner.query('CREATE INDEX ix_vacancies_region_code ON vacancies (region_code)');
    await queryRunner.query('CREATE INDEX ix_vacancies_created_by ON vacancies (created_by)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE vacancies');
    await queryRunner.query('DROP TABLE employer_contacts');
    await queryRunner.query('DROP TABLE employers');
  }
}
