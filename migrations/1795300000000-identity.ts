import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units, users, refresh tokens and the append-only audit log of personal-data access. */
export class Identity1795300000000 implements MigrationInterface {
  name = 'Identity1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        focus varchar(300) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_name_not_blank CHECK (btrim(name) <> '')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX units_name_unique ON units (lower(name))`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(200) NOT NULL,
        organisation varchar(20) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        token_version integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_organisation_known CHECK (organisation IN ('UWV', 'MUNICIPALITY', 'STAFFING_FIRM')),
        CONSTRAINT users_roles_known CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['SALES', 'MATCHER', 'AFTERSALES', 'ADVISER', 'MANAGER', 'ADMIN']::text[]
        )
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_unique ON users (email)`);
    await queryRunner.query(`CREATE INDEX users_unit ON users (unit_id)`);

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        secret_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    // Ids only, never personal data: erasing a person leaves their audit trail intact and anonymous.
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_organisation varchar(20),
        action varchar(40) NOT NULL,
        subject_type varchar(40) NOT NULL,
        subject_id varchar(64),
        purpose varchar(200) NOT NULL,
        request_id varchar(64)
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE units`);
  }
}
