/**
 * The web app's first load: the JavaScript (and CSS) a browser fetches before the first screen shows,
 * gzip-compressed as a server would send it. Read from the build's manifest (npm run build first):
 * the entry chunk and its static imports, then the lazily loaded chunk of the first screen (the sign-in
 * or set-up page) with its own imports. Goal: at most 250 kB of JavaScript, gzip.
 * The matcher screens' time to first row will be added here by the ranked-list work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchResult } from './run';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const WEB = resolve(__dirname, '../dist/web');
const GOAL_JS_GZIP = 250 * 1024;

function closure(manifest: Record<string, ManifestChunk>, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function sizes(
  manifest: Record<string, ManifestChunk>,
  keys: Set<string>,
): { js: number; jsGzip: number; css: number; cssGzip: number; files: number } {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  const total = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: files.size };
  for (const file of files) {
    const bytes = readFileSync(join(WEB, file));
    const gzip = gzipSync(bytes, { level: 6 }).length;
    if (file.endsWith('.css')) {
      total.css += bytes.length;
      total.cssGzip += gzip;
    } else {
      total.js += bytes.length;
      total.jsGzip += gzip;
    }
  }
  return total;
}

export function run(): Promise<BenchResult> {
  const manifestFile = join(WEB, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run npm run build first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const page = (suffix: string) => Object.keys(manifest).filter((key) => key.endsWith(suffix));
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const screens: Array<[string, string[]]> = [
    ['app shell only (entry + static imports)', entry],
    ['first visit: sign-in page', [...entry, ...page('features/auth/SignInPage.tsx')]],
    ['first run: set-up page', [...entry, ...page('features/setup/SetupPage.tsx')]],
    ['signed in: users administration', [...entry, ...page('features/admin/users/UsersPage.tsx')]],
    // The dashboard shows its tables first and loads the charts (recharts) after: two rows.
    ['signed in: reports dashboard (tables)', [...entry, ...page('features/reports/DashboardPage.tsx')]],
    [
      'reports dashboard with its charts (loaded after)',
      [...entry, ...page('features/reports/DashboardPage.tsx'), ...page('features/reports/Chart.tsx')],
    ],
    ['signed in: wall board', [...entry, ...page('features/reports/WallBoardPage.tsx')]],
    ['signed in: placements register', [...entry, ...page('features/reports/PlacementsRegisterPage.tsx')]],
  ];
  const rows = screens.map(([name, keys]) => {
    const total = sizes(manifest, closure(manifest, keys));
    return [
      name,
      total.files,
      kb(total.js),
      kb(total.jsGzip),
      kb(total.cssGzip),
      total.jsGzip <= GOAL_JS_GZIP ? 'yes' : 'NO',
    ];
  });
  return Promise.resolve({
    title: 'Web app: JavaScript shipped on first load',
    notes: [
      `Build in dist/web (vite 8.3.8, production); sizes of the files each screen needs on a first visit, gzip level 6.`,
      `Goal: first-load JavaScript ≤ ${GOAL_JS_GZIP / 1024} kB gzip. Routes are split lazily (web/src/app/routes.tsx).`,
    ],
    columns: ['screen', 'files', 'JS kB', 'JS kB gzip', 'CSS kB gzip', '≤ 250 kB'],
    rows,
  });
}
