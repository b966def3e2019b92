// DescribeAutoScalingGroups output -> the core's GroupState.
import type { Activity as AsgActivity, AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { GroupState, Instance, Lifecycle } from '../policies/snapshot';
import { launchTimes } from './activities';
import { warmPoolConfigOf } from './warm-pool';

const lifecycle = (state: string | undefined): Lifecycle => {
  if (!state) return 'Other';
  if (state.startsWith('Pending')) return 'Pending';
  if (state === 'InService') return 'InService';
  if (state.startsWith('Terminating')) return 'Terminating';
  if (state === 'Terminated') return 'Terminated';
  if (state.startsWith('Detach')) return 'Detaching';
  if (state === 'Standby' || state.startsWith('EnteringStandby')) return 'Standby';
  return 'Other';
};

export const toGroupState = (g: AutoScalingGroup, activities: readonly AsgActivity[]): GroupState => {
  const launched = launchTimes(activities);
  const dist = g.MixedInstancesPolicy?.InstancesDistribution;
  return {
    name: g.AutoScalingGroupName ?? '',
    min: g.MinSize ?? 0,
    max: g.MaxSize ?? 0,
    desired: g.DesiredCapacity ?? 0,
    instances: (g.Instances ?? []).map((i): Instance => ({
      id: i.InstanceId ?? '',
      lifecycle: lifecycle(i.LifecycleState),
      health: i.HealthStatus === 'Unhealthy' ? 'Unhealthy' : 'Healthy',
      market: 'unknown',
      launchedAt: launched.byId.get(i.InstanceId ?? '') ?? launched.before,
    })),
    distribution: g.MixedInstancesPolicy
      ? {
          onDemandBaseCapacity: dist?.OnDemandBaseCapacity ?? 0,
          onDemandPercentageAboveBaseCapacity: dist?.OnDemandPercentageAboveBaseCapacity ?? 100,
          spotAllocationStrategy: dist?.SpotAllocationStrategy ?? 'lowest-price',
        }
      : null,
    tags: Object.fromEntries((g.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key as string, t.Value ?? ''])),
    healthCheckGracePeriodSeconds: g.HealthCheckGracePeriod ?? 0,
    targetGroupArns: g.TargetGroupARNs ?? [],
    // Read from the same DescribeAutoScalingGroups answer: no DescribeWarmPool per group per run.
    warmPool: warmPoolConfigOf(g),
    ...(g.CapacityRebalance !== undefined ? { capacityRebalance: g.CapacityRebalance } : {}),
  };
};
