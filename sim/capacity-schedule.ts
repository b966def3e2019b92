// Equal footing on price: the capacity-mode schedule the world applies for a baseline, so every policy can run
// on spot at the hours the controller's windows do (an operator can schedule an ASG's instances distribution for
// any policy: a scheduled action or a mixed-instances update). The controller manages its own distribution.
import { distributionFor } from '../policies/capacity-mode';
import type { CapacityMode, GroupConfig } from '../policies/config';
import type { InstancesDistribution } from '../policies/snapshot';
import { activeWindow } from '../policies/time-window';

/**
 * - `on-demand`: every instance beyond the reserved base is on-demand, all run long; the world sets it once.
 * - `windows`: the mode of the config's active window (else its default), as the controller chooses it,
 *   applied by the world whenever the schedule changes.
 */
export type CapacitySchedule = 'on-demand' | 'windows';

/** The mode the config's windows name at `now` (the controller's own rule: window mode, else the default). */
export const scheduledMode = (config: GroupConfig, now: number): CapacityMode =>
  activeWindow(config.windows, now, config.timeZone)?.mode ?? config.capacityMode.default;

/** The instances distribution a schedule asks for at `now`. */
export const scheduledDistribution = (config: GroupConfig, schedule: CapacitySchedule, now: number): InstancesDistribution =>
  distributionFor(schedule === 'windows' ? scheduledMode(config, now) : 'reserved', config.capacityMode);
