// The warm pools of the planned groups, with the instances in them (DescribeWarmPool): what an operator checks before
// trusting a scale-out to take seconds. Read only for the manual plan, never on the every-minute path.
import type { GroupConfig } from '../policies/config';
import type { WarmPoolConfig } from '../policies/warm-pool';
import type { Cloud } from './port';

export interface WarmPoolStatus {
  readonly group: string;
  readonly autoScalingGroupName: string;
  /** null: no pool (or one being deleted). */
  readonly config: WarmPoolConfig | null;
  readonly instances: readonly { readonly id: string; readonly lifecycle: string }[];
  /** Instances ready to start in seconds (Warmed:Stopped, Warmed:Running, Warmed:Hibernated). */
  readonly ready: number;
  /** The read failed for this group alone. */
  readonly error?: string;
}

const READY = /^Warmed:(Stopped|Running|Hibernated)$/;

/** Groups with warm-pool settings, each read alone: one group's failed read is reported on its line, not thrown. */
export const warmPoolStatus = async (cloud: Cloud, groups: readonly GroupConfig[]): Promise<WarmPoolStatus[]> => {
  const read = cloud.describeWarmPool?.bind(cloud);
  if (!read) return [];
  return Promise.all(groups.filter((g) => g.warmPool).map(async (g): Promise<WarmPoolStatus> => {
    const base = { group: g.name, autoScalingGroupName: g.autoScalingGroupName };
    try {
      const r = await read(g.autoScalingGroupName);
      return { ...base, config: r.config, instances: r.instances, ready: r.instances.filter((i) => READY.test(i.lifecycle)).length };
    } catch (e) {
      return { ...base, config: null, instances: [], ready: 0, error: (e as Error).message };
    }
  }));
};
