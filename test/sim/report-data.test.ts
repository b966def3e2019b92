import { decisionsTable } from '../../sim/report/decisions';
import { frontierData, type FrontierResult } from '../../sim/report/frontier';
import { colorOf, panelData } from '../../sim/report/panels';
import type { RunResult } from '../../sim/run';
import type { SimulationReport } from '../../sim/simulate';
import type { Minute } from '../../sim/world';

const T0 = Date.parse('2026-03-04T18:00:00Z');
const minute = (k: number, o: Partial<Minute> = {}): Minute => ({
  t: T0 + k * 60_000, requests: 1000 + k, errors: 0, errorPercent: 0, latencyP90: 0.3, cpu: 50, cpuSamples: 3, memory: 60, healthyTargets: 3, unhealthyTargets: 0,
  serving: 3, desired: 3, onDemand: 2, spot: 1, cost: 0.01, violation: false,
  reservedCost: 0.005, variableCost: 0.005, creditCost: 0, warmPoolCost: 0, warmPool: 0, fresh: 1000 + k, failed: 0, slow: 0, served: 1000 + k, slowServed: 0, timedOut: 0,
  utilisation: 0.5, requestCountPerTarget: (1000 + k) / 3, ...o,
});
const run = (policy: string, minutes: Minute[], marks: RunResult['marks'] = []): RunResult => ({
  summary: { policy, describe: policy, costUsd: 0, sloViolationMinutes: 0, scalingActions: marks.length, replacements: 0,
    instanceHours: { onDemand: 0, spot: 0, reservedPaid: (2 * minutes.length) / 60 }, longestUnderCapacityMinutes: 0, peakInstances: 3, minutes: minutes.length,
    reservedCostUsd: 0, variableCostUsd: 0, creditCostUsd: 0, warmPoolCostUsd: 0, requestsTotal: 0, requestsFailed: 0, requestsSlow: 0, meanUtilisation: 0 },
  minutes, marks, reasonCounts: {},
});
const report = (runs: RunResult[]): SimulationReport => ({
  trace: { name: 't', minutes: runs[0]!.minutes.length, from: '', to: '', scaleFactor: 1, peakRequestsPerMinute: 1 }, seed: 1, group: 'web',
  slo: { latencyP90Seconds: 1, errorPercent: 1 }, prices: { onDemand: 0.0416, spot: 0.0135, reserved: 0.026 }, runs, seeds: [1], views: [],
});

describe('report panels', () => {
  it('draws the controller last (on top) and only the policies that ran', () => {
    // Prepare
    const r = report([run('controller', [minute(0)]), run('hpa', [minute(0)])]);
    // Act
    const d = panelData(r);
    // Assess
    const latency = d.panels.find((p) => p.id === 'latency')!;
    expect(latency.series.map((s) => s.label)).toEqual(['SLO 1 s', 'hpa', 'controller']);
    expect(latency.series.at(-1)!.width).toBeGreaterThan(latency.series[1]!.width);
  });

  it('shows reserved capacity as the paid reserved hours over the run hours: 2 instances', () => {
    const d = panelData(report([run('controller', [minute(0), minute(1), minute(2)])]), { cpuTargetPercent: 60 });
    const capacity = d.panels.find((p) => p.id === 'capacity')!;
    expect(capacity.integer).toBe(true);
    expect(capacity.series[0]).toMatchObject({ label: 'reserved (2 paid)', values: [2, 2, 2] });
    expect(d.panels.find((p) => p.id === 'cpu')!.series[0]).toMatchObject({ label: 'target 60 %', values: [60, 60, 60] });
  });

  it('merges consecutive SLO-violation minutes into one shaded interval, in seconds', () => {
    const minutes = [minute(0), minute(1, { violation: true }), minute(2, { violation: true }), minute(3), minute(4, { violation: true })];
    const d = panelData(report([run('controller', minutes)]));
    const s = T0 / 1000;
    expect(d.violations.controller).toEqual([[s + 60, s + 180], [s + 240, s + 300]]);
  });

  it('keeps the worst minute of each bucket and the last cumulative cost, for 3,000 minutes in 1,500 points', () => {
    const minutes = Array.from({ length: 3000 }, (_, k) => minute(k, { latencyP90: k === 1001 ? 9 : 0.3 }));
    const d = panelData(report([run('controller', minutes)]));
    expect(d.bucketMinutes).toBe(2);
    expect(d.x).toHaveLength(1500);
    const latency = d.panels.find((p) => p.id === 'latency')!.series.at(-1)!.values;
    expect(latency[500]).toBe(9);
    expect(d.panels.find((p) => p.id === 'cost')!.series[0]!.values.at(-1)).toBe(30);
  });
});

describe('report decisions table', () => {
  it('gives each capacity change a row: time, action, reason codes and the numbers of the minute it acted on', () => {
    const minutes = [minute(0), minute(1, { requests: 4317, cpu: 91.2, latencyP90: 2.31, errorPercent: 0.4, serving: 3 })];
    const html = decisionsTable(run('controller', minutes, [{ t: T0 + 120_000, from: 3, to: 5, codes: ['SCALE_OUT_CPU', 'SCALE_OUT_LATENCY'] }]));
    expect(html).toContain('<td><a href="#decisions" class="at">2026-03-04 18:02</a></td><td>scale 3 → 5</td><td class="codes">SCALE_OUT_CPU SCALE_OUT_LATENCY</td><td>4,317</td><td>91</td><td>2.31</td><td>0.4</td><td>3</td>');
  });

  it('says so when the controller did not run or changed nothing', () => {
    expect(decisionsTable(undefined)).toContain('did not run');
    expect(decisionsTable(run('controller', [minute(0)]))).toContain('changed no capacity');
  });
});

describe('report frontier', () => {
  it('sorts the points by cost, one series per baseline, the controller apart, the frontier through its points', () => {
    // Prepare
    const f: FrontierResult = { verdict: 'on', by: 'x', controller: { costUsd: 2, requestsFailed: 50 }, points: [
      { policy: 'hpa', setting: 'target 50 %', costUsd: 3, requestsFailed: 10, onFrontier: true },
      { policy: 'aws-target-tracking', setting: 'target 70 %', costUsd: 1, requestsFailed: 500, onFrontier: true },
      { policy: 'hpa', setting: 'target 70 %', costUsd: 2.5, requestsFailed: 400, onFrontier: false },
    ] };
    // Act
    const d = frontierData(f, colorOf);
    // Assess
    expect(d.x).toEqual([1, 2, 2.5, 3]);
    expect(d.settings).toEqual(['aws-target-tracking target 70 %', 'controller as configured', 'hpa target 70 %', 'hpa target 50 %']);
    expect(d.series.map((s) => [s.label, s.values])).toEqual([
      ['frontier', [500, null, null, 10]],
      ['hpa', [null, null, 400, 10]],
      ['aws-target-tracking', [500, null, null, null]],
      ['controller', [null, 50, null, null]],
    ]);
    expect(d.verdict).toMatch(/^The controller is on the frontier/);
  });
});
