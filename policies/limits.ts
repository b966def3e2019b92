// Step limits and bounds: how far one run may move the desired capacity, and where it must stay.
import type { Bounds, GroupConfig } from './config';
import { reason, type Reason } from './reasons';

export interface Limited {
  readonly desired: number;
  readonly reasons: readonly Reason[];
}

/** The largest move allowed in one step: the larger of N instances and P % of the current capacity (HPA's selectPolicy: Max). */
export const stepLimit = (current: number, limit: { readonly instances: number; readonly percent: number }, direction: 'out' | 'in'): number => {
  const share = (current * limit.percent) / 100;
  return Math.max(limit.instances, direction === 'out' ? Math.ceil(share) : Math.floor(share));
};

/**
 * Caps the move from current to target by the step limits, then clamps into the bounds.
 * When current is already outside the bounds (a window just narrowed them), the bounds win over the step limit.
 */
export const applyLimits = (current: number, target: number, bounds: Bounds, limits: GroupConfig['stepLimits']): Limited => {
  const reasons: Reason[] = [];
  let desired = target;
  if (desired > current) {
    const max = current + stepLimit(current, limits.out, 'out');
    if (desired > max) {
      reasons.push(reason('LIMIT_STEP_OUT', `scale-out from ${current} capped at ${max} (wanted ${desired})`, { current, wanted: desired, capped: max }));
      desired = max;
    }
  } else if (desired < current) {
    const min = current - stepLimit(current, limits.in, 'in');
    if (desired < min) {
      reasons.push(reason('LIMIT_STEP_IN', `scale-in from ${current} capped at ${min} (wanted ${desired})`, { current, wanted: desired, capped: min }));
      desired = min;
    }
  }
  if (desired > bounds.max) {
    reasons.push(reason('LIMIT_MAX_BOUND', `desired ${desired} capped at the maximum ${bounds.max}`, { wanted: desired, max: bounds.max }));
    desired = bounds.max;
  } else if (desired < bounds.min) {
    reasons.push(reason('LIMIT_MIN_BOUND', `desired ${desired} raised to the minimum ${bounds.min}`, { wanted: desired, min: bounds.min }));
    desired = bounds.min;
  }
  return { desired, reasons };
};
