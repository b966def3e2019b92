// Request rate as a tracking policy: desired = ceil(requests per minute / target per instance), HPA's tolerance band.
// It measures demand at the ALB, so it keeps counting when CPU is pinned at 100 % and a flash crowd's size shows.
import type { RequestRatePolicy } from './config';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';

// Floating-point guard, as in target-tracking.ts: ceil(600 / 200) must be 3, not 4.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/**
 * requestsPerMinute is the RequestCount Sum of the group's target group(s) over the latest minute: the demand on the
 * whole group. AWS's ALBRequestCountPerTarget is that sum divided by the healthy targets, and its target tracking
 * multiplies back by the capacity; with the sum itself the answer does not depend on how many targets happen to be
 * healthy while instances warm up, so no instance count enters the formula and a boot does not ask twice: the
 * desired capacity already holds the booting instances, and ceil(requests / target) is then no more than it.
 * The tolerance compares the load per instance of the current capacity with the target, as HPA's usage ratio does.
 * A vote only: the decision-level SCALE_OUT_REQUEST_RATE / SCALE_IN codes come from combine.
 */
export const trackRequestRate = (
  config: RequestRatePolicy,
  requestsPerMinute: number | undefined,
  current: number,
  tolerance: number,
): Recommendation => {
  const policy = 'requestRate' as const;
  if (requestsPerMinute === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', 'requestRate: no recent RequestCount datapoint', { policy }) };
  }
  const value = requestsPerMinute;
  const target = config.targetPerInstance;
  // Any demand needs one instance, even a trickle the float guard would round away.
  const desired = value > 0 ? Math.max(1, ceilSafe(value / target)) : 0;
  const data = { policy, value, target, current, tolerance, desired };
  const formula = `ceil(${value.toFixed(0)} req/min / ${target}) = ${desired}`;
  // With no capacity the ratio is infinite: any demand is out of tolerance, and no demand asks for nothing.
  const ratio = current > 0 ? value / (current * target) : value > 0 ? Infinity : 1;
  if (Math.abs(ratio - 1) <= tolerance + 1e-9 || desired === current) {
    return {
      policy, vote: 'hold', desired: current, value,
      reason: reason('VOTE_HOLD', `requestRate: ${(value / Math.max(current, 1)).toFixed(0)} req/min per instance against ${target}, within ${tolerance * 100} % or ${formula} = current`, data),
    };
  }
  if (desired > current) {
    return { policy, vote: 'out', desired, value, decisionCode: 'SCALE_OUT_REQUEST_RATE', reason: reason('VOTE_SCALE_OUT', `requestRate: ${formula} > ${current}`, data) };
  }
  return { policy, vote: 'in', desired, value, reason: reason('VOTE_SCALE_IN', `requestRate: ${formula} < ${current}`, data) };
};
