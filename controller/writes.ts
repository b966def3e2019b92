// Writes as plain data: the plan's changes turned into absolute AWS-level actions, nothing relative.
import type { Plan } from '../policies/plan';
import type { InstancesDistribution } from '../policies/snapshot';
import type { WarmPoolConfig } from '../policies/warm-pool';

export type Write =
  | { readonly kind: 'setDesiredCapacity'; readonly group: string; readonly desired: number }
  | {
      readonly kind: 'updateGroup';
      readonly group: string;
      readonly min?: number;
      readonly max?: number;
      readonly desired?: number;
      readonly distribution?: InstancesDistribution;
      readonly capacityRebalance?: boolean;
    }
  | { readonly kind: 'setInstanceUnhealthy'; readonly group: string; readonly instanceId: string }
  | { readonly kind: 'putTags'; readonly group: string; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: 'deleteTags'; readonly group: string; readonly keys: readonly string[] }
  | { readonly kind: 'putWarmPool'; readonly group: string; readonly pool: WarmPoolConfig; readonly reuseOnScaleIn: boolean }
  | { readonly kind: 'deleteWarmPool'; readonly group: string };

/**
 * Bounds, desired and distribution go in one UpdateAutoScalingGroup when bounds or distribution change,
 * because the ASG rejects a desired capacity outside its bounds between two separate calls.
 * A warm pool is deleted before the distribution adds Spot, and put last: after a distribution back to On-Demand,
 * and so that PutWarmPool's refusal (reported as WARM_POOL_UNSUPPORTED) leaves no write of the plan undone.
 */
export const planToWrites = (plan: Plan): Write[] => {
  const group = plan.autoScalingGroupName;
  const writes: Write[] = [];
  if (plan.warmPool?.delete) writes.push({ kind: 'deleteWarmPool', group });
  if (plan.bounds || plan.distribution || plan.capacityRebalance) {
    writes.push({
      kind: 'updateGroup', group,
      ...(plan.bounds ? { min: plan.bounds.min, max: plan.bounds.max } : {}),
      ...(plan.desired !== undefined ? { desired: plan.desired } : {}),
      ...(plan.distribution ? { distribution: plan.distribution } : {}),
      ...(plan.capacityRebalance ? { capacityRebalance: true } : {}),
    });
  } else if (plan.desired !== undefined) {
    writes.push({ kind: 'setDesiredCapacity', group, desired: plan.desired });
  }
  for (const instanceId of plan.replace) writes.push({ kind: 'setInstanceUnhealthy', group, instanceId });
  if (plan.warmPool?.put) writes.push({ kind: 'putWarmPool', group, pool: plan.warmPool.put, reuseOnScaleIn: plan.warmPool.reuseOnScaleIn });
  return writes;
};
