// The mode stage: the instances distribution the capacity mode calls for, when it differs from the group's.
import { distributionFor, sameDistribution } from './capacity-mode';
import type { CapacityMode, GroupConfig, TimeWindow } from './config';
import { reason, type Reason } from './reasons';
import type { GroupState, InstancesDistribution } from './snapshot';

export interface ModeStage {
  readonly distribution?: InstancesDistribution;
  readonly reasons: readonly Reason[];
}

/** A mode change waits while a scaling activity is in progress (`busy`): the ASG would reject or race it. */
export const modeStage = (group: GroupState, mode: CapacityMode, window: TimeWindow | undefined, config: GroupConfig['capacityMode'], busy: boolean): ModeStage => {
  if (group.distribution === null) {
    return { reasons: mode === 'reserved' ? [] : [reason('MODE_UNSUPPORTED', `mode ${mode} wanted but ${group.name} has no MixedInstancesPolicy`, { mode })] };
  }
  const wanted = distributionFor(mode, config);
  if (busy || sameDistribution(wanted, group.distribution)) return { reasons: [] };
  return {
    distribution: wanted,
    reasons: [reason('MODE_CHANGE', `mode ${mode}${window?.mode ? ` (window ${window.name})` : ''}: on-demand base ${wanted.onDemandBaseCapacity}, ${wanted.onDemandPercentageAboveBaseCapacity} % on-demand above it`, {
      mode, onDemandBaseCapacity: wanted.onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity: wanted.onDemandPercentageAboveBaseCapacity,
      wasBase: group.distribution.onDemandBaseCapacity, wasPercentage: group.distribution.onDemandPercentageAboveBaseCapacity,
    })],
  };
};
