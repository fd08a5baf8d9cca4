/**
 * The top frames by self time of a .cpuprofile (from `node --cpu-prof`), counting only samples taken
 * under a frame of the given name (default `match`: the engine's queries, not the index build).
 *
 *   npx tsx bench/profile-top.ts /tmp/prof/CPU.….cpuprofile match 20
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function main(): void {
  const [file, root = 'match', shown = '25'] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const under = new Map<number, boolean>();
  const isUnder = (id: number): boolean => {
    const known = under.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const result = byId.get(id)!.callFrame.functionName === root || (parent !== undefined && isUnder(parent));
    under.set(id, result);
    return result;
  };
  const selfMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    if (!isUnder(id)) return;
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
    const micros = profile.timeDeltas[index + 1] ?? 0;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + micros);
    total += micros;
  });
  const lines = [`under ${root}: ${(total / 1000).toFixed(0)} ms`];
  for (const [key, micros] of [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, Number(shown)))
    lines.push(
      `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
