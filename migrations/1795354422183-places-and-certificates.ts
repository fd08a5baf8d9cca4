import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Places (labour-market regions, municipalities, 4-digit postcode areas; filled by the places import)
 * and the managed list of certificates with their implications, seeded with the common ones.
 * Plain SQL that runs on PostgreSQL 15+ and PGlite: no extensions (gen_random_uuid() is built in).
 */
export class PlacesAndCertificates1795354422183 implements MigrationInterface {
  name = 'PlacesAndCertificates1795354422183';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE labour_market_regions (
        code varchar(4) NOT NULL,
        name varchar(100) NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        CONSTRAINT pk_labour_market_regions PRIMARY KEY (code),
        CONSTRAINT ck_labour_market_regions_code CHECK (code ~ '^AM[0-9]{2}$'),
        CONSTRAINT ck_labour_market_regions_lat CHECK (lat BETWEEN 50.5 AND 53.8),
        CONSTRAINT ck_labour_market_regions_lon CHECK (lon BETWEEN 3.0 AND 7.5),
        -- Deferred so an import can rename two regions into each other's names in one transaction.
        CONSTRAINT uq_labour_market_regions_name UNIQUE (name) DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(`
      CREATE TABLE municipalities (
        code varchar(6) NOT NULL,
        name varchar(100) NOT NULL,
        province_code varchar(4) NOT NULL,
        province_name varchar(100) NOT NULL,
        region_code varchar(4) NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        CONSTRAINT pk_municipalities PRIMARY KEY (code),
        CONSTRAINT ck_municipalities_code CHECK (code ~ '^GM[0-9]{4}$'),
        CONSTRAINT ck_municipalities_province_code CHECK (province_code ~ '^PV[0-9]{2}$'),
        CONSTRAINT ck_municipalities_lat CHECK (lat BETWEEN 50.5 AND 53.8),
        CONSTRAINT ck_municipalities_lon CHECK (lon BETWEEN 3.0 AND 7.5),
        -- A merged municipality may take the name of one that the same import removes.
        CONSTRAINT uq_municipalities_name UNIQUE (name) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT fk_municipalities_region FOREIGN KEY (region_code) REFERENCES labour_market_regions (code)
      )`);
    await queryRunner.query('CREATE INDEX ix_municipalities_region_code ON municipalities (region_code)');
    await queryRunner.query(`
      CREATE TABLE places (
        pc4 varchar(4) NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        municipality_code varchar(6) NOT NULL,
        CONSTRAINT pk_places PRIMARY KEY (pc4),
        CONSTRAINT ck_places_pc4 CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
        CONSTRAINT ck_places_lat CHECK (lat BETWEEN 50.5 AND 53.8),
        CONSTRAINT ck_places_lon CHECK (lon BETWEEN 3.0 AND 7.5),
        CONSTRAINT fk_places_municipality FOREIGN KEY (municipality_code) REFERENCES municipalities (code)
      )`);
    await queryRunner.query('CREATE INDEX ix_places_municipality_code ON places (municipality_code)');

    await queryRunner.query(`
      CREATE TABLE certificates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        name varchar(120) NOT NULL,
        description varchar(500),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_certificates PRIMARY KEY (id),
        CONSTRAINT uq_certificates_code UNIQUE (code),
        CONSTRAINT ck_certificates_code CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        CONSTRAINT ck_certificates_name CHECK (btrim(name) <> '')
      )`);
    await queryRunner.query(`
      CREATE TABLE certificate_implications (
        certificate_id uuid NOT NULL,
        implied_certificate_id uuid NOT NULL,
        CONSTRAINT pk_certificate_implications PRIMARY KEY (certificate_id, implied_certificate_id),
        CONSTRAINT ck_certificate_implications_not_self CHECK (certificate_id <> implied_certificate_id),
        CONSTRAINT fk_certificate_implications_certificate
          FOREIGN KEY (certificate_id) REFERENCES certificates (id) ON DELETE CASCADE,
        CONSTRAINT fk_certificate_implications_implied
          FOREIGN KEY (implied_certificate_id) REFERENCES certificates (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      'CREATE INDEX ix_certificate_implications_implied ON certificate_implications (implied_certificate_id)',
    );

    // The certificates Dutch vacancies in logistics, construction, care and hospitality ask for most.
    await queryRunner.query(`
      INSERT INTO certificates (code, name, description) VALUES
        ('HEFTRUCK', 'Heftruckcertificaat', 'Bediening van een heftruck (vorkheftruck)'),
        ('REACHTRUCK', 'Reachtruckcertificaat', 'Bediening van een reachtruck in magazijnen met hoge stellingen'),
        ('ORDERPICKER', 'Orderpickercertificaat', 'Bediening van een orderpicker voor het verzamelen van orders op hoogte'),
        ('EPT', 'Elektrische pallettruck (EPT)', 'Veilig werken met een elektrische pallettruck'),
        ('HOOGWERKER', 'Hoogwerkercertificaat', 'Bediening van een hoogwerker (IPAF of gelijkwaardig)'),
        ('VCA_BASIS', 'VCA Basis (B-VCA)', 'Basisveiligheid voor operationele medewerkers'),
        ('VCA_VOL', 'VCA VOL (VOL-VCA)', 'Veiligheid voor operationeel leidinggevenden; omvat VCA Basis'),
        ('VCA_VIL', 'VIL-VCU', 'Veiligheid voor intercedenten van uitzendbureaus'),
        ('BHV', 'Bedrijfshulpverlening (BHV)', NULL),
        ('EHBO', 'Eerste hulp bij ongelukken (EHBO)', NULL),
        ('CODE_95', 'Code 95 (vakbekwaamheid beroepschauffeur)', 'Nascholing voor chauffeurs met rijbewijs C of D'),
        ('ADR', 'ADR-certificaat', 'Vervoer van gevaarlijke stoffen over de weg'),
        ('HACCP', 'Hygiënecode / HACCP', 'Voedselveiligheid en hygiëne'),
        ('SOCIALE_HYGIENE', 'Sociale Hygiëne (SVH)', 'Verplicht voor leidinggevenden in de horeca met alcohol'),
        ('NEN3140_VOP', 'NEN 3140 Voldoende onderricht persoon', 'Eenvoudige elektrotechnische werkzaamheden'),
        ('NEN3140_VP', 'NEN 3140 Vakbekwaam persoon', 'Zelfstandig elektrotechnische werkzaamheden; omvat VOP'),
        ('LASSEN', 'Lascertificaat (NEN-EN-ISO 9606)', NULL),
        ('BEVEILIGER', 'Diploma Beveiliger 2', 'Vereist voor een beveiligingspas (ND-nummer)')`);
    await queryRunner.query(`
      INSERT INTO certificate_implications (certificate_id, implied_certificate_id)
      SELECT holder.id, implied.id
      FROM (VALUES ('VCA_VOL', 'VCA_BASIS'), ('NEN3140_VP', 'NEN3140_VOP')) AS rule (holder_code, implied_code)
      JOIN certificates holder ON holder.code = rule.holder_code
      JOIN certificates implied ON implied.code = rule.implied_code`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE certificate_implications');
    await queryRunner.query('DROP TABLE certificates');
    await queryRunner.query('DROP TABLE places');
    await queryRunner.query('DROP TABLE municipalities');
    await queryRunner.query('DROP TABLE labour_market_regions');
  }
}
