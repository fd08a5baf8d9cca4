// `npm run start:dev`: the API with reload on change (nest start --watch, on PORT or 3000) and the web
// app with hot reload from Vite's dev server (http://127.0.0.1:5173, or WEB_PORT), which proxies /api,
// /docs and /health to the API. Open the Vite address; Ctrl-C stops both.
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '3000';
const children = [
  spawn('npx', ['nest', 'start', '--watch'], { stdio: 'inherit', env: { ...process.env, PORT: apiPort } }),
  spawn('npx', ['vite', '--config', 'web/vite.config.mts'], {
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];
const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
