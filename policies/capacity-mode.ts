// Capacity modes as the ASG's InstancesDistribution: the reserved-instance count is always the on-demand base.
import type { CapacityMode, GroupConfig } from './config';
import type { InstancesDistribution } from './snapshot';

export const distributionFor = (mode: CapacityMode, config: GroupConfig['capacityMode']): InstancesDistribution => ({
  onDemandBaseCapacity: config.reservedInstances,
  onDemandPercentageAboveBaseCapacity: mode === 'reserved' ? 100 : mode === 'spot' ? 0 : config.balancedOnDemandPercent,
  spotAllocationStrategy: config.spotAllocationStrategy,
});

export const sameDistribution = (a: InstancesDistribution, b: InstancesDistribution): boolean =>
  a.onDemandBaseCapacity === b.onDemandBaseCapacity &&
  a.onDemandPercentageAboveBaseCapacity === b.onDemandPercentageAboveBaseCapacity &&
  a.spotAllocationStrategy === b.spotAllocationStrategy;
