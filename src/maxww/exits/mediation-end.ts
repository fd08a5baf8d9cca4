import { EntityManager } from 'typeorm';

/**
 * TEMPORARY, to be replaced by helper B's `MediationService.endMediation` (max_ww_mediations is B's
 * table; B's service was not merged when this was written). An exit ends the client's open mediation
 * on the exit's day, in the caller's transaction. Returns the mediation's start when one was open and
 * starts after that day (the caller refuses such an exit), else null.
 */
export async function endOpenMediation(
  candidateId: string,
  endedOn: string,
  manager: EntityManager,
): Promise<{ startsAfter: string } | null> {
  const [open]: Array<{ id: string; startedOn: string }> = await manager.query(
    `SELECT id, started_on::text AS "startedOn" FROM max_ww_mediations
     WHERE candidate_id = $1 AND ended_on IS NULL FOR UPDATE`,
    [candidateId],
  );
  if (!open) return null;
  if (open.startedOn > endedOn) return { startsAfter: open.startedOn };
  await manager.query(`UPDATE max_ww_mediations SET ended_on = $2, version = version + 1 WHERE id = $1`, [
    open.id,
    endedOn,
  ]);
  return null;
}
