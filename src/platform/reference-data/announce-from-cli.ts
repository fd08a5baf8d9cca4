import { AppConfig } from '@platform/config/app-config';
import { announceReferenceDataChange, ReferenceDataKind } from './reference-data-version';

/**
 * After a command-line import committed: tells the services running on the same PostgreSQL and Redis,
 * so they reload at once. On the embedded defaults no service can be running (one process owns
 * DATA_DIR). When Redis cannot be reached the services still find the change at their next version
 * check; the command says so and succeeds.
 */
export async function announceToRunningServices(config: AppConfig, kind: ReferenceDataKind): Promise<void> {
  if (!config.redis.url) return;
  try {
    await announceReferenceDataChange(config.redis.url, config.queue.prefix, kind);
  } catch (error) {
    process.stderr.write(
      `Note: could not announce the change over Redis (${(error as Error).message}); running services pick it up within REFERENCE_DATA_CHECK_SECONDS.\n`,
    );
  }
}
