// Target tracking for CPU and memory: the rule of Kubernetes' HPA, desired = ceil(instances * current / target), the
// instances being the fleet the datapoint measured when its sample count is known (CPU), else those ready now.
// A vote only: the decision-level SCALE_OUT_CPU / SCALE_IN codes come from combine.
import type { TrackingPolicy } from './config';
import type { CpuLoad } from './cpu-load';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';

const CODES = { cpu: 'SCALE_OUT_CPU', memory: 'SCALE_OUT_MEMORY' } as const;

// Floating-point guard: ceil(3 * 80 / 60) must be 4, not 5 because of 4.0000000001.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/**
 * HPA's rule on the fleet the datapoint measured (replica_calculator.go sums the measured pods; unready ones count as
 * 0 on a scale-up): desired = ceil(load / target). On a scale-in, instances desired but not in that fleet count at
 * the target (HPA's missing pods at 100 %), so a fleet still booting is never read as a surplus.
 */
const onLoad = (
  policy: 'cpu' | 'memory', config: TrackingPolicy, value: number, measured: CpuLoad, current: number, tolerance: number, ratio: number, base: Record<string, unknown>,
): Recommendation => {
  const { load, samples } = measured;
  const shown = value.toFixed(1);
  const data = { ...base, load: Math.round(load * 100) / 100, samples };
  if (ratio > 1) {
    const desired = ceilSafe(load / config.target);
    const formula = `ceil(${samples} * ${shown} / ${config.target}) = ${desired}`;
    if (desired > current) return { policy, vote: 'out', desired, value, decisionCode: CODES[policy], reason: reason('VOTE_SCALE_OUT', `${policy}: ${formula} > ${current}`, { ...data, desired }) };
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy}: ${formula} <= ${current}, above target: holding`, { ...data, desired }) };
  }
  const missing = Math.max(0, current - samples);
  const desired = ceilSafe(load / config.target + missing);
  const formula = missing > 0 ? `ceil((${samples} * ${shown} + ${missing} * ${config.target}) / ${config.target}) = ${desired}` : `ceil(${samples} * ${shown} / ${config.target}) = ${desired}`;
  // HPA's second look: with the missing instances at the target, a ratio back inside the tolerance holds.
  const adjusted = (load / config.target + missing) / (samples + missing);
  if (desired < current && Math.abs(adjusted - 1) > tolerance + 1e-9) return { policy, vote: 'in', desired, value, reason: reason('VOTE_SCALE_IN', `${policy}: ${formula} < ${current}`, { ...data, desired }) };
  return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy}: ${formula}, not below ${current} by more than the tolerance`, { ...data, desired }) };
};

export const trackTarget = (
  policy: 'cpu' | 'memory',
  config: TrackingPolicy,
  value: number | undefined,
  ready: number,
  current: number,
  tolerance: number,
  measured?: CpuLoad,
): Recommendation => {
  if (value === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', `${policy}: no recent datapoint`, { policy }) };
  }
  const data = { policy, value, target: config.target, ready, current, tolerance };
  if (ready === 0) {
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_WARMING_UP', `${policy}: no ready instance to measure against`, data) };
  }
  const ratio = value / config.target;
  const shown = value.toFixed(1);
  if (Math.abs(ratio - 1) <= tolerance + 1e-9) {
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy} ${shown} % is within ${tolerance * 100} % of target ${config.target} %`, data) };
  }
  if (measured) return onLoad(policy, config, value, measured, current, tolerance, ratio, data);
  if (ratio > 1) {
    // Above target never means scale in, even when fewer instances are ready than desired (failed launches):
    // the missing ones are on their way or being replaced, and ceil(ready * ratio) < current is no evidence of surplus.
    const desired = ceilSafe(ready * ratio);
    const formula = `ceil(${ready} * ${shown} / ${config.target}) = ${desired}`;
    if (desired > current) return { policy, vote: 'out', desired, value, decisionCode: CODES[policy], reason: reason('VOTE_SCALE_OUT', `${policy}: ${formula} > ${current}`, { ...data, desired }) };
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy}: ${formula} <= ${current}, above target: holding`, { ...data, desired }) };
  }
  // Below target. Like HPA on a scale-down, instances desired but not ready count as running at the target,
  // so a shortfall of ready instances is never read as a surplus; and a ratio that lands inside the tolerance holds.
  const missing = Math.max(0, current - ready);
  const desired = ceilSafe(ready * ratio + missing);
  const formula = missing > 0 ? `ceil((${ready} * ${shown} + ${missing} * ${config.target}) / ${config.target}) = ${desired}` : `ceil(${ready} * ${shown} / ${config.target}) = ${desired}`;
  const adjusted = missing > 0 ? (ready * ratio + missing) / current : ratio;
  if (desired < current && Math.abs(adjusted - 1) > tolerance + 1e-9) {
    return { policy, vote: 'in', desired, value, reason: reason('VOTE_SCALE_IN', `${policy}: ${formula} < ${current}`, { ...data, desired }) };
  }
  return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy}: ${formula}, not below ${current} by more than the tolerance`, { ...data, desired }) };
};
