// Target tracking for CPU and memory: the rule of Kubernetes' HPA (replica_calculator.go, GetResourceReplicas) on the
// instances the reading measured: the fleet of the datapoint's minute when its sample count is known (CPU), else the
// instances ready now. A vote only: the decision-level SCALE_OUT_CPU / SCALE_IN codes come from combine.
import type { TrackingPolicy } from './config';
import type { CpuLoad } from './cpu-load';
import { reason, type ReasonData } from './reasons';
import type { Recommendation } from './recommendation';

const CODES = { cpu: 'SCALE_OUT_CPU', memory: 'SCALE_OUT_MEMORY' } as const;

// Floating-point guard: ceil(3 * 80 / 60) must be 4, not 5 because of 4.0000000001.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/** Where a missing instance stands on a scale-in: HPA counts a pod without metrics at 100 % of its request. */
const fallbackPercent = (target: number): number => Math.max(100, target);

/**
 * HPA's calculation once the measured instances (n at `value` %) and the current capacity differ: instances desired but
 * not measured count as 0 on a scale-out and at 100 % on a scale-in; the new ratio then decides, and it holds inside the
 * tolerance, or when it turns the direction around, or when its count would move against its direction.
 */
const calculate = (n: number, value: number, current: number, target: number, tolerance: number) => {
  const missing = Math.max(0, current - n);
  const up = value > target;
  const missingAt = up ? 0 : fallbackPercent(target);
  const total = n + missing;
  const newRatio = (n * value + missing * missingAt) / (total * target);
  const desired = ceilSafe(newRatio * total);
  const formula = missing > 0
    ? `ceil((${n} * ${value.toFixed(1)} + ${missing} * ${missingAt}) / ${target}) = ${desired}`
    : `ceil(${n} * ${value.toFixed(1)} / ${target}) = ${desired}`;
  const inBand = Math.abs(newRatio - 1) <= tolerance + 1e-9;
  const turned = up ? newRatio < 1 : newRatio > 1;
  const vote = inBand || turned ? 'hold' : up ? (desired > current ? 'out' : 'hold') : desired < current ? 'in' : 'hold';
  return { vote, desired, formula, missing, inBand } as const;
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
  const base = { policy, value, target: config.target, ready, current, tolerance };
  if (ready === 0) {
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_WARMING_UP', `${policy}: no ready instance to measure against`, base) };
  }
  const shown = value.toFixed(1);
  if (Math.abs(value / config.target - 1) <= tolerance + 1e-9) {
    return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy} ${shown} % is within ${tolerance * 100} % of target ${config.target} %`, base) };
  }
  // The measured fleet's own average when the sample count is known: load / samples is the value of that minute.
  const n = measured ? measured.samples : ready;
  const v = measured ? measured.load / measured.samples : value;
  const c = calculate(n, v, current, config.target, tolerance);
  // base's keys and then these, as explicit literals: every group votes every minute (the simulator's hot path).
  const withDesired: ReasonData = measured
    ? { policy, value, target: config.target, ready, current, tolerance, load: Math.round(measured.load * 100) / 100, samples: measured.samples, desired: c.desired }
    : { policy, value, target: config.target, ready, current, tolerance, desired: c.desired };
  if (c.vote === 'out') {
    return { policy, vote: 'out', desired: c.desired, value, decisionCode: CODES[policy], reason: reason('VOTE_SCALE_OUT', `${policy}: ${c.formula} > ${current}`, withDesired) };
  }
  if (c.vote === 'in') return { policy, vote: 'in', desired: c.desired, value, reason: reason('VOTE_SCALE_IN', `${policy}: ${c.formula} < ${current}`, withDesired) };
  // Above target never means scale in, even when fewer instances are measured than desired (failed launches, a fleet
  // still booting): the missing ones are on their way, and a smaller count is no evidence of surplus.
  const why = v > config.target
    ? c.desired <= current ? ` <= ${current}, above target: holding` : `: the ${c.missing} instance(s) not measured bring it within ${tolerance * 100} %: holding`
    : c.inBand ? `, not below ${current} by more than the tolerance` : `, not below ${current}`;
  return { policy, vote: 'hold', desired: current, value, reason: reason('VOTE_HOLD', `${policy}: ${c.formula}${why}`, withDesired) };
};
