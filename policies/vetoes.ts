// What stops a scale-in that every policy with data agrees to: unhealthy targets (or an open breaker), and
// metrics that cannot be read (a silent tracking metric, an out-of-range value). Scale-out is never vetoed here.
import type { GroupConfig } from './config';
import type { Readings } from './metric-readings';
import type { Recommendation } from './recommendation';
import type { HealthDecision } from './unhealthy';

export interface Vetoes {
  readonly unhealthy: number;
  readonly breakerOpen: boolean;
  /** Configured metrics that cannot be trusted for a scale-in this run, in config order. */
  readonly missing: readonly string[];
}

export const NO_VETOES: Vetoes = { unhealthy: 0, breakerOpen: false, missing: [] };

export const scaleInVetoes = (config: GroupConfig, latest: readonly Recommendation[], readings: Readings, health: HealthDecision): Vetoes => {
  // HPA skips scale-down when any metric is unavailable; step metrics may be legitimately absent (an idle ALB
  // publishes no TargetResponseTime), so only tracking metrics count as missing when silent.
  const strict = config.scaleInRequiresAllMetrics !== false;
  const silent = latest.filter((r) => (r.policy === 'cpu' || r.policy === 'memory') && r.vote === 'abstain').map((r) => r.policy as string);
  // A silent RequestCount does not hold either: ELB publishes nothing for a minute without requests.
  const configured = readings.rejected.filter((m) => (m === 'requests' ? config.policies.requestRate : config.policies[m]) !== undefined && !silent.includes(m));
  return { unhealthy: health.unhealthy, breakerOpen: health.breakerOpen, missing: strict ? [...silent, ...configured] : [] };
};
