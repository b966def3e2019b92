// `npm test`: type-check, lint and jest (on both cores, with the arguments npm passes: `npm test -- --json ...`), all
// three at once: jest alone leaves a core idle while a package run or the browser waits, and the checks fill it.
// Any failure fails the run, as `a && b && c` did; the checks' reports print after jest's, so they do not interleave.
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs a tool with its output buffered, to print whole once jest is done. */
const buffered = (name, args) => new Promise((resolve) => {
  const child = spawn(bin(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  child.on('error', (err) => resolve({ name, code: 1, output: `${name}: ${err.message}\n` }));
  child.on('close', (code) => resolve({ name, code: code ?? 1, output: Buffer.concat(out).toString() }));
});

const jest = new Promise((resolve) => {
  const child = spawn(bin('jest'), process.argv.slice(2), { stdio: 'inherit' });
  child.on('error', (err) => { console.error(`jest: ${err.message}`); resolve(1); });
  child.on('close', (code) => resolve(code ?? 1));
});
// Caches live in node_modules/.cache: a clean clone starts cold, a second run re-checks only what changed.
const checks = await Promise.all([
  buffered('tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/tsbuildinfo']),
  buffered('eslint', ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']),
]);
const jestCode = await jest;
for (const c of checks) process.stdout.write(c.output);
const failed = checks.filter((c) => c.code !== 0);
if (failed.length > 0) {
  console.error(`npm test: ${failed.map((c) => c.name).join(' and ')} failed`);
  process.exit(1);
}
process.exit(jestCode);
