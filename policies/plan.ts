// The decision as a plain value: what to change (only what differs from now) and why.
import type { Bounds, CapacityMode } from './config';
import type { PlanForecast } from './forecast-stage';
import type { Reason, ReasonCode } from './reasons';
import type { Recommendation } from './recommendation';
import type { InstancesDistribution } from './snapshot';
import type { PlannedWarmPool } from './warm-pool-stage';

/**
 * The plan's headline, for people and dashboards to print first: what it does, and the one code that says why.
 * scale: the desired capacity changes; replace: instances are handed to the ASG; breaker-open: unhealthy targets
 * but nothing replaced; update: only bounds or the instances distribution change; hold: nothing changes.
 */
export type PlanAction =
  | { readonly kind: 'scale'; readonly from: number; readonly to: number; readonly code: ReasonCode }
  | { readonly kind: 'replace'; readonly instanceIds: readonly string[]; readonly code: ReasonCode }
  | { readonly kind: 'breaker-open'; readonly replaced: 0; readonly code: 'BREAKER_OPEN' }
  | { readonly kind: 'update'; readonly code: ReasonCode }
  | { readonly kind: 'hold'; readonly code: ReasonCode };

export interface Plan {
  readonly group: string;
  readonly autoScalingGroupName: string;
  readonly at: number;
  readonly current: { readonly desired: number; readonly min: number; readonly max: number };
  /** Present only when the desired capacity changes. */
  readonly desired?: number;
  /** Present only when the group bounds change. */
  readonly bounds?: Bounds;
  /** Present only when the instances distribution changes. */
  readonly distribution?: InstancesDistribution;
  /** Present only when the group's Capacity Rebalancing is turned on (a mode with Spot). */
  readonly capacityRebalance?: true;
  /** The warm pool (present when the group has warm-pool settings); writes only its put or delete. */
  readonly warmPool?: PlannedWarmPool;
  readonly replace: readonly string[];
  readonly reasons: readonly Reason[];
  readonly recommendations: readonly Recommendation[];
  readonly window: string | null;
  readonly mode: CapacityMode;
  readonly effectiveBounds: Bounds;
  /** Present when the group configures a forecast: its numbers this run (the warm-pool stage reads the peak). */
  readonly forecast?: PlanForecast;
  /** The headline: the decision in one value (scale 3 -> 5, replace, breaker open, update, hold). */
  readonly action: PlanAction;
}

export const hasChanges = (plan: Plan): boolean =>
  plan.desired !== undefined || plan.bounds !== undefined || plan.distribution !== undefined || plan.replace.length > 0 ||
  plan.capacityRebalance !== undefined || plan.warmPool?.put !== undefined || plan.warmPool?.delete !== undefined;

export const reasonCodes = (plan: Plan): readonly string[] => plan.reasons.map((r) => r.code);
