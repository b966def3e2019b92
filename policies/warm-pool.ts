// Warm capacity: whether the group may have a warm pool at all, and how many stopped instances it should hold,
// from the forecast rise over the horizon and the recent volatility. Sources: docs/warm-pools-and-spot.md.
import { reason, type Reason } from './reasons';
import type { Series } from './snapshot';

/** What decides warm-pool support, as DescribeAutoScalingGroups reports it. */
export interface WarmPoolGroup {
  /** null: no MixedInstancesPolicy. */
  readonly mixedInstances: { readonly onDemandBaseCapacity: number; readonly onDemandPercentageAboveBaseCapacity: number } | null;
  /** The launch template (or configuration) itself requests Spot (InstanceMarketOptions / SpotPrice). */
  readonly launchTemplateRequestsSpot: boolean;
}

export interface WarmPoolSupport {
  readonly supported: boolean;
  readonly reason: Reason | null;
}

/**
 * PutWarmPool was refused for any mixed instances policy until November 2025; since then a mixed instances policy
 * of On-Demand instance types is allowed, and Spot still is not. `mixedInstancesAllowed: false` keeps the old rule
 * for partitions the change has not reached. Sources (docs/warm-pools-and-spot.md, section 1):
 * - before: https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html#warm-pools-limitations
 *   (2022 text: no warm pool "that have a mixed instances policy or that launch Spot Instances"), and the PutWarmPool
 *   reference of 2023-24 (e.g. https://docs.amazonaws.cn/cli/latest/reference/autoscaling/put-warm-pool.html);
 * - after: https://aws.amazon.com/about-aws/whats-new/2025/11/ec2-auto-scaling-warm-pool-mixed-instances-policies/
 *   ("multiple On-Demand Instance types"); the current https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutWarmPool.html
 *   no longer carries the restriction. Nothing found says Spot is allowed: it stays refused, and PutWarmPool's own
 *   refusal is the backstop either way (aws/warm-pool.ts warmPoolRefused).
 */
export const warmPoolSupport = (group: WarmPoolGroup, mixedInstancesAllowed = true): WarmPoolSupport => {
  const spotShare = group.mixedInstances === null ? 0 : 100 - group.mixedInstances.onDemandPercentageAboveBaseCapacity;
  const why = group.launchTemplateRequestsSpot
    ? 'the launch template requests Spot Instances'
    : spotShare > 0
      ? `the instances distribution runs ${spotShare} % Spot above the On-Demand base`
      : group.mixedInstances !== null && !mixedInstancesAllowed
        ? 'the group has a mixed instances policy (not accepted with a warm pool before November 2025)'
        : null;
  if (why === null) return { supported: true, reason: null };
  return { supported: false, reason: reason('WARM_POOL_UNSUPPORTED', `no warm pool: ${why}; scale-out falls back to cold launches`, { spotShare, launchTemplateRequestsSpot: group.launchTemplateRequestsSpot }) };
};

export interface WarmPoolPolicy {
  /** Requests per minute one instance serves at target. */
  readonly targetPerInstance: number;
  /** Bounds on the pool size (stopped instances). */
  readonly minSize: number;
  readonly maxSize: number;
  /** Minutes a minute-to-minute rise is assumed to last before reactive capacity catches it (1: one minute's rise). */
  readonly volatilityMinutes: number;
}

/** The pool as PutWarmPool writes it and DescribeAutoScalingGroups' WarmPoolConfiguration reads it back. */
export interface WarmPoolConfig {
  readonly minSize: number;
  readonly maxGroupPreparedCapacity: number;
  /** The controller writes Stopped (EBS cost only); it reads back whatever the group has. */
  readonly poolState: 'Stopped' | 'Running' | 'Hibernated';
}

export interface WarmPoolPlan {
  /** The pool to put; undefined: leave the pool as it is. */
  readonly put?: WarmPoolConfig;
  readonly size: number;
  readonly reasons: readonly Reason[];
}

/** p95 by nearest rank of the positive minute-to-minute increases over the last hour (0 when none). */
export const p95Increase = (perMinute: Series, now: number): number => {
  const recent = perMinute.filter((p) => p.t <= now && p.t > now - 3_600_000).slice().sort((a, b) => a.t - b.t);
  const rises: number[] = [];
  for (let i = 1; i < recent.length; i += 1) {
    // Only consecutive minutes: a gap is missing data, not a rise.
    if (recent[i]!.t - recent[i - 1]!.t <= 60_000) rises.push(Math.max(0, recent[i]!.v - recent[i - 1]!.v));
  }
  if (rises.length === 0) return 0;
  rises.sort((a, b) => a - b);
  return rises[Math.ceil(0.95 * rises.length) - 1]!;
};

const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/**
 * size = clamp(max(forecast need, volatility need), minSize, min(maxSize, group max - desired)), where
 *   forecast need   = ceil(peak forecast over the horizon / target) - desired (the rise the forecast sees),
 *   volatility need = ceil(p95 minute-to-minute rise * volatilityMinutes / target).
 * Written with MinSize = MaxGroupPreparedCapacity = size: the API reference's "absolute size" form, which holds the
 * pool at `size` whatever the desired capacity does, so the controller need not rewrite it on every scale.
 */
export const planWarmPool = (
  policy: WarmPoolPolicy,
  group: { readonly desired: number; readonly max: number },
  support: WarmPoolSupport,
  existing: WarmPoolConfig | null,
  forecastPeak: number | null,
  perMinute: Series,
  now: number,
): WarmPoolPlan => {
  if (!support.supported) return { size: 0, reasons: support.reason ? [support.reason] : [] };
  const forecastNeed = forecastPeak === null ? 0 : Math.max(0, ceilSafe(forecastPeak / policy.targetPerInstance) - group.desired);
  const rise = p95Increase(perMinute, now);
  const volatilityNeed = ceilSafe((rise * policy.volatilityMinutes) / policy.targetPerInstance);
  // Warm instances past the group's maximum could never be brought in.
  const ceiling = Math.max(0, Math.min(policy.maxSize, group.max - group.desired));
  const size = Math.min(ceiling, Math.max(policy.minSize, forecastNeed, volatilityNeed));
  const data = { size, forecastNeed, volatilityNeed, p95Rise: rise, forecastPeak, ceiling, desired: group.desired, wasMinSize: existing?.minSize ?? null };
  const wanted: WarmPoolConfig = { minSize: size, maxGroupPreparedCapacity: size, poolState: 'Stopped' };
  if (existing && existing.minSize === size && existing.maxGroupPreparedCapacity === size && existing.poolState === 'Stopped') {
    return { size, reasons: [reason('WARM_POOL_HOLD', `warm pool already holds ${size}`, data)] };
  }
  return {
    put: wanted, size,
    reasons: [reason('WARM_POOL_RESIZE', `warm pool ${existing ? existing.minSize : 'none'} -> ${size} stopped (forecast needs ${forecastNeed}, volatility ${volatilityNeed}, room ${ceiling})`, data)],
  };
};
