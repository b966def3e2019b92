// The Cloud port: what the controller needs from AWS (aws/) or from the simulator (sim/).
import type { GroupConfig } from '../policies/config';
import type { Snapshot } from '../policies/snapshot';
import type { WarmPoolConfig } from '../policies/warm-pool';
import type { Write } from './writes';

/** A warm pool as DescribeWarmPool reports it: its configuration and every instance in it. */
export interface WarmPoolReading {
  /** null: no warm pool, or one already marked for deletion. */
  readonly config: WarmPoolConfig | null;
  readonly instances: readonly { readonly id: string; readonly lifecycle: string }[];
}

export interface Observation {
  /** Keyed by the configured group name. */
  readonly snapshots: ReadonlyMap<string, Snapshot>;
  /** Groups that could not be observed, with why; the others still proceed. */
  readonly failures: ReadonlyMap<string, Error>;
  /** Groups observed without their metrics (ObserveOptions.metrics 'optional'), with why: they decide on no data. */
  readonly degraded?: ReadonlyMap<string, Error>;
}

export interface ObserveOptions {
  /**
   * 'full' (default): group, activities, metrics, target health. 'group': the Auto Scaling group alone
   * (DescribeAutoScalingGroups), enough to validate a manual action; metrics, targets and activities are empty.
   */
  readonly scope?: 'full' | 'group';
  /** 'required' (default): a failed metrics read fails the group. 'optional': the group decides on no data. */
  readonly metrics?: 'required' | 'optional';
  /**
   * 'when-reported' (default): DescribeTargetHealth only for groups whose UnHealthyHostCount (read in the same
   * GetMetricData) was above 0 in the metrics window, or is missing. 'always': for every group (the unhealthy-host
   * alarm, a manual replace).
   */
  readonly targetHealth?: 'when-reported' | 'always';
  /** 'when-configured' (default): the forecast's request history for groups with a forecast. 'never': not read. */
  readonly history?: 'when-configured' | 'never';
}

export interface Cloud {
  /** Observes every group of a run in batches. An implementation may ignore the options and observe in full. */
  observe(groups: readonly GroupConfig[], now: number, options?: ObserveOptions): Promise<Observation>;
  /** Executes one write; throws CloudError (with a code) on failure. */
  write(write: Write): Promise<void>;
  /**
   * Instance id -> the name of its Auto Scaling group (instances in no group are absent). Optional: a port without
   * it (the simulator) is searched through the configured groups' own instance lists instead.
   */
  locateInstances?(instanceIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The group's warm pool and the instances in it (DescribeWarmPool). Optional: only the AWS port has warm pools today. */
  describeWarmPool?(autoScalingGroupName: string): Promise<WarmPoolReading>;
}
