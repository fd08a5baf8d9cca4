/**
 * Captures what the application logs (the root logger writes JSON lines to process.stdout) while a
 * test runs, so the test can read the lines and search them.
 */
export interface LogCapture {
  /** Everything written so far, as written. */
  text(): string;
  /** The JSON log lines written so far. */
  lines(): Array<Record<string, unknown>>;
  stop(): void;
}

export function captureLog(): LogCapture {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return {
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => spy.mockRestore(),
  };
}
