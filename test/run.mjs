// `npm test`: type-check and lint side by side (each is single-threaded, and this machine has two cores), then jest
// on both cores with the arguments npm passes (`npm test -- --json ...`). Any failure fails the run, as `a && b && c` did.
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs a tool with its output buffered, so the two checks' reports do not interleave. */
const buffered = (name, args) => new Promise((resolve) => {
  const child = spawn(bin(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  child.on('error', (err) => resolve({ name, code: 1, output: `${name}: ${err.message}\n` }));
  child.on('close', (code) => resolve({ name, code: code ?? 1, output: Buffer.concat(out).toString() }));
});

// Caches live in node_modules/.cache: a clean clone starts cold, a second run re-checks only what changed.
const checks = await Promise.all([
  buffered('tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/tsbuildinfo']),
  buffered('eslint', ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']),
]);
for (const c of checks) process.stdout.write(c.output);
const failed = checks.filter((c) => c.code !== 0);
if (failed.length > 0) {
  console.error(`npm test: ${failed.map((c) => c.name).join(' and ')} failed; jest was not run`);
  process.exit(1);
}
const jest = spawn(bin('jest'), process.argv.slice(2), { stdio: 'inherit' });
jest.on('close', (code) => process.exit(code ?? 1));
