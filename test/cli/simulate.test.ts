import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asgMock, cwMock, elbMock, resetAws } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';

const TRACE = 'traces/azure-functions-2019-one-day.csv';
const now = Date.parse('2026-03-04T15:00:00Z');

describe('autoscaler simulate', () => {
  beforeEach(resetAws);

  it('prints per policy point the medians and ranges of cost (reserved and variable), failed and slow requests, and the verdict as JSON, touching no AWS', async () => {
    // Act
    const r = await cli(['--json', 'simulate', '--trace', TRACE, '--seed', '3', '--policies', 'controller,aws-tt-cpu@60,hpa@60'], { now });
    // Assess
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ schemaVersion: 1, kind: 'simulation', report: null });
    expect(out.trace).toMatchObject({ minutes: 1440, name: 'azure-functions-2019-one-day.csv' });
    expect(out.seeds).toEqual([3]);
    expect(out.policies.map((p: { policy: string }) => p.policy)).toEqual(['controller', 'aws-tt-cpu@60', 'hpa@60']);
    const stat = { median: expect.any(Number), min: expect.any(Number), max: expect.any(Number) };
    expect(out.policies[1]).toEqual(expect.objectContaining({
      policy: 'aws-tt-cpu@60', family: 'aws-tt-cpu', setting: '60', kind: 'baseline', costUsd: stat, reservedCostUsd: stat, variableCostUsd: stat,
      requestsTotal: stat, requestsFailed: stat, requestsSlow: stat, sloViolationMinutes: stat, scalingActions: stat, peakInstances: stat, meanUtilisation: stat,
    }));
    // Two reserved instances for 24 h at $0.026/h, paid by every policy.
    expect(out.policies[1].reservedCostUsd.median).toBeCloseTo(1.248, 3);
    expect(['dominates', 'on', 'dominated']).toContain(out.verdict);
    expect(out.views.map((v: { schedule: string }) => v.schedule)).toEqual(['windows', 'on-demand']);
    expect(out.views[0].frontier.points.map((p: { policy: string }) => p.policy)).toEqual(['aws-tt-cpu@60', 'hpa@60']);
    expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
  });

  it('runs --seeds N seeds from --seed and reports the range over them', async () => {
    const r = await cli(['--json', 'simulate', '--trace', TRACE, '--seed', '2', '--seeds', '2', '--policies', 'aws-tt-cpu@60'], { now });
    const out = JSON.parse(r.out);
    expect(out.seeds).toEqual([2, 3]);
    expect(out.policies[0].costUsd.min).toBeLessThanOrEqual(out.policies[0].costUsd.max);
    expect(out.verdict).toBeNull();
    const bad = await cli(['simulate', '--trace', TRACE, '--seeds', '0'], { now });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--seeds: "0" must be an integer from 1 to 100');
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
    // The configured group's CPU target (60 % in config/autoscaler.yaml) is drawn on the CPU panel.
    expect(html).toContain('CPU utilization against the target (60 %)');
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
    const strict = JSON.parse((await cli(['--json', 'simulate', '--trace', TRACE, '--policies', 'aws-tt-cpu@60'], { now })).out);
    const loose = JSON.parse((await cli(['--json', 'simulate', '--trace', TRACE, '--policies', 'aws-tt-cpu@60', '--slo-latency', '30', '--slo-errors', '50'], { now })).out);
    expect(loose.slo).toEqual({ latencyP90Seconds: 30, errorPercent: 50 });
    expect(loose.policies[0].sloViolationMinutes.median).toBeLessThan(strict.policies[0].sloViolationMinutes.median);
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
