// What the controller observed of one group at one instant. Times are epoch milliseconds.
import type { WarmPoolConfig } from './warm-pool';

export interface DataPoint {
  readonly t: number;
  readonly v: number;
}
export type Series = readonly DataPoint[];

export type Lifecycle =
  | 'Pending'
  | 'InService'
  | 'Terminating'
  | 'Terminated'
  | 'Detaching'
  | 'Standby'
  | 'Other';

export interface Instance {
  readonly id: string;
  readonly lifecycle: Lifecycle;
  /** The ASG's own health status. */
  readonly health: 'Healthy' | 'Unhealthy';
  /** 'unknown' where the source does not say (DescribeAutoScalingGroups does not). */
  readonly market: 'on-demand' | 'spot' | 'unknown';
  readonly launchedAt: number;
}

export interface InstancesDistribution {
  readonly onDemandBaseCapacity: number;
  readonly onDemandPercentageAboveBaseCapacity: number;
  readonly spotAllocationStrategy: string;
}

export type TargetState = 'healthy' | 'unhealthy' | 'initial' | 'draining' | 'unused' | 'unavailable';

export interface TargetHealth {
  readonly instanceId: string;
  readonly targetGroupArn: string;
  readonly state: TargetState;
  readonly reason?: string;
}

export interface Activity {
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly status: string;
  readonly description: string;
}

export interface GroupState {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly desired: number;
  readonly instances: readonly Instance[];
  /** null: the group has no MixedInstancesPolicy, so no distribution can be set. */
  readonly distribution: InstancesDistribution | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly healthCheckGracePeriodSeconds: number;
  readonly targetGroupArns: readonly string[];
  /**
   * The warm pool as DescribeAutoScalingGroups reports it (WarmPoolConfiguration; no extra call): null when the group
   * has none (or it is marked for deletion); absent when the source does not say (older snapshot files).
   */
  readonly warmPool?: WarmPoolConfig | null;
  /** The group's Capacity Rebalancing (CapacityRebalance); absent when the source does not say. */
  readonly capacityRebalance?: boolean;
}

export interface Metrics {
  readonly cpu: Series;
  readonly memory: Series;
  /** Seconds, at the configured percentile. */
  readonly latency: Series;
  /** Percent: 100 * 5xx / requests. */
  readonly errorRate: Series;
  readonly requests: Series;
  /**
   * How many instances each CPU datapoint averages over: CloudWatch's SampleCount of the group's CPUUtilization.
   * Absent from older snapshot files; without it CPU is sized on the ready instances of now.
   */
  readonly cpuSamples?: Series;
}

export interface Snapshot {
  readonly takenAt: number;
  readonly group: GroupState;
  readonly metrics: Metrics;
  readonly targets: readonly TargetHealth[];
  /** Most recent first. */
  readonly activities: readonly Activity[];
  /**
   * RequestCount per 5-minute slot (requests per minute, averaged over the slot; a point's t is the slot start), up
   * to 14 days of complete slots. Read only for groups that configure a forecast.
   */
  readonly history?: Series;
}
