// The mode stage: the instances distribution the capacity mode calls for, when it differs from the group's.
import { distributionFor, sameDistribution } from './capacity-mode';
import type { CapacityMode, GroupConfig, TimeWindow } from './config';
import { reason, type Reason } from './reasons';
import type { GroupState, InstancesDistribution } from './snapshot';

export interface ModeStage {
  readonly distribution?: InstancesDistribution;
  /** Turn the group's Capacity Rebalancing on: the mode runs Spot and the group reports it off. */
  readonly capacityRebalance?: true;
  readonly reasons: readonly Reason[];
}

/**
 * In a mode with Spot above the base, the ASG's own Capacity Rebalancing replaces instances that get a rebalance
 * recommendation (API reference, CreateAutoScalingGroup CapacityRebalance). Only a group that reports it off is
 * written; one whose source does not say (absent) is left alone. Never turned off: with no Spot it does nothing.
 */
const rebalanceStage = (group: GroupState, wanted: InstancesDistribution, mode: CapacityMode): Pick<ModeStage, 'capacityRebalance' | 'reasons'> =>
  wanted.onDemandPercentageAboveBaseCapacity < 100 && group.capacityRebalance === false
    ? { capacityRebalance: true, reasons: [reason('CAPACITY_REBALANCE_ON', `mode ${mode} runs ${100 - wanted.onDemandPercentageAboveBaseCapacity} % Spot above the base: Capacity Rebalancing turned on`, { mode, spotPercent: 100 - wanted.onDemandPercentageAboveBaseCapacity })] }
    : { reasons: [] };

/** A mode change waits while a scaling activity is in progress (`busy`): the ASG would reject or race it. */
export const modeStage = (group: GroupState, mode: CapacityMode, window: TimeWindow | undefined, config: GroupConfig['capacityMode'], busy: boolean): ModeStage => {
  if (group.distribution === null) {
    return { reasons: mode === 'reserved' ? [] : [reason('MODE_UNSUPPORTED', `mode ${mode} wanted but ${group.name} has no MixedInstancesPolicy`, { mode })] };
  }
  const wanted = distributionFor(mode, config);
  if (busy) return { reasons: [] };
  const rebalance = rebalanceStage(group, wanted, mode);
  if (sameDistribution(wanted, group.distribution)) return rebalance;
  return {
    distribution: wanted, ...(rebalance.capacityRebalance ? { capacityRebalance: true as const } : {}),
    reasons: [reason('MODE_CHANGE', `mode ${mode}${window?.mode ? ` (window ${window.name})` : ''}: on-demand base ${wanted.onDemandBaseCapacity}, ${wanted.onDemandPercentageAboveBaseCapacity} % on-demand above it`, {
      mode, onDemandBaseCapacity: wanted.onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity: wanted.onDemandPercentageAboveBaseCapacity,
      wasBase: group.distribution.onDemandBaseCapacity, wasPercentage: group.distribution.onDemandPercentageAboveBaseCapacity,
    }), ...rebalance.reasons],
  };
};
