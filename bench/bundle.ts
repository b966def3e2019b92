// `npm run bench:bundle`: packages the service as deployed and prints each function's zip size and the median
// cold require() of its bundle (fresh node process each time, with the NODE_OPTIONS the template sets).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('runs') ?? 10);

interface FnTemplate { Handler: string; Environment?: { Variables?: Record<string, unknown> } }

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The README's dev command, offline: no credentials, so nothing can reach AWS. */
const packageService = (dir: string): void => {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '' };
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'dev', '--package', dir, ...process.argv.slice(2).filter((a) => a.startsWith('--param='))],
    { cwd: ROOT, env, stdio: 'pipe', timeout: 300_000 });
};

// The probe runs in a fresh process: a cold container's require of the handler module (wall and CPU time: CPU time
// is what a busy machine distorts least), then the handler on a malformed event, and the first stack trace of the
// error it throws from inside the bundle (where --enable-source-maps, if set, pays for parsing a map).
const PROBE = `
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
  process.stdout.write(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, requireCpuMs: (c1.user + c1.system) / 1000, firstStackMs: Number(t3 - t2) / 1e6, frame: stack.split('\\n').find((l) => l.trim().startsWith('at ')) || '' }));
});
`;

type Probe = { requireMs: number; requireCpuMs: number; firstStackMs: number; frame: string };

const measure = (unzipped: string, fn: FnTemplate): Probe => {
  const file = join(unzipped, `${fn.Handler.slice(0, fn.Handler.lastIndexOf('.'))}.js`);
  const vars = fn.Environment?.Variables ?? {};
  const env = {
    ...process.env, NODE_OPTIONS: String(vars.NODE_OPTIONS ?? ''), AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'probe', AWS_SECRET_ACCESS_KEY: 'probe',
    AUTOSCALER_CONFIG: 'config/autoscaler.yaml', POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true',
  };
  // Each run in its own process, so every require is cold.
  const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['-e', PROBE, file], { cwd: unzipped, env, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as Probe);
  return {
    requireMs: median(runs.map((r) => r.requireMs)), requireCpuMs: median(runs.map((r) => r.requireCpuMs)),
    firstStackMs: median(runs.map((r) => r.firstStackMs)), frame: runs[0]!.frame.trim(),
  };
};

const main = (): void => {
  const dir = arg('dir') ?? mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  if (!arg('dir')) packageService(dir);
  const template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as { Resources: Record<string, { Type: string; Properties: FnTemplate & { Code?: { S3Key?: string } } }> };
  const fns = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function').map((r) => r.Properties);
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
  const rows: string[] = [];
  const all: number[] = [];
  const cpu: number[] = [];
  for (const zip of zips) {
    const fn = fns.find((f) => JSON.stringify(f.Code ?? {}).includes(zip));
    if (!fn) continue;
    const unzipped = mkdtempSync(join(tmpdir(), 'bench-unzip-'));
    execFileSync('unzip', ['-q', join(dir, zip), '-d', unzipped]);
    const files = execFileSync('find', [unzipped, '-type', 'f']).toString().trim().split('\n');
    const biggest = files.map((f) => ({ f: f.slice(unzipped.length + 1), kb: statSync(f).size / 1024 })).sort((a, b) => b.kb - a.kb).slice(0, 3);
    const p = measure(unzipped, fn);
    all.push(p.requireMs);
    cpu.push(p.requireCpuMs);
    rows.push(`${zip.padEnd(22)} zip ${(statSync(join(dir, zip)).size / 1024).toFixed(0).padStart(5)} KB  require ${p.requireMs.toFixed(1).padStart(6)} ms (cpu ${p.requireCpuMs.toFixed(1).padStart(6)} ms)  ` +
      `first stack ${p.firstStackMs.toFixed(1).padStart(5)} ms  [${biggest.map((b) => `${b.f} ${b.kb.toFixed(0)} KB`).join(', ')}]\n${''.padEnd(22)} first frame: ${p.frame}`);
  }
  console.log(rows.join('\n'));
  console.log(`node ${process.version}, median of ${RUNS} cold requires per function, NODE_OPTIONS as the template sets them, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; package in ${dir}`);
  const sizes = zips.map((z) => statSync(join(dir, z)).size / 1024);
  console.log(`bundle: zips ${Math.min(...sizes).toFixed(0)}-${Math.max(...sizes).toFixed(0)} KB, require() median ${Math.min(...all).toFixed(1)}-${Math.max(...all).toFixed(1)} ms wall, ${Math.min(...cpu).toFixed(1)}-${Math.max(...cpu).toFixed(1)} ms cpu`);
};

main();
