// The managed-group configuration as the decision core sees it: plain readonly data.
// controller/config-schema.ts validates files into exactly this shape.

export type CapacityMode = 'reserved' | 'spot' | 'balanced';
export type Percentile = 'p50' | 'p90' | 'p95' | 'p99';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface TrackingPolicy {
  readonly target: number;
  /** The alarm threshold: above it the group counts as saturated. */
  readonly alarm: number;
}

export interface Step {
  /** The step applies when the metric is at or above this value. */
  readonly atLeast: number;
  /** Instances to add over the current desired capacity. */
  readonly add: number;
}

export interface LatencyPolicy {
  readonly percentile: Percentile;
  readonly ceilingSeconds: number;
  readonly steps: readonly Step[];
  /** Below this the latency policy agrees to scale in. */
  readonly scaleInBelowSeconds: number;
}

export interface ErrorRatePolicy {
  readonly ceilingPercent: number;
  readonly steps: readonly Step[];
  readonly scaleInBelowPercent: number;
  /** Errors count as load only when CPU or latency is at least this high. */
  readonly saturation: { readonly cpuPercent: number; readonly latencySeconds: number };
}

/** Request rate (issue 12): ALB RequestCount per minute over the group's target groups, per instance. */
export interface RequestRatePolicy {
  /** Requests per minute one instance serves at the wanted utilisation (AWS's ALBRequestCountPerTarget target). */
  readonly targetPerInstance: number;
}

/** The seasonal forecast floor (issue 12): read only when configured; needs policies.requestRate for its target. */
export interface ForecastConfig {
  /** observe: log forecast, actual and WAPE (FORECAST_ONLY); act: also raise the floor. */
  readonly mode: 'observe' | 'act';
  /** Launch lead time: boot plus health checks. */
  readonly leadMinutes: number;
  /** History read from CloudWatch (RequestCount per 5-minute slot), at most 14 days. */
  readonly historyDays: number;
  readonly minHistoryHours: number;
  /** Slots backtested for the WAPE (288 = the last day). */
  readonly evaluationPoints: number;
  readonly minEvaluationPoints: number;
  /** Above this WAPE (0.25 = 25 %) the forecast turns itself off. */
  readonly maxWape: number;
}

export interface TimeWindow {
  readonly name: string;
  readonly days: readonly Weekday[];
  /** Local wall-clock "HH:MM"; end may be before start (the window crosses midnight). */
  readonly start: string;
  readonly end: string;
  readonly capacity?: Partial<Bounds>;
  readonly mode?: CapacityMode;
}

export interface HealthPolicy {
  readonly path: string;
  readonly intervalSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  readonly maxReplacementsPerRun: number;
  /** In-service instances never drop below this share of desired capacity through replacement. */
  readonly minInServicePercent: number;
  /** Above this share of unhealthy targets the breaker opens and nothing is replaced. */
  readonly breakerPercent: number;
}

/** Where a metric is read from in CloudWatch (the shell reads it; the core only sees its values). */
export interface MetricSource {
  readonly namespace: string;
  readonly name: string;
  /** Dimension name -> value; the value `{autoScalingGroupName}` stands for the group's ASG name. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: string;
}

/**
 * The group's warm pool (issue 12): stopped instances paid for their EBS only, sized from the forecast rise and the
 * recent volatility of the request rate (policies/warm-pool.ts). Absent: the controller leaves any pool alone.
 */
export interface WarmPoolSettings {
  /** Bounds on the pool size (stopped instances). */
  readonly minSize: number;
  readonly maxSize: number;
  /** Requests per minute one instance serves at target (turns a rise in load into instances). */
  readonly targetPerInstance: number;
  /** Minutes a minute-to-minute rise is assumed to last before reactive capacity catches it. */
  readonly volatilityMinutes: number;
  /** InstanceReusePolicy.ReuseOnScaleIn: scaled-in instances return to the pool instead of terminating. */
  readonly reuseOnScaleIn: boolean;
  /** false keeps the pre-November-2025 rule (no pool with any mixed instances policy) for partitions without the change. */
  readonly mixedInstancesAllowed: boolean;
}

export interface GroupConfig {
  readonly name: string;
  readonly autoScalingGroupName: string;
  readonly capacity: Bounds & { readonly desired: number };
  readonly warmupSeconds: number;
  readonly tolerance: number;
  readonly metricMaxAgeSeconds: number;
  /**
   * scaleInSeconds: scale-in goes no lower than the largest recommendation over the window (HPA's scaleDown window).
   * scaleOutSeconds: a scale-out stands on the smallest reading over the window (HPA's scaleUp window); absent is 0.
   */
  readonly stabilization: { readonly scaleInSeconds: number; readonly scaleOutSeconds?: number };
  /**
   * Scale in only when every configured tracking metric has data and no metric had an out-of-range value
   * (HPA skips scale-down when a metric is unavailable). Absent means true; false lets CPU alone scale in
   * while the memory agent is silent.
   */
  readonly scaleInRequiresAllMetrics?: boolean;
  readonly stepLimits: {
    readonly out: { readonly instances: number; readonly percent: number };
    readonly in: { readonly instances: number; readonly percent: number };
  };
  readonly cooldowns: { readonly scaleOutSeconds: number; readonly scaleInSeconds: number };
  readonly policies: {
    readonly cpu?: TrackingPolicy;
    readonly memory?: TrackingPolicy;
    readonly latency?: LatencyPolicy;
    readonly errorRate?: ErrorRatePolicy;
    readonly requestRate?: RequestRatePolicy;
  };
  /** The forecast floor; absent: no history is read and no forecast is made. */
  readonly forecast?: ForecastConfig;
  readonly timeZone: string;
  readonly windows: readonly TimeWindow[];
  readonly capacityMode: {
    readonly default: CapacityMode;
    readonly reservedInstances: number;
    readonly balancedOnDemandPercent: number;
    readonly spotAllocationStrategy: string;
  };
  readonly health: HealthPolicy;
  /** Target groups for metrics and health; empty: the ASG's own target groups. */
  readonly targetGroupArns: readonly string[];
  /** The ALB of those target groups, for metric dimensions; absent: looked up once per container. */
  readonly loadBalancerArn?: string;
  /** The memory metric's source; absent: CWAgent mem_used_percent by AutoScalingGroupName, Average. */
  readonly memoryMetric?: MetricSource;
  /** Warm capacity; absent: no warm pool management. */
  readonly warmPool?: WarmPoolSettings;
  readonly dryRun: boolean;
}

export interface Config {
  readonly dryRun: boolean;
  readonly groups: readonly GroupConfig[];
}

/**
 * How far back a decision reads metrics: both stabilization windows count back from the newest datapoint, which may be
 * as old as the freshness limit, so the freshness limit plus the longer window.
 */
export const metricLookbackSeconds = (c: Pick<GroupConfig, 'stabilization' | 'metricMaxAgeSeconds'>): number =>
  c.metricMaxAgeSeconds + Math.max(c.stabilization.scaleInSeconds, c.stabilization.scaleOutSeconds ?? 0);
