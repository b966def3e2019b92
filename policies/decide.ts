// decide(snapshot, config, now) -> plan: the whole decision for one group, pure and explained, as a pipeline of
// stages that each return a value with its reasons: overrides; readings; health; readiness; recommendations;
// combine; forecast floor; cooldown; limits; activity and bounds; mode. Nothing here mutates a shared plan.
import { activityBounds } from './activity-bounds';
import { activityInProgress, cooldownHold } from './activity';
import { combine } from './combine';
import type { GroupConfig } from './config';
import { forecastStage } from './forecast-stage';
import { headline } from './headline';
import { applyLimits } from './limits';
import { readMetrics } from './metric-readings';
import { modeStage } from './mode-stage';
import { overrideCombined, overridesStage } from './overrides-stage';
import type { Plan } from './plan';
import { planAction } from './plan-action';
import { readiness } from './readiness';
import { recommendations } from './recommendations';
import type { MetricValues } from './recommend';
import { decideHealth } from './unhealthy';
import type { Snapshot } from './snapshot';
import { scaleInVetoes } from './vetoes';
import { forecastPeakForPool, warmPoolStage } from './warm-pool-stage';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** 'health' restricts the plan to replacing unhealthy targets (the replaceUnhealthy function). */
export type Scope = 'all' | 'health';

const UNLIMITED: GroupConfig['stepLimits'] = { out: { instances: Infinity, percent: 0 }, in: { instances: Infinity, percent: 0 } };

/** Overloaded means CPU or memory at its alarm: a dependency outage raises latency with idle CPUs. */
const overloaded = (config: GroupConfig, v: MetricValues): boolean =>
  (config.policies.cpu !== undefined && v.cpu !== undefined && v.cpu >= config.policies.cpu.alarm) ||
  (config.policies.memory !== undefined && v.memory !== undefined && v.memory >= config.policies.memory.alarm);

export const decide = (snapshot: Snapshot, config: GroupConfig, now: number, scope: Scope = 'all'): Plan => {
  const g = snapshot.group;
  const current = g.desired;
  const o = overridesStage(snapshot, config, now);
  const base = {
    group: config.name, autoScalingGroupName: g.name, at: now, current: { desired: current, min: g.min, max: g.max },
    window: o.window?.name ?? null, mode: o.mode, effectiveBounds: o.effectiveBounds,
  };
  if (o.paused) return { ...base, recommendations: [], replace: [], reasons: [...o.reasons, o.paused], action: { kind: 'hold', code: 'PAUSED' } };

  const readings = readMetrics(snapshot.metrics, config, now, current);
  const health = decideHealth(snapshot, config.health, now, overloaded(config, readings.latest));
  if (scope === 'health') {
    const reasons = [...o.reasons, ...health.reasons];
    return { ...base, recommendations: [], replace: health.replace, reasons, action: planAction({ current, replace: health.replace, updates: false, reasons }) };
  }

  const ready = readiness(snapshot, config, now);
  const recs = o.overrides.desired ? { latest: [], stable: [] } : recommendations(config, readings, ready, health, current);
  const reactive = o.overrides.desired
    ? overrideCombined(o.overrides.desired, current)
    : combine(recs.latest, recs.stable, current, ready.warming, scaleInVetoes(config, recs.latest, readings, health));
  // An operator's override wins over the forecast as it does over the policies.
  const fc = o.overrides.desired ? { combined: reactive, reasons: [] } : forecastStage(snapshot, config, reactive, current, now);
  const combined = fc.combined;
  const cooldown = o.overrides.desired || combined.direction === 'hold' ? undefined : cooldownHold(snapshot.activities, combined.direction, config.cooldowns, now);
  const limited = applyLimits(current, cooldown ? current : combined.target, o.effectiveBounds, o.overrides.desired ? UNLIMITED : config.stepLimits);
  const running = activityInProgress(snapshot.activities);
  const activity = activityBounds(g, limited.desired, o.effectiveBounds, running, base.window);
  const mode = modeStage(g, o.mode, o.window, config.capacityMode, running !== undefined);
  // The forecast's peak over the lead time sizes the warm pool too (only while the forecast may act).
  const planForecast = 'plan' in fc ? fc.plan : undefined;
  const warm = warmPoolStage({
    settings: config.warmPool, group: g, distribution: mode.distribution ?? g.distribution, desired: activity.desired,
    max: activity.bounds?.max ?? g.max, forecastPeak: forecastPeakForPool(planForecast), requests: snapshot.metrics.requests, now,
  });

  const head = headline({
    current, final: activity.desired, override: o.overrides.desired !== undefined, combined, ...(cooldown ? { cooldown } : {}),
    limits: limited.reasons, activityHold: activity.held ? activity.reasons : [],
  });
  // Headline first, then every policy's own vote, so a silent metric or an abstaining policy is never hidden.
  // Unhealthy targets on a saturated group are the health vote in this scope (or yield to an operator's override):
  // the health stage's SCALE_OUT_OVERLOADED_UNHEALTHY is the plan's headline only when that vote wins.
  const reasons = [
    ...head.lead, ...recs.latest.map((r) => r.reason), ...fc.reasons, ...head.trailing, ...o.reasons, ...readings.reasons, ...mode.reasons, ...warm.reasons,
    ...(head.activityLeads ? [] : activity.reasons), ...(health.overloaded > 0 ? [] : health.reasons),
  ];
  const desired = activity.desired !== current ? activity.desired : undefined;
  const updates = activity.bounds !== undefined || mode.distribution !== undefined || mode.capacityRebalance !== undefined || warm.warmPool?.put !== undefined || warm.warmPool?.delete !== undefined;
  const action = planAction(head.scaleCode
    ? { current, desired, scaleCode: head.scaleCode, replace: health.replace, updates, reasons }
    : { current, desired, replace: health.replace, updates, reasons });
  // Key by key, in base's order and then the changes' (each only when set), not by spreads: decide runs every
  // simulated minute, and spreading into a literal cost more than the rest of this function.
  const plan: Mutable<Plan> = {
    group: base.group, autoScalingGroupName: base.autoScalingGroupName, at: base.at, current: base.current, window: base.window, mode: base.mode,
    effectiveBounds: base.effectiveBounds,
  } as Mutable<Plan>;
  if (desired !== undefined) plan.desired = desired;
  if (activity.bounds) plan.bounds = activity.bounds;
  if (mode.distribution) plan.distribution = mode.distribution;
  if (mode.capacityRebalance) plan.capacityRebalance = mode.capacityRebalance;
  if (warm.warmPool) plan.warmPool = warm.warmPool;
  plan.recommendations = recs.latest;
  plan.replace = health.replace;
  plan.reasons = reasons;
  if (planForecast) plan.forecast = planForecast;
  plan.action = action;
  return plan;
};
