// Target tracking for CPU and memory: the rule of Kubernetes' HPA, desired = ceil(ready * current / target).
import type { TrackingPolicy } from './config';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';

const CODES = { cpu: 'SCALE_OUT_CPU', memory: 'SCALE_OUT_MEMORY' } as const;

// Floating-point guard: ceil(3 * 80 / 60) must be 4, not 5 because of 4.0000000001.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

export const trackTarget = (
  policy: 'cpu' | 'memory',
  config: TrackingPolicy,
  value: number | undefined,
  ready: number,
  current: number,
  tolerance: number,
): Recommendation => {
  if (value === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', `${policy}: no recent datapoint`, { policy }) };
  }
  const data = { policy, value, target: config.target, ready, current, tolerance };
  if (ready === 0) {
    return { policy, vote: 'hold', desired: current, value, reason: reason('HOLD_WARMING_UP', `${policy}: no ready instance to measure against`, data) };
  }
  const ratio = value / config.target;
  if (Math.abs(ratio - 1) <= tolerance + 1e-9) {
    return {
      policy, vote: 'hold', desired: current, value,
      reason: reason('HOLD_WITHIN_TOLERANCE', `${policy} ${value.toFixed(1)} % is within ${tolerance * 100} % of target ${config.target} %`, data),
    };
  }
  const desired = ceilSafe(ready * ratio);
  const formula = `ceil(${ready} * ${value.toFixed(1)} / ${config.target}) = ${desired}`;
  if (desired > current) {
    return { policy, vote: 'out', desired, value, reason: reason(CODES[policy], `${policy}: ${formula} > ${current}`, { ...data, desired }) };
  }
  if (desired < current) {
    return { policy, vote: 'in', desired, value, reason: reason('SCALE_IN', `${policy}: ${formula} < ${current}`, { ...data, desired }) };
  }
  return { policy, vote: 'hold', desired: current, value, reason: reason('HOLD_WITHIN_TOLERANCE', `${policy}: ${formula} = current`, { ...data, desired }) };
};
