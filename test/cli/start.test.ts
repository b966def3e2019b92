// `npm start` on a fresh machine: one simulated day of a shipped trace, the summary, and where the report is.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('npm start', () => {
  it('simulates one day of the semi-final trace against the baselines and writes the HTML report', () => {
    rmSync(join(ROOT, 'reports/simulation.html'), { force: true });
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'cli/start.ts'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('worldcup98-1998-07-06-semifinal-flash-crowd.csv (1998-07-07): 1440 minutes');
    for (const p of ['controller', 'aws-tt-cpu@60', 'aws-tt-requests@60', 'aws-predictive-tt@60', 'hpa@60', 'aws-step-scaling', 'fixed-peak', 'oracle']) expect(r.stdout).toMatch(new RegExp(`^${p}\\s+\\$`, 'm'));
    expect(r.stdout).toContain(`HTML report: ${join(ROOT, 'reports/simulation.html')}`);
    expect(existsSync(join(ROOT, 'reports/simulation.html'))).toBe(true);
  });
});
