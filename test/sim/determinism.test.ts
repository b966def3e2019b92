// The world is seeded: one seed, one world; and nothing but the oracle (and the hindsight-sized fixed fleet)
// acts on load it has not seen through CloudWatch.
import { DEFAULT_PARAMS } from '../../sim/params';
import { runPolicy } from '../../sim/run';
import { POINTS } from '../../sim/policies/catalogue';
import type { PolicyFactory } from '../../sim/policies/policy';
import type { WorldOptions } from '../../sim/world';
import { load, steps, worldOptions } from '../fixtures/sim-world';

const trace = steps([30, load(3)], [30, load(6)], [30, load(4, 0.5)]);
const T = 45;
/** Sized from the whole trace by definition: the oracle (future load) and fixed capacity (the trace's peak). */
/** The headline point of each family (the sweep's other settings run the same code). */
const POLICIES: Readonly<Record<string, PolicyFactory>> = Object.fromEntries(POINTS.filter((p) => p.headline).map((p) => [p.name, p.factory]));
const CLAIRVOYANT = new Set(['oracle', 'fixed-peak']);

describe('a seeded world', () => {
  it.each(Object.keys(POLICIES))('gives %s identical runs for one seed', async (name) => {
    const a = await runPolicy(POLICIES[name]!, worldOptions(trace, { seed: 3 }));
    const b = await runPolicy(POLICIES[name]!, worldOptions(trace, { seed: 3 }));
    expect(b.minutes).toEqual(a.minutes);
    expect(b.summary).toEqual(a.summary);
  });

  it.each(Object.keys(POLICIES))('gives %s the same summary and marks when the run keeps no minutes', async (name) => {
    // Prepare
    const options = worldOptions(trace, { seed: 3 });
    // Act
    const full = await runPolicy(POLICIES[name]!, options);
    const lean = await runPolicy(POLICIES[name]!, options, { minutes: false });
    // Assess
    expect(full.minutes).toHaveLength(options.trace.minutes.length);
    expect(lean.minutes).toEqual([]);
    expect(lean.summary).toEqual(full.summary);
    expect(lean.marks).toEqual(full.marks);
    expect(lean.reasonCounts).toEqual(full.reasonCounts);
  });

  it('gives different runs for different seeds (arrivals, request mix, boots, checks)', async () => {
    const runs = await Promise.all([1, 2, 3].map((seed) => runPolicy(POLICIES['aws-tt-cpu@60']!, worldOptions(trace, { seed }))));
    const totals = new Set(runs.map((r) => r.summary.requestsTotal));
    expect(totals.size).toBe(3);
    const cpus = new Set(runs.map((r) => r.minutes[10]!.cpu));
    expect(cpus.size).toBe(3);
  });

  it('shows every policy the same realised arrivals for a seed, whatever it does with capacity', async () => {
    const fresh = await Promise.all(Object.values(POLICIES).map(async (f) => (await runPolicy(f, worldOptions(trace, { seed: 5 }))).minutes.map((m) => m.fresh)));
    for (const f of fresh) expect(f).toEqual(fresh[0]);
  });
});

describe('only the oracle sees the future', () => {
  // Minute T's datapoint is visible at the end of minute T + 2 (one minute, then the 120 s delay): a policy that
  // reads only CloudWatch cannot act on a change at T before its decision at the end of minute T + 2.
  const lag = 1 + DEFAULT_PARAMS.metricDelaySeconds / 60;
  const changed = trace.map((r, m) => (m >= T ? r * 3 : r));
  const options = (requests: readonly number[]): WorldOptions => worldOptions(requests, { seed: 2 });

  it.each(Object.keys(POLICIES).filter((n) => !CLAIRVOYANT.has(n)))('%s does nothing differently before T + the CloudWatch delay', async (name) => {
    // Act
    const a = await runPolicy(POLICIES[name]!, options(trace));
    const b = await runPolicy(POLICIES[name]!, options(changed));
    // Assess: the same world up to T, the same decisions up to the end of minute T + lag - 1.
    expect(b.minutes.slice(0, T)).toEqual(a.minutes.slice(0, T));
    expect(b.minutes.slice(0, T + lag).map((m) => m.desired)).toEqual(a.minutes.slice(0, T + lag).map((m) => m.desired));
    const seen = a.minutes[T + lag]!.t; // the end of minute T + 2: the first decision that can see minute T
    expect(b.marks.filter((m) => m.t < seen)).toEqual(a.marks.filter((m) => m.t < seen));
    // ...and the change is real: the world after T differs.
    expect(b.minutes[T]!.requests).not.toBe(a.minutes[T]!.requests);
  });

  it('the oracle does act before T on a change after T (the test can tell)', async () => {
    const a = await runPolicy(POLICIES.oracle!, options(trace));
    const b = await runPolicy(POLICIES.oracle!, options(changed));
    expect(b.minutes.slice(0, T).map((m) => m.desired)).not.toEqual(a.minutes.slice(0, T).map((m) => m.desired));
  });
});
