// The decision as a plain value: what to change (only what differs from now) and why.
import type { Bounds, CapacityMode } from './config';
import type { Reason } from './reasons';
import type { Recommendation } from './recommendation';
import type { InstancesDistribution } from './snapshot';

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
  readonly replace: readonly string[];
  readonly reasons: readonly Reason[];
  readonly recommendations: readonly Recommendation[];
  readonly window: string | null;
  readonly mode: CapacityMode;
  readonly effectiveBounds: Bounds;
}

export const hasChanges = (plan: Plan): boolean =>
  plan.desired !== undefined || plan.bounds !== undefined || plan.distribution !== undefined || plan.replace.length > 0;

export const reasonCodes = (plan: Plan): readonly string[] => plan.reasons.map((r) => r.code);
