// The installed command, as an operator runs it after npm ci: a real process, no AWS credentials.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/autoscaler.mjs'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' },
  });

describe('bin/autoscaler.mjs', () => {
  it('decides on a shipped example snapshot with no AWS credentials and prints JSON with reason codes', () => {
    const r = run(['decide', '--snapshot', 'examples/snapshots/evening-rush.json', '--json']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.reasons.map((x: { code: string }) => x.code)).toContain('SCALE_OUT_CPU');
  });

  it('exits 2 with a one-line error and no stack trace on a missing file', () => {
    const r = run(['decide', '--snapshot', 'examples/snapshots/nope.json']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: examples\/snapshots\/nope\.json: ENOENT: no such file or directory/);
    expect(r.stderr).not.toContain('malformed event or payload');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
