// The recommendations stage: every configured policy's vote on the latest readings and on the stabilized ones,
// plus the health vote when unhealthy targets sit on a saturated group.
import type { GroupConfig } from './config';
import type { Readiness } from './readiness';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';
import { recommend } from './recommend';
import { confirmScaleOut } from './scale-out-window';
import type { Readings } from './metric-readings';
import type { HealthDecision } from './unhealthy';

export interface Recommendations {
  /** Votes on the latest readings (a scale-out on the smallest over the scale-out window): these decide scale-out and whether anyone wants scale-in. */
  readonly latest: readonly Recommendation[];
  /** Votes on the largest readings over the stabilization window: these bound how far scale-in may go. */
  readonly stable: readonly Recommendation[];
}

// A step rule adds to the current capacity, so while instances warm up it would add again every run for the same
// breach; like AWS step scaling's warm-up, it waits. Tracking counts only ready instances already.
const waitForWarmup = (r: Recommendation, warming: number, current: number): Recommendation =>
  warming > 0 && r.vote === 'out' && (r.policy === 'latency' || r.policy === 'errorRate')
    ? { policy: r.policy, vote: 'hold', desired: current, value: r.value, reason: reason('VOTE_WARMING_UP', `${r.policy} step waits for ${warming} warming instance(s): ${r.reason.message}`, { ...r.reason.data, warming }) }
    : r;

/**
 * Unhealthy targets on a saturated group are overloaded: replace their capacity on top of what is ready, so the
 * vote is ready + unhealthy, not current + unhealthy. While the added instances boot the desired capacity already
 * includes them, and the vote holds instead of adding again every run (5 -> 7 -> 9 -> 10).
 */
const healthVote = (health: HealthDecision, ready: number, warming: number, current: number): Recommendation => {
  const desired = ready + health.overloaded;
  const data = { policy: 'health', unhealthy: health.overloaded, ready, warming, current, desired };
  if (desired > current) {
    return {
      policy: 'health', vote: 'out', desired, value: health.overloaded, decisionCode: 'SCALE_OUT_OVERLOADED_UNHEALTHY',
      reason: reason('VOTE_SCALE_OUT', `${health.overloaded} unhealthy target(s) on a saturated group: ready ${ready} + ${health.overloaded} = ${desired} > ${current}`, data),
    };
  }
  return {
    policy: 'health', vote: 'hold', desired: current, value: health.overloaded,
    reason: reason('VOTE_HOLD', `${health.overloaded} unhealthy target(s) on a saturated group: ready ${ready} + ${health.overloaded} = ${desired} <= ${current}${warming > 0 ? `, ${warming} warming` : ''}: holding`, data),
  };
};

export const recommendations = (config: GroupConfig, readings: Readings, ready: Readiness, health: HealthDecision, current: number): Recommendations => {
  const onLatest = recommend(config, readings.latest, ready.ready, current, ready.healthyTargets);
  const confirmed = (config.stabilization.scaleOutSeconds ?? 0) > 0 ? recommend(config, readings.confirmed, ready.ready, current, ready.healthyTargets) : onLatest;
  const latest = confirmScaleOut(onLatest, confirmed, config, current).map((r) => waitForWarmup(r, ready.warming, current));
  return {
    latest: health.overloaded > 0 ? [...latest, healthVote(health, ready.ready, ready.warming, current)] : latest,
    stable: recommend(config, readings.stable, ready.ready, current, ready.healthyTargets),
  };
};
