// Asks each configured metric policy for its recommendation, from one set of metric values.
import type { GroupConfig } from './config';
import { errorRateRecommendation } from './error-rate';
import { latencyRecommendation } from './latency';
import type { Recommendation } from './recommendation';
import { trackRequestRate } from './request-rate';
import { trackTarget } from './target-tracking';

export interface MetricValues {
  readonly cpu?: number;
  readonly memory?: number;
  readonly latency?: number;
  readonly errorRate?: number;
  /** ALB RequestCount per minute over the group's target groups. */
  readonly requests?: number;
}

export const recommend = (config: GroupConfig, values: MetricValues, ready: number, current: number): Recommendation[] => {
  const { cpu, memory, latency, errorRate, requestRate } = config.policies;
  const recs: Recommendation[] = [];
  if (cpu) recs.push(trackTarget('cpu', cpu, values.cpu, ready, current, config.tolerance));
  if (memory) recs.push(trackTarget('memory', memory, values.memory, ready, current, config.tolerance));
  if (latency) recs.push(latencyRecommendation(latency, values.latency, current));
  if (requestRate) recs.push(trackRequestRate(requestRate, values.requests, current, config.tolerance));
  if (errorRate) recs.push(errorRateRecommendation(errorRate, values.errorRate, values.cpu, values.latency, current));
  return recs;
};
