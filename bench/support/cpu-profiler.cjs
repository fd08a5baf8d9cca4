/**
 * Preloaded into a service under bench (NODE_OPTIONS=--require …/cpu-profiler.cjs, CPU_PROFILE_DIR=dir):
 * the first SIGUSR2 starts V8's CPU profiler, the next one stops it and writes dir/<pid>-<n>.cpuprofile,
 * so a bench profiles exactly its load window (node --cpu-prof cannot go into NODE_OPTIONS, and would
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
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(join(dir, `${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
