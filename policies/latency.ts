// Latency policy: ALB TargetResponseTime at the configured percentile, as a step rule.
import type { LatencyPolicy } from './config';
import type { Recommendation } from './recommendation';
import { applySteps } from './step-rule';

export const latencyRecommendation = (config: LatencyPolicy, seconds: number | undefined, current: number): Recommendation =>
  applySteps({ code: 'SCALE_OUT_LATENCY', policy: 'latency', unit: ' s', steps: config.steps, scaleInBelow: config.scaleInBelowSeconds }, seconds, current);
