// Issue 8's invariants as fast-check properties (1,000 runs each): vetoes on scale-in, monotone error response,
// strict tags, and plans that do not depend on the order of datapoints or instances.
import fc from 'fast-check';
import { decide } from '../../policies/decide';
import { parseCount } from '../../policies/instant';
import type { Plan } from '../../policies/plan';
import { latest } from '../../policies/series';
import type { Series, Snapshot } from '../../policies/snapshot';
import { readOverrides, TAGS } from '../../policies/tags';
import { inputsArb, type Inputs } from '../fixtures/arbitraries';

const RUNS = { numRuns: 1000 };
const MIN = 60_000;
const finalDesired = (plan: Plan): number => plan.desired ?? plan.current.desired;
const has = (plan: Plan, code: string): boolean => plan.reasons.some((r) => r.code === code);
/** Inputs where nothing but the policies moves capacity: no override, and the group inside its effective bounds. */
const policiesDecide = ({ snapshot, now }: Inputs, plan: Plan): boolean =>
  !readOverrides(snapshot.group.tags, now).desired && snapshot.group.desired >= plan.effectiveBounds.min && snapshot.group.desired <= plan.effectiveBounds.max;

/** A deterministic shuffle from a seed (a small LCG), so fast-check can shrink the seed. */
const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const withErrorRate = (s: Snapshot, errorRate: Series): Snapshot => ({ ...s, metrics: { ...s.metrics, errorRate } });

