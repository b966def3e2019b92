// A simulation over the sweep: every point in both capacity views, medians over seeds, and the frontier verdict;
// and only the oracle (and the fixed fleet sized to the trace's peak) can see the future.
import { POINTS } from '../../sim/policies/catalogue';
import { runPolicy } from '../../sim/run';
import { onDemandConfig, simulate } from '../../sim/simulate';
import { load, steps, worldOptions } from '../fixtures/sim-world';
import { shippedConfig } from '../fixtures/shipped';

const config = shippedConfig().groups[0]!;
// 22:00 New York: the night window (spot) opens at 23:00, inside the trace.
const trace = (requests: readonly number[]) => ({ name: 'synthetic', minutes: requests.map((_, i) => Date.parse('2026-03-05T03:00:00Z') + i * 60_000), requests });

describe('simulate over the sweep', () => {
  it('reports every point in both views with medians over the seeds, and the controller\'s verdict', async () => {
    // Act
    const r = await simulate({ trace: trace(steps([60, load(3)], [60, load(8)], [60, load(2)])), config, seeds: [1, 2, 3], policies: ['controller', 'aws-tt-cpu', 'fixed-peak', 'oracle'] });
    // Assess
    expect(r.seeds).toEqual([1, 2, 3]);
    expect(r.views.map((v) => v.schedule)).toEqual(['windows', 'on-demand']);
    expect(r.views[0]!.policies.map((p) => p.policy)).toEqual(['controller', 'aws-tt-cpu@40', 'aws-tt-cpu@50', 'aws-tt-cpu@60', 'aws-tt-cpu@70', 'aws-tt-cpu@80', 'fixed-peak', 'oracle']);
    const tt = r.views[0]!.policies[3]!;
    expect(tt).toMatchObject({ family: 'aws-tt-cpu', setting: '60', seeds: 3 });
    expect(tt.costUsd.min).toBeLessThanOrEqual(tt.costUsd.median);
    expect(tt.costUsd.median).toBeLessThanOrEqual(tt.costUsd.max);
    expect(tt.reservedCostUsd.median + tt.variableCostUsd.median).toBeCloseTo(tt.costUsd.median, 2);
    // The frontier holds the baselines only: the controller and the oracle are not points on it.
    expect(r.frontier?.points.map((p) => p.policy)).toEqual(['aws-tt-cpu@40', 'aws-tt-cpu@50', 'aws-tt-cpu@60', 'aws-tt-cpu@70', 'aws-tt-cpu@80', 'fixed-peak']);
    expect(['dominates', 'on', 'dominated']).toContain(r.frontier?.verdict);
    expect(r.frontier).toEqual(r.views[0]!.frontier);
    // The schedule puts the baselines on spot at night; all on-demand, they run no spot and cost more.
    expect(r.runs.find((x) => x.summary.policy === 'aws-tt-cpu@40')!.summary.instanceHours.spot).toBeGreaterThan(0);
    expect(r.views[1]!.policies[3]!.costUsd.median).toBeGreaterThan(tt.costUsd.median);
  });

  it('gives the same report for the same seeds', async () => {
    const o = { trace: trace(steps([30, load(3)], [30, load(6)])), config, seeds: [4, 5], policies: ['aws-tt-requests@60', 'hpa@60'] };
    const [a, b] = [await simulate(o), await simulate(o)];
    expect(b.views).toEqual(a.views);
  });

  it('reports progress once per run: points x views x seeds, ending at the total', async () => {
    // Prepare
    const calls: [number, number, string][] = [];
    // Act
    await simulate({ trace: trace(steps([20, load(3)])), config, seeds: [1, 2], policies: ['aws-tt-cpu@60', 'hpa@60'], onProgress: (d, t, w) => calls.push([d, t, w]) });
    // Assess: 2 points x 2 views x 2 seeds = 8 runs, counted 1..8.
    expect(calls.map((c) => c[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(calls.map((c) => c[1]))).toEqual(new Set([8]));
    expect(calls[0]![2]).toBe('aws-tt-cpu@60 (windows, seed 1)');
  });

  it('runs the controller all on-demand in the on-demand view: no window picks spot', () => {
    const c = onDemandConfig(config);
    expect(c.capacityMode.default).toBe('reserved');
    expect(c.windows.some((w) => w.mode !== undefined)).toBe(false);
    expect(c.windows.map((w) => w.name)).toEqual(config.windows.map((w) => w.name));
  });
});

describe('only the oracle sees the future', () => {
  const T = 60;
  const before = steps([30, load(3)], [30, load(5)], [60, load(4)]);
  const after = [...before.slice(0, T), ...steps([60, load(9)])];
  // A datapoint of minute T is visible at the end of minute T + 2 (one minute period, two minutes' delay).
  const blind = T + 2;

  it.each(POINTS.filter((p) => p.kind !== 'oracle' && p.name !== 'fixed-peak').map((p) => [p.name, p] as const))(
    '%s decides nothing before T + delay differently when the trace after T changes', async (_name, point) => {
      const [a, b] = [await runPolicy(point.factory, worldOptions(before)), await runPolicy(point.factory, worldOptions(after))];
      expect(b.minutes.slice(0, blind).map((m) => m.desired)).toEqual(a.minutes.slice(0, blind).map((m) => m.desired));
      // And the change is not lost on it: it answers the new load once it can see it.
      expect(b.minutes.map((m) => m.desired)).not.toEqual(a.minutes.map((m) => m.desired));
    });

  it('while the oracle does: it launches for the change before it happens', async () => {
    const point = POINTS.find((p) => p.kind === 'oracle')!;
    const [a, b] = [await runPolicy(point.factory, worldOptions(before)), await runPolicy(point.factory, worldOptions(after))];
    expect(b.minutes.slice(0, T).map((m) => m.desired)).not.toEqual(a.minutes.slice(0, T).map((m) => m.desired));
  });
});
