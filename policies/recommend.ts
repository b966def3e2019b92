// Asks each configured metric policy for its recommendation, from one set of metric values.
import type { GroupConfig } from './config';
import type { CpuLoad } from './cpu-load';
import { errorRateRecommendation } from './error-rate';
import { latencyRecommendation } from './latency';
import type { Recommendation } from './recommendation';
import { holdOnFailFast, trackRequestRate } from './request-rate';
import { trackTarget } from './target-tracking';

export interface MetricValues {
  readonly cpu?: number;
  /**
   * The CPU the fleet of the CPU datapoint's minute carried (average x SampleCount, in instance-percent) and that
   * fleet's size: the load, whatever the fleet has become since. Absent without a sample count.
   */
  readonly cpuLoad?: CpuLoad;
  readonly memory?: number;
  readonly latency?: number;
  readonly errorRate?: number;
  /** ALB RequestCount per minute over the group's target groups. */
  readonly requests?: number;
}

/** healthyTargets divides the request count (per healthy target, as ALBRequestCountPerTarget); defaults to ready. */
export const recommend = (config: GroupConfig, values: MetricValues, ready: number, current: number, healthyTargets = ready): Recommendation[] => {
  const { cpu, memory, latency, errorRate, requestRate } = config.policies;
  const recs: Recommendation[] = [];
  if (cpu) recs.push(trackTarget('cpu', cpu, values.cpu, ready, current, config.tolerance, values.cpuLoad));
  if (memory) recs.push(trackTarget('memory', memory, values.memory, ready, current, config.tolerance));
  if (latency) recs.push(latencyRecommendation(latency, values.latency, current));
  if (requestRate) {
    const rec = trackRequestRate(requestRate, values.requests, healthyTargets, current, config.tolerance);
    recs.push(holdOnFailFast(rec, errorRate, values.errorRate, values.cpu, values.latency, current));
  }
  if (errorRate) recs.push(errorRateRecommendation(errorRate, values.errorRate, values.cpu, values.latency, current));
  return recs;
};
