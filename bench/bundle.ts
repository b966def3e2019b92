// `npm run bench:bundle`: packages the service as deployed and, for every function in the template, prints its zip size
// and the median cold require() of its bundle (a fresh node process each time, with the environment the template sets),
// then the same with `--enable-source-maps` and the map put beside the bundle, to show a stack maps back to the TypeScript.
// `--before DIR` measures an earlier package (`serverless package --package DIR` at that commit) in the same run,
// interleaved run by run, so both see the same load from whatever else the machine is doing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const ROOT = join(__dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('runs') ?? 10);
const ZIP_BUDGET_KB = 300;
const REQUIRE_BUDGET_MS = 80;

interface FnTemplate { Handler: string; Environment?: { Variables?: Record<string, unknown> }; Code?: { S3Key?: unknown } }
interface Fn { readonly name: string; readonly zip: string; readonly zipKb: number; readonly bundle: string; readonly env: NodeJS.ProcessEnv; readonly top: string }
type Probe = { requireMs: number; requireCpuMs: number; firstStackMs: number; frame: string };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const range = (xs: readonly number[], digits: number): string => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;

/** The README's dev command, offline: no credentials, so nothing can reach AWS. */
const packageService = (dir: string): void => {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '' };
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'dev', '--package', dir, ...process.argv.slice(2).filter((a) => a.startsWith('--param='))],
    { cwd: ROOT, env, stdio: 'pipe', timeout: 300_000 });
};

/**
 * The built-in modules Lambda's Node.js runtime has loaded before it requires the handler: its bootstrap
 * (aws/aws-lambda-nodejs-runtime-interface-client, src/index.mjs) requires RAPIDClient.js (`http`, and `net` through
 * ResponseStream.js), Errors.js and LogPatch.js (`util`, `fs`), UserFunction.js (`path`, `fs`, `module`) and, through
 * Runtime.js, InvokeContext.js (`assert`), then constructs the RAPID client and only then loads the handler. A bare
 * `node -e require(...)` pays for those too, so the bench also measures the require after them: what the function's
 * own code costs in the init phase.
 */
const RUNTIME_PRELOAD = ['http', 'net', 'util', 'fs', 'path', 'module', 'assert'] as const;

// The probe runs in a fresh process: a cold container's require of the handler module (wall and CPU time: CPU time
// is what a busy machine distorts least), then the handler on a malformed event, and the first stack trace of the
// error it throws from inside the bundle (where --enable-source-maps, if set, pays for parsing a map). With
// PROBE_PRELOAD set, the listed built-ins are required first, untimed, as the Lambda runtime does.
const PROBE = `
for (const m of (process.env.PROBE_PRELOAD || '').split(',').filter(Boolean)) require(m);
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const mod = require(process.argv[1]);
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage(c0);
const context = { functionName: 'probe', awsRequestId: 'probe', invokedFunctionArn: 'arn:aws:lambda:us-east-1:0:function:probe', memoryLimitInMB: '256', getRemainingTimeInMillis: () => 60000 };
Promise.resolve().then(() => mod.handler({ malformed: true }, context)).then(() => 'no error', (e) => e).then((e) => {
  const t2 = process.hrtime.bigint();
  const stack = String(e && e.stack);
  const t3 = process.hrtime.bigint();
  process.stdout.write('\\n' + JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, requireCpuMs: (c1.user + c1.system) / 1000, firstStackMs: Number(t3 - t2) / 1e6, frame: stack.split('\\n').find((l) => l.trim().startsWith('at ')) || '' }));
});
`;

/** Every Lambda function of a package's template (so a function added to serverless.yml is measured too), unzipped. */
const functionsOf = (dir: string): Fn[] => {
  const template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as { Resources: Record<string, { Type: string; Properties: FnTemplate }> };
  return Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function').map(([id, { Properties: p }]) => {
    const zip = basename(String(p.Code?.S3Key ?? ''));
    if (!zip.endsWith('.zip') || !existsSync(join(dir, zip))) throw new Error(`${id}: no zip ${zip || '(no S3Key)'} in ${dir}`);
    const unzipped = mkdtempSync(join(tmpdir(), 'bench-unzip-'));
    execFileSync('unzip', ['-q', join(dir, zip), '-d', unzipped]);
    const files = execFileSync('find', [unzipped, '-type', 'f']).toString().trim().split('\n');
    const top = files.map((f) => ({ f: f.slice(unzipped.length + 1), kb: statSync(f).size / 1024 })).sort((a, b) => b.kb - a.kb).slice(0, 3);
    const vars = Object.fromEntries(Object.entries(p.Environment?.Variables ?? {}).map(([k, v]) => [k, String(v)]));
    return {
      name: zip.slice(0, -'.zip'.length), zip: join(dir, zip), zipKb: statSync(join(dir, zip)).size / 1024,
      bundle: join(unzipped, `${p.Handler.slice(0, p.Handler.lastIndexOf('.'))}.js`), top: top.map((b) => `${b.f} ${b.kb.toFixed(0)} KB`).join(', '),
      // The function's own environment (AUTOSCALER_CONFIG names the config in its zip), as Lambda would set it.
      env: { ...process.env, ...vars, NODE_OPTIONS: vars.NODE_OPTIONS ?? '', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'probe', AWS_SECRET_ACCESS_KEY: 'probe',
        POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_LOGGER_SAMPLE_RATE: '0', POWERTOOLS_METRICS_DISABLED: 'true' },
    };
  }).sort((a, b) => a.name.localeCompare(b.name));
};

