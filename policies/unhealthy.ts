// Unhealthy targets: which to hand to the ASG for replacement, and when to refuse (breaker, floor, overload).
import type { HealthPolicy } from './config';
import { reason, type Reason } from './reasons';
import type { Instance, Snapshot } from './snapshot';

export interface HealthDecision {
  readonly replace: readonly string[];
  /** Unhealthy targets on an overloaded group: capacity to add instead of replacing. */
  readonly overloaded: number;
  readonly breakerOpen: boolean;
  /** Unhealthy targets on in-service instances: while there are any, nothing scales in. */
  readonly unhealthy: number;
  readonly reasons: readonly Reason[];
}

const NONE: HealthDecision = { replace: [], overloaded: 0, breakerOpen: false, unhealthy: 0, reasons: [] };

export const healthFloor = (desired: number, policy: HealthPolicy): number => Math.ceil((desired * policy.minInServicePercent) / 100);

export const decideHealth = (snapshot: Snapshot, policy: HealthPolicy, now: number, overloaded: boolean): HealthDecision => {
  const inService = snapshot.group.instances.filter((i) => i.lifecycle === 'InService');
  const byId = new Map(inService.map((i) => [i.id, i] as const));
  const unhealthyIds = new Set(snapshot.targets.filter((t) => t.state === 'unhealthy' && byId.has(t.instanceId)).map((t) => t.instanceId));
  if (unhealthyIds.size === 0) return NONE;
  const unhealthy = [...unhealthyIds].map((id) => byId.get(id) as Instance);

  if (overloaded) {
    return {
      ...NONE,
      unhealthy: unhealthy.length,
      overloaded: unhealthy.length,
      reasons: [reason('SCALE_OUT_OVERLOADED_UNHEALTHY', `${unhealthy.length} unhealthy target(s) on a saturated group: adding capacity, not replacing`, {
        unhealthy: unhealthy.length, inService: inService.length,
      })],
    };
  }
  const sharePercent = (100 * unhealthy.length) / inService.length;
  if (sharePercent > policy.breakerPercent) {
    return {
      ...NONE,
      unhealthy: unhealthy.length,
      breakerOpen: true,
      reasons: [reason('BREAKER_OPEN', `${unhealthy.length} of ${inService.length} in-service targets unhealthy (${sharePercent.toFixed(0)} % > ${policy.breakerPercent} %): replacing nothing`, {
        unhealthy: unhealthy.length, inService: inService.length, sharePercent, breakerPercent: policy.breakerPercent,
      })],
    };
  }
  const graceMs = snapshot.group.healthCheckGracePeriodSeconds * 1000;
  // The ASG already replaces instances it marked Unhealthy itself; asking again would double the churn.
  const eligible = unhealthy
    .filter((i) => i.health === 'Healthy' && i.launchedAt + graceMs <= now)
    .sort((a, b) => a.launchedAt - b.launchedAt || a.id.localeCompare(b.id));
  const inGrace = unhealthy.filter((i) => i.launchedAt + graceMs > now).length;
  const floor = healthFloor(snapshot.group.desired, policy);
  const allowed = Math.max(0, Math.min(policy.maxReplacementsPerRun, inService.length - floor));
  const replace = eligible.slice(0, allowed).map((i) => i.id);
  const reasons: Reason[] = [];
  if (replace.length > 0) {
    reasons.push(reason('REPLACE_UNHEALTHY', `replacing ${replace.join(', ')}: unhealthy target past the ${snapshot.group.healthCheckGracePeriodSeconds} s grace period`, {
      instances: replace.join(','), unhealthy: unhealthy.length, inGrace,
    }));
  }
  if (replace.length < eligible.length) {
    reasons.push(reason('REPLACE_LIMITED', `${eligible.length - replace.length} unhealthy instance(s) left for a later run: at most ${policy.maxReplacementsPerRun} per run and ${floor} in service`, {
      eligible: eligible.length, replaced: replace.length, maxPerRun: policy.maxReplacementsPerRun, floor, inService: inService.length,
    }));
  }
  return { ...NONE, unhealthy: unhealthy.length, replace, reasons };
};
