// decide(snapshot, config, now) -> plan: the whole decision for one group, pure and explained.
import { activityInProgress, cooldownHold } from './activity';
import { distributionFor, sameDistribution } from './capacity-mode';
import { combine } from './combine';
import type { Bounds, GroupConfig } from './config';
import { applyLimits } from './limits';
import type { Plan } from './plan';
import { reason, type Reason } from './reasons';
import type { Recommendation } from './recommendation';
import { recommend, type MetricValues } from './recommend';
import { latest, maxOver } from './series';
import type { Snapshot } from './snapshot';
import { readOverrides } from './tags';
import { activeWindow, windowBounds } from './time-window';
import { decideHealth } from './unhealthy';

/** 'health' restricts the plan to replacing unhealthy targets (the replaceUnhealthy function). */
export type Scope = 'all' | 'health';

const iso = (t: number): string => new Date(t).toISOString();

const readiness = (snapshot: Snapshot, config: GroupConfig, now: number): { ready: number; warming: number } => {
  let ready = 0;
  let warming = 0;
  for (const i of snapshot.group.instances) {
    if (i.lifecycle === 'Pending' || (i.lifecycle === 'InService' && i.launchedAt + config.warmupSeconds * 1000 > now)) warming += 1;
    else if (i.lifecycle === 'InService') ready += 1;
  }
  return { ready, warming };
};

