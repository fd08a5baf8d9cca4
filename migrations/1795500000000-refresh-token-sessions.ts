import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions: every refresh token of one sign-in (the first and each one it was rotated into) carries
 * the same session id, which the access tokens of that sign-in name too. A session is live while one
 * of its refresh tokens is neither revoked nor expired, so logout (revoking it) or a reused token
 * (revoking them all) stops the session's access tokens at once, checked on every request.
 */
export class RefreshTokenSessions1795500000000 implements MigrationInterface {
  name = 'RefreshTokenSessions1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_tokens ADD COLUMN session_id uuid`);
    // Tokens from before sessions: each its own session (their access tokens carry none and are refused).
    await queryRunner.query(`UPDATE refresh_tokens SET session_id = id`);
    await queryRunner.query(`ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX refresh_tokens_live_session ON refresh_tokens (session_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX refresh_tokens_live_session`);
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP COLUMN session_id`);
  }
}
