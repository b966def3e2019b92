// The warm-pool stage: the pool of stopped instances the group should keep, from the forecast peak and the recent
// volatility of its request rate; or none, with WARM_POOL_UNSUPPORTED, where the plan's capacity mode runs Spot.
import type { WarmPoolSettings } from './config';
import { reason, type Reason } from './reasons';
import type { GroupState, InstancesDistribution, Series } from './snapshot';
import { planWarmPool, warmPoolSupport, type WarmPoolConfig } from './warm-pool';

/** What the plan does to the warm pool: the wanted size, and at most one of put / delete. */
export interface PlannedWarmPool {
  readonly size: number;
  /** The pool to put (PutWarmPool); absent: leave the pool as it is. */
  readonly put?: WarmPoolConfig;
  /** Delete the pool (DeleteWarmPool, not forced): the plan leaves the group with Spot, which cannot have one. */
  readonly delete?: true;
  readonly reuseOnScaleIn: boolean;
}

export interface WarmPoolStage {
  /** Absent when the group has no warm-pool settings: the controller then leaves any pool alone. */
  readonly warmPool?: PlannedWarmPool;
  readonly reasons: readonly Reason[];
}

export interface WarmPoolStageInput {
  readonly settings: WarmPoolSettings | undefined;
  readonly group: GroupState;
  /** The instances distribution the plan leaves the group with (the mode stage's, else the group's own). */
  readonly distribution: InstancesDistribution | null;
  /** Desired capacity and maximum after the plan: warm instances past the maximum could never be brought in. */
  readonly desired: number;
  readonly max: number;
  /**
   * Peak forecast of requests per minute over the launch horizon (same unit as `settings.targetPerInstance`); null
   * where no forecast may act: the pool is then sized from volatility alone. decide() derives it with
   * forecastPeakForPool(plan forecast).
   */
  readonly forecastPeak: number | null;
  /** Requests per minute (ALB RequestCount Sum of the group's target groups), one point a minute. */
  readonly requests: Series;
  readonly now: number;
}

/** The part of the plan's forecast the pool reads (structural: the forecast stage's PlanForecast satisfies it). */
export interface ForecastForPool {
  /** The forecast may act this run (act mode, enough history, accuracy good enough). */
  readonly active: boolean;
  /** Largest forecast requests per minute over [now, now + lead]. */
  readonly peak: number | null;
}

/**
 * forecastPeak for warmPoolStage from the plan's forecast: its peak only while the forecast may act. An observe-only
 * or distrusted forecast must not size anything (issue 12: it is logged before it is allowed to act), so the pool is
 * then sized from volatility alone. Wiring in decide(): `forecastPeak: forecastPeakForPool(fc.plan)`.
 */
export const forecastPeakForPool = (forecast: ForecastForPool | undefined): number | null =>
  forecast !== undefined && forecast.active && forecast.peak !== null && Number.isFinite(forecast.peak) ? forecast.peak : null;

export const warmPoolStage = (i: WarmPoolStageInput): WarmPoolStage => {
  const s = i.settings;
  if (!s) return { reasons: [] };
  const mixedInstances = i.distribution === null ? null : {
    onDemandBaseCapacity: i.distribution.onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity: i.distribution.onDemandPercentageAboveBaseCapacity,
  };
  // Whether the launch template itself requests Spot is not in DescribeAutoScalingGroups: PutWarmPool's refusal is
  // the backstop (the shell reports it as WARM_POOL_UNSUPPORTED).
  const support = warmPoolSupport({ mixedInstances, launchTemplateRequestsSpot: false }, s.mixedInstancesAllowed);
  // Absent (a snapshot file that does not say) reads as no pool: the plan puts the wanted one.
  const existing = i.group.warmPool ?? null;
  const policy = { targetPerInstance: s.targetPerInstance, minSize: s.minSize, maxSize: s.maxSize, volatilityMinutes: s.volatilityMinutes };
  const planned = planWarmPool(policy, { desired: i.desired, max: i.max }, support, existing, i.forecastPeak, i.requests, i.now);
  if (!support.supported && existing !== null) {
    // A pool left on a group that now runs Spot: delete it before the distribution changes (writes order it first).
    const reasons = planned.reasons.map((r) => reason(r.code, `${r.message}; the existing pool of ${existing.minSize} is deleted`, { ...r.data, deleted: existing.minSize }));
    return { warmPool: { size: 0, delete: true, reuseOnScaleIn: s.reuseOnScaleIn }, reasons };
  }
  return {
    warmPool: { size: planned.size, ...(planned.put ? { put: planned.put } : {}), reuseOnScaleIn: s.reuseOnScaleIn },
    reasons: planned.reasons,
  };
};