export const decide = (snapshot: Snapshot, config: GroupConfig, now: number, scope: Scope = 'all'): Plan => {
  const g = snapshot.group;
  const current = g.desired;
  const hard: Bounds = { min: config.capacity.min, max: config.capacity.max };
  const overrides = readOverrides(g.tags, now);
  const window = activeWindow(config.windows, now, config.timeZone);
  const mode = overrides.mode?.value ?? window?.mode ?? config.capacityMode.default;
  const effectiveBounds = overrides.desired ? hard : windowBounds(hard, window);
  const reasons: Reason[] = overrides.invalid.map((tag) => reason('TAG_INVALID', `tag ${tag}=${g.tags[tag]} is unreadable: ignored`, { tag, value: g.tags[tag] ?? null }));
  const base = {
    group: config.name, autoScalingGroupName: g.name, at: now, current: { desired: current, min: g.min, max: g.max },
    replace: [] as string[], recommendations: [] as Recommendation[], window: window?.name ?? null, mode, effectiveBounds,
  };

  if (overrides.pausedUntil !== undefined) {
    return { ...base, reasons: [...reasons, reason('PAUSED', `paused until ${iso(overrides.pausedUntil)}`, { until: iso(overrides.pausedUntil) })] };
  }
  const maxAge = config.metricMaxAgeSeconds * 1000;
  const m = snapshot.metrics;
  const values: MetricValues = {
    cpu: latest(m.cpu, now, maxAge), memory: latest(m.memory, now, maxAge),
    latency: latest(m.latency, now, maxAge), errorRate: latest(m.errorRate, now, maxAge),
  };
  const saturated = (policy: { alarm: number } | undefined, v: number | undefined): boolean => policy !== undefined && v !== undefined && v >= policy.alarm;
  const overloaded = saturated(config.policies.cpu, values.cpu) || saturated(config.policies.memory, values.memory);
  const health = decideHealth(snapshot, config.health, now, overloaded);
  if (scope === 'health') return { ...base, replace: health.replace, reasons: [...reasons, ...health.reasons] };

  // Capacity mode.
  let distribution: Plan['distribution'];
  if (g.distribution === null) {
    if (mode !== 'reserved') reasons.push(reason('MODE_UNSUPPORTED', `mode ${mode} wanted but ${g.name} has no MixedInstancesPolicy`, { mode }));
  } else {
    const wanted = distributionFor(mode, config.capacityMode);
    if (!sameDistribution(wanted, g.distribution)) {
      distribution = wanted;
      reasons.push(reason('MODE_CHANGE', `mode ${mode}${window?.mode ? ` (window ${window.name})` : ''}: on-demand base ${wanted.onDemandBaseCapacity}, ${wanted.onDemandPercentageAboveBaseCapacity} % on-demand above it`, {
        mode, onDemandBaseCapacity: wanted.onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity: wanted.onDemandPercentageAboveBaseCapacity,
        wasBase: g.distribution.onDemandBaseCapacity, wasPercentage: g.distribution.onDemandPercentageAboveBaseCapacity,
      }));
    }
  }

  // Desired capacity.
  let recommendations: Recommendation[] = [];
  let target = current;
  const capacityReasons: Reason[] = [];
  if (overrides.desired) {
    target = overrides.desired.value;
    capacityReasons.push(reason('OVERRIDE_ACTIVE', `manual override: ${overrides.desired.value} until ${iso(overrides.desired.until)}`, {
      desired: overrides.desired.value, until: iso(overrides.desired.until),
    }));
  } else {
    const { ready, warming } = readiness(snapshot, config, now);
    const windowMs = config.stabilization.scaleInSeconds * 1000;
    const stable: MetricValues = {
      cpu: maxOver(m.cpu, now, windowMs) ?? values.cpu, memory: maxOver(m.memory, now, windowMs) ?? values.memory,
      latency: maxOver(m.latency, now, windowMs) ?? values.latency, errorRate: maxOver(m.errorRate, now, windowMs) ?? values.errorRate,
    };
    // A step rule adds to the current capacity, so while instances warm up it would add again every run for
    // the same breach; like AWS step scaling's warm-up, it waits. Tracking counts only ready instances already.
    recommendations = recommend(config, values, ready, current).map((r) =>
      warming > 0 && r.vote === 'out' && (r.policy === 'latency' || r.policy === 'errorRate')
        ? { ...r, vote: 'hold' as const, desired: current, reason: reason('HOLD_WARMING_UP', `${r.policy} step waits for ${warming} warming instance(s): ${r.reason.message}`, { ...r.reason.data, warming }) }
        : r);
    if (health.overloaded > 0) {
      const [r] = health.reasons as [Reason];
      recommendations.push({ policy: 'health', vote: 'out', desired: current + health.overloaded, value: health.overloaded, reason: r });
    }
    const combined = combine(recommendations, recommend(config, stable, ready, current), current, warming);
    const hold = combined.direction === 'hold' ? undefined : cooldownHold(snapshot.activities, combined.direction, config.cooldowns, now);
    if (hold) capacityReasons.push(hold);
    else target = combined.target;
    // Headline first, then every policy's own word, so a silent metric or an abstaining policy is never hidden.
    capacityReasons.push(...combined.reasons, ...recommendations.map((r) => r.reason).filter((r) => !combined.reasons.includes(r)));
  }
  const limited = applyLimits(current, target, effectiveBounds, overrides.desired ? { out: { instances: Infinity, percent: 0 }, in: { instances: Infinity, percent: 0 } } : config.stepLimits);
  capacityReasons.push(...limited.reasons);

  let bounds: Bounds | undefined;
  let desired = limited.desired;
  const running = activityInProgress(snapshot.activities);
  if (running) {
    // An activity in progress (a launch, or a scale-in draining for the deregistration delay) holds every change
    // but a scale-out: blocking a flash crowd for five minutes of draining would be the wrong kind of safe.
    const out = desired > current;
    reasons.push(reason('HOLD_ACTIVITY_IN_PROGRESS', `activity in progress since ${iso(running.startedAt)} (${running.description}): ${out ? 'scale-out proceeds; scale-in, narrower bounds and mode changes wait' : 'no scale-in, narrower bounds or mode change this run'}`, {
      status: running.status, startedAt: iso(running.startedAt), description: running.description, scaleOutProceeds: out,
    }));
    if (!out) desired = current;
    distribution = undefined;
    for (let k = reasons.length - 1; k >= 0; k -= 1) if (reasons[k]!.code === 'MODE_CHANGE') reasons.splice(k, 1);
  }
  const widening = effectiveBounds.min <= g.min && effectiveBounds.max >= g.max;
  // Narrower bounds wait; a scale-out stays inside the group's present bounds and never turns into a scale-in.
  if (running && !widening) desired = desired > current ? Math.max(current, Math.min(g.max, desired)) : current;
  else if (g.min !== effectiveBounds.min || g.max !== effectiveBounds.max) {
    bounds = effectiveBounds;
    reasons.push(reason('BOUNDS_UPDATE', `bounds ${g.min}..${g.max} -> ${effectiveBounds.min}..${effectiveBounds.max}${window ? ` (window ${window.name})` : ''}`, {
      min: effectiveBounds.min, max: effectiveBounds.max, wasMin: g.min, wasMax: g.max, window: window?.name ?? null,
    }));
  }
  return {
    ...base,
    recommendations,
    ...(desired !== current ? { desired } : {}),
    ...(bounds ? { bounds } : {}),
    ...(distribution ? { distribution } : {}),
    replace: health.replace,
    reasons: [...capacityReasons, ...reasons, ...(health.overloaded > 0 ? [] : health.reasons)],
  };
};
