import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asgMock, cwMock, elbMock, resetAws } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';

const TRACE = 'traces/azure-functions-2019-one-day.csv';
const now = Date.parse('2026-03-04T15:00:00Z');

describe('autoscaler simulate', () => {
  beforeEach(resetAws);

  it('prints per policy its cost, SLO minutes, actions and instance-hours by market as JSON, touching no AWS', async () => {
    const r = await cli(['--json', 'simulate', '--trace', TRACE, '--policies', 'controller,aws-target-tracking'], { now });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.trace).toMatchObject({ minutes: 1440, name: 'azure-functions-2019-one-day.csv' });
    expect(out.policies.map((p: { policy: string }) => p.policy)).toEqual(['controller', 'aws-target-tracking']);
    expect(out.policies[0]).toEqual(expect.objectContaining({
      costUsd: expect.any(Number), sloViolationMinutes: expect.any(Number), scalingActions: expect.any(Number),
      instanceHours: { onDemand: expect.any(Number), spot: expect.any(Number), reservedPaid: 48 },
    }));
    expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
  });

  it('writes a self-contained HTML report and says where', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'r.html');
    const r = await cli(['simulate', '--trace', TRACE, '--policies', 'controller,oracle', '--report', file], { now });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`HTML report: ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    // Charts are drawn by the inlined uPlot from inlined data: nothing is fetched (test/report/ opens it in a browser).
    expect(html).toContain('<script id="report-data" type="application/json">');
    expect(html).toContain('var uPlot=');
    expect(html).not.toMatch(/<script[^>]+src=|<link|src="http|href="http/);
  });

  it('rejects a malformed trace with the line and the reason, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    writeFileSync(join(dir, 't.csv'), 'minute,requests\n2019-07-01T00:00Z,abc\n');
    const r = await cli(['simulate', '--trace', join(dir, 't.csv')], { now });
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 2: expected "ISO-minute,requests"');
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('takes the SLO from flags: a looser latency bound counts fewer violation minutes', async () => {
    const strict = JSON.parse((await cli(['--json', 'simulate', '--trace', TRACE, '--policies', 'aws-target-tracking'], { now })).out);
    const loose = JSON.parse((await cli(['--json', 'simulate', '--trace', TRACE, '--policies', 'aws-target-tracking', '--slo-latency', '30', '--slo-errors', '50'], { now })).out);
    expect(loose.slo).toEqual({ latencyP90Seconds: 30, errorPercent: 50 });
    expect(loose.policies[0].sloViolationMinutes).toBeLessThan(strict.policies[0].sloViolationMinutes);
    const bad = await cli(['simulate', '--trace', TRACE, '--slo-latency', '-1'], { now });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--slo-latency: "-1" must be a positive number');
  });

  it('rejects an unknown policy name', async () => {
    const r = await cli(['simulate', '--trace', TRACE, '--policies', 'magic'], { now });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--policies: unknown magic');
  });
});
