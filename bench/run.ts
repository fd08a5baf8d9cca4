/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult>`) and writes
 * one markdown table per bench to bench/results/<name>.md, printing it too.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  title: string;
  /** Lines above the table: data set, machine, what was measured. */
  notes: string[];
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function toMarkdown(result: BenchResult): string {
  return [
    `# ${result.title}`,
    '',
    ...result.notes.map((note) => `${note}  `),
    '',
    `| ${result.columns.join(' | ')} |`,
    `| ${result.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...result.rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

/** The p-th percentile (nearest rank) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const benches = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => !only || file.startsWith(only));
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  for (const file of benches) {
    const name = file.replace(/\.bench\.ts$/, '');
    const bench = (await import(join(__dirname, file))) as { run: () => Promise<BenchResult> };
    const markdown = toMarkdown(await bench.run());
    writeFileSync(join(__dirname, 'results', `${name}.md`), markdown);
    process.stdout.write(`${markdown}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
