import Redis from 'ioredis';
import { EntityManager } from 'typeorm';
import { redisOptionsFromUrl } from '@platform/queue/redis-options';

/** The reference data every instance holds in memory, each with its version row. */
export type ReferenceDataKind = 'esco' | 'places' | 'certificates';

export const REFERENCE_DATA_KINDS: readonly ReferenceDataKind[] = ['esco', 'places', 'certificates'];

/** The Redis channel on which a change is announced, per queue prefix (one deployment). */
export function referenceDataChannel(queuePrefix: string): string {
  return `${queuePrefix}:reference-data-changed`;
}

/** Moves the kind's version; call it inside the transaction that changes the data. */
export async function bumpReferenceDataVersion(manager: EntityManager, kind: ReferenceDataKind): Promise<void> {
  await manager.query(
    `INSERT INTO reference_data_versions (kind, version, changed_at) VALUES ($1, 1, now())
     ON CONFLICT (kind) DO UPDATE SET version = reference_data_versions.version + 1, changed_at = now()`,
    [kind],
  );
}

/**
 * Announces a committed change to every running instance (a command-line import has no application
 * around it). Best effort: an instance that misses it finds the new version on its next check.
 */
export async function announceReferenceDataChange(
  redisUrl: string,
  queuePrefix: string,
  kind: ReferenceDataKind,
): Promise<void> {
  const client = new Redis({ ...redisOptionsFromUrl(redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined); // reported by the rejected publish below
  try {
    await client.connect();
    await client.publish(referenceDataChannel(queuePrefix), kind);
  } finally {
    client.disconnect();
  }
}
