// Writes as plain data: the plan's changes turned into absolute AWS-level actions, nothing relative.
import type { Plan } from '../policies/plan';
import type { InstancesDistribution } from '../policies/snapshot';

export type Write =
  | { readonly kind: 'setDesiredCapacity'; readonly group: string; readonly desired: number }
  | {
      readonly kind: 'updateGroup';
      readonly group: string;
      readonly min?: number;
      readonly max?: number;
      readonly desired?: number;
      readonly distribution?: InstancesDistribution;
    }
  | { readonly kind: 'setInstanceUnhealthy'; readonly group: string; readonly instanceId: string }
  | { readonly kind: 'putTags'; readonly group: string; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: 'deleteTags'; readonly group: string; readonly keys: readonly string[] };

/**
 * Bounds, desired and distribution go in one UpdateAutoScalingGroup when bounds or distribution change,
 * because the ASG rejects a desired capacity outside its bounds between two separate calls.
 */
export const planToWrites = (plan: Plan): Write[] => {
  const group = plan.autoScalingGroupName;
  const writes: Write[] = [];
  if (plan.bounds || plan.distribution) {
    writes.push({
      kind: 'updateGroup', group,
      ...(plan.bounds ? { min: plan.bounds.min, max: plan.bounds.max } : {}),
      ...(plan.desired !== undefined ? { desired: plan.desired } : {}),
      ...(plan.distribution ? { distribution: plan.distribution } : {}),
    });
  } else if (plan.desired !== undefined) {
    writes.push({ kind: 'setDesiredCapacity', group, desired: plan.desired });
  }
  for (const instanceId of plan.replace) writes.push({ kind: 'setInstanceUnhealthy', group, instanceId });
  return writes;
};
