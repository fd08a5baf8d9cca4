/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time, the top
 * frames of the flame graph, for the bench notes.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Frame {
  name: string;
  where: string;
  selfPercent: number;
  /** Self time plus everything it called, as a share of the sampled time. */
  totalPercent: number;
}

export function topFrames(file: string, count = 15, root = process.cwd()): Frame[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, at) => self.set(id, (self.get(id) ?? 0) + (deltas[at] ?? 0)));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode): string => {
    const url = node.callFrame.url.replace(/^file:\/\//, '');
    const where = url ? `${relative(root, url)}:${node.callFrame.lineNumber + 1}` : '(native)';
    return `${node.callFrame.functionName || '(anonymous)'}\u0000${where}`;
  };
  const selfByKey = new Map<string, number>();
  const totalByKey = new Map<string, number>();
  let all = 0;
  for (const [id, time] of self) {
    all += time;
    const node = byId.get(id)!;
    const key = keyOf(node);
    selfByKey.set(key, (selfByKey.get(key) ?? 0) + time);
    // Total: count each function once per sample stack (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frameKey = keyOf(byId.get(at)!);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      totalByKey.set(frameKey, (totalByKey.get(frameKey) ?? 0) + time);
    }
  }
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  return [...selfByKey.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count + idle.size)
    .map(([key, time]) => {
      const [name, where] = key.split('\u0000');
      return {
        name,
        where,
        selfPercent: (100 * time) / all,
        totalPercent: (100 * (totalByKey.get(key) ?? time)) / all,
      };
    })
    .filter((frame, index, frames) => !idle.has(frame.name) || frames.indexOf(frame) < count)
    .slice(0, count);
}

export function framesTable(frames: Frame[]): string[] {
  return [
    '| self % | total % | function | where |',
    '| ---: | ---: | --- | --- |',
    ...frames.map(
      (frame) =>
        `| ${frame.selfPercent.toFixed(1)} | ${frame.totalPercent.toFixed(1)} | \`${frame.name}\` | ${frame.where} |`,
    ),
  ];
}

if (require.main === module) {
  const [file, count] = process.argv.slice(2);
  process.stdout.write(`${framesTable(topFrames(file, Number(count ?? 25))).join('\n')}\n`);
}
