// Request rate as a tracking policy: desired = ceil(requests per minute / target per instance), HPA's tolerance band.
// It measures demand at the ALB, so it keeps counting when CPU is pinned at 100 % and a flash crowd's size shows.
import { aheadReason, type AheadReason } from './reasons';
import type { Vote } from './recommendation';

export interface RequestRatePolicy {
  /** Requests per minute one instance serves at the wanted utilisation (the ALBRequestCountPerTarget target). */
  readonly targetPerInstance: number;
}

/** The Recommendation shape of policies/recommendation.ts, under its own policy name until PolicyName grows one. */
export interface RequestRateRecommendation {
  readonly policy: 'requestRate';
  readonly vote: Vote;
  readonly desired: number | null;
  readonly value: number | null;
  readonly reason: AheadReason;
}

// Floating-point guard, as in target-tracking.ts: ceil(600 / 200) must be 3, not 4.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/**
 * requestsPerMinute is the RequestCount Sum of the group's target group(s) over the latest minute: the demand on the
 * whole group. AWS's ALBRequestCountPerTarget is that sum divided by the healthy targets, and its target tracking
 * multiplies back by the capacity; with the sum itself the answer does not depend on how many targets happen to be
 * healthy while instances warm up, so no instance count enters the formula and no HOLD_WARMING_UP is needed.
 * The tolerance compares the load per instance of the current capacity with the target, as HPA's usage ratio does.
 */
export const trackRequestRate = (
  config: RequestRatePolicy,
  requestsPerMinute: number | undefined,
  current: number,
  tolerance: number,
): RequestRateRecommendation => {
  const policy = 'requestRate' as const;
  if (requestsPerMinute === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: aheadReason('POLICY_NO_DATA', 'requestRate: no recent RequestCount datapoint', { policy }) };
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
      reason: aheadReason('HOLD_WITHIN_TOLERANCE', `requestRate: ${(value / Math.max(current, 1)).toFixed(0)} req/min per instance is within ${tolerance * 100} % of ${target} (${formula})`, data),
    };
  }
  if (desired > current) {
    return { policy, vote: 'out', desired, value, reason: aheadReason('SCALE_OUT_REQUEST_RATE', `requestRate: ${formula} > ${current}`, data) };
  }
  return { policy, vote: 'in', desired, value, reason: aheadReason('SCALE_IN', `requestRate: ${formula} < ${current}`, data) };
};
