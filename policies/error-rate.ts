// Error-rate policy: a step rule that only counts errors as load when the group is saturated.
// Errors with low CPU and low latency come from a bug or a failing dependency; more instances do not fix them.
import type { ErrorRatePolicy } from './config';
import { fmt } from './format';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';
import { applySteps } from './step-rule';

export const errorRateRecommendation = (
  config: ErrorRatePolicy,
  percent: number | undefined,
  cpu: number | undefined,
  latencySeconds: number | undefined,
  current: number,
): Recommendation => {
  const rec = applySteps({ code: 'SCALE_OUT_ERRORS', policy: 'errorRate', unit: ' %', steps: config.steps, scaleInBelow: config.scaleInBelowPercent }, percent, current);
  if (rec.vote !== 'out') return rec;
  // Unknown saturation is treated as saturated: with no evidence the errors are not load, availability comes first.
  const cpuLow = cpu !== undefined && cpu < config.saturation.cpuPercent;
  const latencyLow = latencySeconds !== undefined && latencySeconds < config.saturation.latencySeconds;
  if (!(cpuLow && latencyLow)) return rec;
  // Not load, so no scale-out; but a hold, not an abstention: an incident is no time to remove instances.
  return {
    policy: 'errorRate', vote: 'hold', desired: current, value: percent ?? null,
    reason: reason(
      'ERRORS_WITHOUT_SATURATION',
      `error rate ${fmt(percent!)} % with cpu ${fmt(cpu!)} % < ${fmt(config.saturation.cpuPercent)} % and latency ${fmt(latencySeconds!)} s < ${fmt(config.saturation.latencySeconds)} s: not load, no scale-out, no scale-in`,
      { errorRate: percent ?? null, cpu, latency: latencySeconds ?? null, cpuBelow: config.saturation.cpuPercent, latencyBelow: config.saturation.latencySeconds },
    ),
  };
};
