// Spreads bench jobs over child processes (bench/worker.ts), one per core: the longest jobs first, so the last to
// finish are short ones and every core stays busy to the end.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Job, JobResult } from './worker';

export const runJobs = (jobs: readonly Job[], workers: number, sizeOf: (job: Job) => number, progress = true): Promise<Map<number, JobResult>> =>
  new Promise((resolve, reject) => {
    const queue = [...jobs].sort((a, b) => sizeOf(b) - sizeOf(a));
    const results = new Map<number, JobResult>();
    const children: ChildProcess[] = [];
    if (jobs.length === 0) {
      resolve(results);
      return;
    }
    const feed = (c: ChildProcess): void => {
      const job = queue.shift();
      if (job) c.send(job);
      else c.kill();
    };
    for (let k = 0; k < Math.min(workers, jobs.length); k += 1) {
      // A larger young generation: a minute's objects die young, and the default semi-space promotes many of them
      // to the old generation before they do (measured: the baselines' GC time falls by about half).
      // worker.ts under tsx, worker.js beside the compiled bench (bench/build.mjs).
      const c = fork(join(__dirname, __filename.endsWith('.ts') ? 'worker.ts' : 'worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, '--max-semi-space-size=32'] });
      c.on('message', (r: JobResult) => {
        results.set(r.id, r);
        if (progress && results.size % Math.ceil(jobs.length / 20) === 0) process.stderr.write(`bench: ${results.size} of ${jobs.length} runs\n`);
        if (results.size === jobs.length) {
          for (const x of children) x.kill();
          resolve(results);
        } else feed(c);
      });
      c.on('error', reject);
      c.on('exit', (code) => {
        if (code !== 0 && code !== null && results.size < jobs.length) reject(new Error(`bench worker exited with ${code}`));
      });
      children.push(c);
      feed(c);
    }
  });
