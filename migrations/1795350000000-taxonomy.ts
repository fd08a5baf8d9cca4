import { MigrationInterface, QueryRunner } from 'typeorm';

/** ESCO occupations, skills, ISCO groups, their relations and broader links, and the import log. */
export class Taxonomy1795350000000 implements MigrationInterface {
  name = 'Taxonomy1795350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "isco_groups" (
        "code" text PRIMARY KEY CHECK ("code" ~ '^[0-9]{1,4}$'),
        "uri" text NOT NULL UNIQUE,
        "label" text NOT NULL CHECK ("label" <> ''),
        "parent_code" text REFERENCES "isco_groups" ("code") ON DELETE RESTRICT,
        "content_hash" text NOT NULL,
        CHECK (("parent_code" IS NULL) = (length("code") = 1))
      )`);
    await queryRunner.query(`
      CREATE TABLE "occupations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "uri" text NOT NULL UNIQUE,
        "code" text NOT NULL UNIQUE CHECK ("code" ~ '^[0-9]{4}(\\.[0-9]+)*$'),
        "isco_group" text NOT NULL REFERENCES "isco_groups" ("code") ON DELETE RESTRICT,
        "preferred_label" text NOT NULL CHECK ("preferred_label" <> ''),
        "alt_labels" jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("alt_labels") = 'array'),
        "description" text NOT NULL DEFAULT '',
        "content_hash" text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "occupations_isco_group_idx" ON "occupations" ("isco_group")`);
    await queryRunner.query(`
      CREATE TABLE "skills" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "uri" text NOT NULL UNIQUE,
        "skill_type" text CHECK ("skill_type" IN ('skill/competence', 'knowledge')),
        "reuse_level" text,
        "label_en" text NOT NULL CHECK ("label_en" <> ''),
        "label_nl" text CHECK ("label_nl" <> ''),
        "alt_labels_en" jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("alt_labels_en") = 'array'),
        "alt_labels_nl" jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("alt_labels_nl") = 'array'),
        "description" text NOT NULL DEFAULT '',
        "content_hash" text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "occupation_skills" (
        "occupation_id" uuid NOT NULL REFERENCES "occupations" ("id") ON DELETE CASCADE,
        "skill_id" uuid NOT NULL REFERENCES "skills" ("id") ON DELETE CASCADE,
        "relation_type" text NOT NULL CHECK ("relation_type" IN ('essential', 'optional')),
        PRIMARY KEY ("occupation_id", "skill_id")
      )`);
    await queryRunner.query(`CREATE INDEX "occupation_skills_skill_idx" ON "occupation_skills" ("skill_id")`);
    await queryRunner.query(`
      CREATE TABLE "taxonomy_broader_links" (
        "concept_uri" text NOT NULL,
        "broader_uri" text NOT NULL,
        "concept_type" text NOT NULL,
        "broader_type" text NOT NULL,
        PRIMARY KEY ("concept_uri", "broader_uri")
      )`);
    await queryRunner.query(
      `CREATE INDEX "taxonomy_broader_links_broader_idx" ON "taxonomy_broader_links" ("broader_uri")`,
    );
    await queryRunner.query(`
      CREATE TABLE "taxonomy_imports" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "folder" text NOT NULL,
        "release_version" text,
        "status" text NOT NULL CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')),
        "progress" integer NOT NULL DEFAULT 0 CHECK ("progress" BETWEEN 0 AND 100),
        "content_hash" text,
        "changed" boolean,
        "counts" jsonb,
        "error_file" text,
        "error_line" integer,
        "error_reason" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        CHECK ("status" <> 'failed' OR "error_reason" IS NOT NULL),
        CHECK ("status" <> 'succeeded' OR ("finished_at" IS NOT NULL AND "counts" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "taxonomy_imports_created_idx" ON "taxonomy_imports" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "taxonomy_imports"`);
    await queryRunner.query(`DROP TABLE "taxonomy_broader_links"`);
    await queryRunner.query(`DROP TABLE "occupation_skills"`);
    await queryRunner.query(`DROP TABLE "skills"`);
    await queryRunner.query(`DROP TABLE "occupations"`);
    await queryRunner.query(`DROP TABLE "isco_groups"`);
  }
}