const probe = (fn: Fn, nodeOptions?: string, preload = false): Probe => {
  const base = nodeOptions === undefined ? fn.env : { ...fn.env, NODE_OPTIONS: nodeOptions };
  const env = preload ? { ...base, PROBE_PRELOAD: RUNTIME_PRELOAD.join(',') } : base;
  const out = execFileSync(process.execPath, ['-e', PROBE, fn.bundle], { cwd: join(fn.bundle, '..', '..'), env, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.toString().trim().split('\n').pop()!) as Probe;
};
const summary = (runs: readonly Probe[]): Probe => ({
  requireMs: median(runs.map((r) => r.requireMs)), requireCpuMs: median(runs.map((r) => r.requireCpuMs)),
  firstStackMs: median(runs.map((r) => r.firstStackMs)), frame: runs[0]!.frame.trim(),
});
const line = (label: string, p: Probe): string =>
  `${label.padEnd(24)} require ${p.requireMs.toFixed(1).padStart(6)} ms (cpu ${p.requireCpuMs.toFixed(1).padStart(6)} ms)  first stack ${p.firstStackMs.toFixed(1).padStart(5)} ms  first frame: ${p.frame}`;

const main = (): void => {
  const dir = arg('dir') ?? mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  if (!arg('dir')) packageService(dir);
  const fns = functionsOf(dir);
  const before = arg('before') ? new Map(functionsOf(arg('before')!).map((f) => [f.name, f])) : undefined;
  const now: Probe[] = [];
  const inRuntime: Probe[] = [];
  const was: Probe[] = [];
  const mapped: boolean[] = [];
  for (const fn of fns) {
    const old = before?.get(fn.name);
    // Each run in its own process, so every require is cold; the earlier package's run right beside this one's.
    const runs: Probe[] = [];
    const preloaded: Probe[] = [];
    const oldRuns: Probe[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(probe(fn));
      preloaded.push(probe(fn, undefined, true));
      if (old) oldRuns.push(probe(old));
    }
    const p = summary(runs);
    now.push(p);
    inRuntime.push(summary(preloaded));
    console.log(`${fn.name.padEnd(24)} zip ${fn.zipKb.toFixed(0).padStart(5)} KB  [${fn.top}]`);
    console.log(line('', p));
    console.log(line('  after the runtime\'s own', inRuntime.at(-1)!));
    if (old) {
      was.push(summary(oldRuns));
      console.log(`${''.padEnd(24)} before: zip ${old.zipKb.toFixed(0).padStart(5)} KB  [${old.top}]`);
      console.log(line('  before', was.at(-1)!));
    }
    // The map kept beside the zips (deploy/keep-source-maps.cjs), put beside the bundle as an operator would.
    const map = join(dir, 'sourcemaps', `${basename(fn.bundle)}.map`);
    if (!existsSync(map)) {
      console.log(`${''.padEnd(24)} no source map at ${map}`);
      mapped.push(false);
      continue;
    }
    copyFileSync(map, `${fn.bundle}.map`);
    const m = summary(Array.from({ length: RUNS }, () => probe(fn, '--enable-source-maps')));
    mapped.push(/\.ts:\d+:\d+\)?$/.test(m.frame));
    console.log(line('  map beside, --enable-source-maps', m));
  }
  const sizes = fns.map((f) => f.zipKb);
  const wall = now.map((p) => p.requireMs);
  console.log(`node ${process.version}, median of ${RUNS} cold requires per function, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; package in ${dir}`);
  if (before) {
    console.log(`before (${arg('before')}): zips ${range([...before.values()].map((f) => f.zipKb), 0)} KB, require() median ${range(was.map((p) => p.requireMs), 1)} ms wall, ` +
      `${range(was.map((p) => p.requireCpuMs), 1)} ms cpu; after/before wall ${range(now.map((p, i) => p.requireMs / was[i]!.requireMs), 2)}, ` +
      // CPU time is what a busy machine distorts least (its wall time swings with the load).
      `cpu ${range(now.map((p, i) => p.requireCpuMs / was[i]!.requireCpuMs), 2)}`);
  }
  const wallInRuntime = inRuntime.map((p) => p.requireMs);
  const verdict = (ms: readonly number[]): string => (Math.max(...ms) <= REQUIRE_BUDGET_MS ? 'met' : 'MISSED');
  console.log(`budget: zip <= ${ZIP_BUDGET_KB} KB ${Math.max(...sizes) <= ZIP_BUDGET_KB ? 'met' : 'MISSED'}, require() <= ${REQUIRE_BUDGET_MS} ms ${verdict(wall)} in a bare node, ` +
    `${verdict(wallInRuntime)} after the runtime's own requires (this run, this load)`);
  console.log(`after the Lambda runtime's own requires (${RUNTIME_PRELOAD.join(', ')}): require() median ${range(wallInRuntime, 1)} ms wall, ${range(inRuntime.map((p) => p.requireCpuMs), 1)} ms cpu`);
  console.log(`bundle: ${fns.length} functions, zips ${range(sizes, 0)} KB, require() median ${range(wall, 1)} ms wall, ${range(now.map((p) => p.requireCpuMs), 1)} ms cpu; ` +
    `stack frames mapped to .ts with --enable-source-maps: ${mapped.filter(Boolean).length} of ${fns.length}`);
};

main();
