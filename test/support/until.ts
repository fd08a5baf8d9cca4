/**
 * Waits until `condition` holds, checking every `intervalMs`; fails with `what` (or a generic
 * message) once `timeoutMs` passed. For effects of queues and workers, which land a moment later.
 */
export async function until(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what = 'Condition not met',
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
