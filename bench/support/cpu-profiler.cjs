/**
 * Preloaded into a service under bench (NODE_OPTIONS=--require …/cpu-profiler.cjs, CPU_PROFILE_DIR=dir):
 * the first SIGUSR2 starts V8's CPU profiler, the next one stops it and writes dir/<pid>-<n>.cpuprofile,
 * (or from the start with CPU_PROFILE_FROM_START=1), so a bench profiles exactly its load window (node --cpu-prof cannot go into NODE_OPTIONS, and would
 * profile the start and the index build too).
 */
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  const start = () => {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
    );
  };
  // CPU_PROFILE_FROM_START=1: from the first line on (the start and the index build), until SIGUSR2.
  if (process.env.CPU_PROFILE_FROM_START === '1') start();
  process.on('SIGUSR2', () => {
    if (!running) return start();
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(join(dir, `${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