describe('issue 8 invariants (fast-check, 1,000 runs each)', () => {
  it('never scales in while the breaker is open, a target is unhealthy, or the error rate is at or above its scale-in threshold', () => {
    fc.assert(fc.property(inputsArb({ minuteGrid: true }), (inputs) => {
      const { snapshot, config, now } = inputs;
      const plan = decide(snapshot, config, now);
      if (!policiesDecide(inputs, plan)) return true;
      const errors = latest(snapshot.metrics.errorRate, now, config.metricMaxAgeSeconds * 1000, { min: 0, max: 100 });
      const erroring = errors.kind === 'value' && errors.v >= config.policies.errorRate!.scaleInBelowPercent;
      const unhealthy = has(plan, 'BREAKER_OPEN') || has(plan, 'REPLACE_UNHEALTHY') || has(plan, 'REPLACE_LIMITED');
      if (!(erroring || unhealthy)) return true;
      return finalDesired(plan) >= snapshot.group.desired && !has(plan, 'SCALE_IN');
    }), RUNS);
  });

  it('all else equal, a higher error rate never gives a smaller desired capacity', () => {
    fc.assert(fc.property(inputsArb(), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), ({ snapshot, config, now }, a, b) => {
      // Prepare: the same error-rate series shape at two levels
      const [low, high] = a <= b ? [a, b] : [b, a];
      const at = (v: number): Series => Array.from({ length: 10 }, (_, i) => ({ t: now - i * MIN, v }));
      // Act
      const pLow = decide(withErrorRate(snapshot, at(low)), config, now);
      const pHigh = decide(withErrorRate(snapshot, at(high)), config, now);
      // Assess
      return finalDesired(pHigh) >= finalDesired(pLow);
    }), RUNS);
  });

  it('no override-desired value other than a canonical decimal integer changes capacity', () => {
    const spelled = fc.oneof(
      fc.string(),
      fc.integer({ min: 0, max: 20 }).chain((n) => fc.constantFrom(` ${n}`, `${n} `, `+${n}`, `0${n}`, `${n}.0`, `${n}e0`, `0x${n.toString(16)}`, `-${n}`, `${n}\n`, '', '  ')),
    );
    fc.assert(fc.property(inputsArb(), spelled, ({ snapshot, config, now }, value) => {
      if (parseCount(value) !== undefined) return true;
      // Prepare: the same group with and without the odd tag (any other override removed)
      const tags: Record<string, string> = { ...snapshot.group.tags };
      delete tags[TAGS.overrideDesired];
      delete tags[TAGS.overrideUntil];
      const without = { ...snapshot, group: { ...snapshot.group, tags } };
      const withTag = { ...snapshot, group: { ...snapshot.group, tags: { ...tags, [TAGS.overrideDesired]: value, [TAGS.overrideUntil]: new Date(now + 3_600_000).toISOString() } } };
      // Act
      const a = decide(without, config, now);
      const b = decide(withTag, config, now);
      // Assess
      return b.desired === a.desired && b.bounds === undefined === (a.bounds === undefined) && has(b, 'TAG_INVALID') && !has(b, 'OVERRIDE_ACTIVE');
    }), RUNS);
  });

  it('the plan does not depend on the order of datapoints, instances, targets or activities', () => {
    fc.assert(fc.property(inputsArb({ minuteGrid: true, wildValues: true }), fc.integer(), ({ snapshot, config, now }, seed) => {
      // Prepare
      const m = snapshot.metrics;
      const shuffled: Snapshot = {
        ...snapshot,
        group: { ...snapshot.group, instances: shuffle(snapshot.group.instances, seed) },
        metrics: { cpu: shuffle(m.cpu, seed + 1), memory: shuffle(m.memory, seed + 2), latency: shuffle(m.latency, seed + 3), errorRate: shuffle(m.errorRate, seed + 4), requests: m.requests },
        targets: shuffle(snapshot.targets, seed + 5),
        activities: shuffle(snapshot.activities, seed + 6),
      };
      // Act & Assess
      expect(decide(shuffled, config, now)).toEqual(decide(snapshot, config, now));
      expect(decide(shuffled, config, now, 'health')).toEqual(decide(snapshot, config, now, 'health'));
    }), RUNS);
  });

  it('a plan carries SCALE_IN only when it scales in, and a SCALE_OUT_* headline only when it scales out', () => {
    fc.assert(fc.property(inputsArb({ minuteGrid: true, wildValues: true }), ({ snapshot, config, now }) => {
      const plan = decide(snapshot, config, now);
      const d = finalDesired(plan);
      if (has(plan, 'SCALE_IN') && !(d < plan.current.desired)) return false;
      return !plan.reasons.some((r) => r.code.startsWith('SCALE_OUT_')) || d > plan.current.desired;
    }), RUNS);
  });

  it('an out-of-range reading never scales in, and is always said (METRIC_OUT_OF_RANGE)', () => {
    fc.assert(fc.property(inputsArb({ minuteGrid: true, wildValues: true }), (inputs) => {
      const { snapshot, config, now } = inputs;
      const plan = decide(snapshot, config, now);
      const window = Math.max(config.stabilization.scaleInSeconds, config.metricMaxAgeSeconds) * 1000;
      const sane = (k: string, v: number) => Number.isFinite(v) && v >= 0 && (k === 'latency' || v <= 100);
      // The windows count back from a metric's newest datapoint when it is fresh and sane, so they reach further back.
      const reach = (k: 'cpu' | 'memory' | 'latency' | 'errorRate'): number => {
        const ts = snapshot.metrics[k].filter((p) => p.t <= now).map((p) => p.t);
        const newest = ts.length > 0 ? Math.max(...ts) : undefined;
        const fresh = newest !== undefined && now - newest <= config.metricMaxAgeSeconds * 1000
          && snapshot.metrics[k].every((p) => p.t !== newest || sane(k, p.v));
        const anchor = fresh ? newest : now;
        return Math.max(window, now - anchor + Math.max(config.stabilization.scaleInSeconds, config.stabilization.scaleOutSeconds ?? 0) * 1000);
      };
      const wild = (['cpu', 'memory', 'latency', 'errorRate'] as const).some((k) =>
        snapshot.metrics[k].some((p) => p.t <= now && p.t > now - reach(k) && !sane(k, p.v)));
      if (!wild) return !has(plan, 'METRIC_OUT_OF_RANGE');
      if (has(plan, 'PAUSED')) return true;
      return has(plan, 'METRIC_OUT_OF_RANGE') && (!policiesDecide(inputs, plan) || finalDesired(plan) >= snapshot.group.desired);
    }), RUNS);
  });
});
