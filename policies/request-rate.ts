// Request rate as a tracking policy: ALB RequestCount per healthy target against a target per instance, HPA's
// tolerance band; desired = ceil(healthy * perTarget / target). It keeps counting when CPU is pinned at 100 %.
import type { ErrorRatePolicy, RequestRatePolicy } from './config';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';

// Floating-point guard, as in target-tracking.ts: ceil(600 / 200) must be 3, not 4.
const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);

/**
 * requestsPerMinute is the RequestCount Sum of the group's target group(s) over the latest minute; healthy is the
 * number of ready instances with no unhealthy target registration (readiness.ts). The value
 * is the load per healthy target, as AWS's ALBRequestCountPerTarget (RequestCount / healthy targets, ELB User Guide,
 * "CloudWatch metrics for your Application Load Balancer"), and the tolerance band is HPA's |1 - value / target|.
 * desired = ceil(healthy * value / target) = ceil(requests / target), HPA's ceil(ready * ratio): the instances still
 * booting are already in the current capacity, so while they boot the per-target load is high but desired is at
 * most current and the vote holds instead of asking twice. With no healthy target any demand is out of band.
 * A vote only: the decision-level SCALE_OUT_REQUEST_RATE / SCALE_IN codes come from combine.
 */
export const trackRequestRate = (
  config: RequestRatePolicy,
  requestsPerMinute: number | undefined,
  healthy: number,
  current: number,
  tolerance: number,
): Recommendation => {
  const policy = 'requestRate' as const;
  if (requestsPerMinute === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', 'requestRate: no recent RequestCount datapoint', { policy }) };
  }
  const target = config.targetPerInstance;
  // Per healthy target; with none, the whole demand rests on no one: infinite when there is any.
  const value = healthy > 0 ? requestsPerMinute / healthy : requestsPerMinute > 0 ? Infinity : 0;
  // Any demand needs one instance, even a trickle the float guard would round away.
  const desired = requestsPerMinute > 0 ? Math.max(1, ceilSafe(requestsPerMinute / target)) : 0;
  const shown = Number.isFinite(value) ? Math.round(value * 100) / 100 : 'Infinity';
  const data = { policy, value: shown, requests: requestsPerMinute, healthy, target, current, tolerance, desired };
  const perTarget = `${Number.isFinite(value) ? value.toFixed(0) : 'all'} req/min per healthy target (${healthy} healthy) against ${target}`;
  const formula = `ceil(${requestsPerMinute.toFixed(0)} req/min / ${target}) = ${desired}`;
  const ratio = value / target;
  // Reported as a finite number (plans are JSON): with no healthy target, the whole demand.
  const reported = Number.isFinite(value) ? value : requestsPerMinute;
  const inBand = Math.abs(ratio - 1) <= tolerance + 1e-9;
  if (!inBand && ratio > 1 && desired > current) {
    return { policy, vote: 'out', desired, value: reported, decisionCode: 'SCALE_OUT_REQUEST_RATE', reason: reason('VOTE_SCALE_OUT', `requestRate: ${perTarget}; ${formula} > ${current}`, data) };
  }
  if (!inBand && ratio < 1 && desired < current) {
    return { policy, vote: 'in', desired, value: reported, reason: reason('VOTE_SCALE_IN', `requestRate: ${perTarget}; ${formula} < ${current}`, data) };
  }
  const why = inBand ? `within ${tolerance * 100} %` : `${formula}: ${ratio > 1 ? 'the capacity booting already covers it' : 'no fewer instances than current'}`;
  return { policy, vote: 'hold', desired: current, value: reported, reason: reason('VOTE_HOLD', `requestRate: ${perTarget}, ${why}`, data) };
};

/**
 * Requests that fail fast are not load: with the error rate at the error policy's ceiling while CPU and latency are
 * both under its saturation bounds (a failing dependency, a bug), a request-rate scale-out becomes a hold, as the
 * error policy's own ERRORS_WITHOUT_SATURATION does; the unhealthy targets of such an outage would otherwise
 * inflate the load per healthy target. Unknown CPU or latency counts as saturated: availability comes first.
 */
export const holdOnFailFast = (
  rec: Recommendation,
  errorPolicy: ErrorRatePolicy | undefined,
  errorRate: number | undefined,
  cpu: number | undefined,
  latencySeconds: number | undefined,
  current: number,
): Recommendation => {
  if (rec.vote !== 'out' || !errorPolicy || errorRate === undefined || errorRate < errorPolicy.ceilingPercent) return rec;
  const { cpuPercent, latencySeconds: latencyBound } = errorPolicy.saturation;
  if (cpu === undefined || cpu >= cpuPercent || latencySeconds === undefined || latencySeconds >= latencyBound) return rec;
  const data = { ...rec.reason.data, errorRate, cpu, latency: latencySeconds, cpuBelow: cpuPercent, latencyBelow: latencyBound };
  return {
    policy: rec.policy, vote: 'hold', desired: current, value: rec.value,
    reason: reason('VOTE_HOLD', `requestRate: ${errorRate} % errors with cpu ${cpu} % < ${cpuPercent} % and latency ${latencySeconds} s < ${latencyBound} s: failing fast, not load; holding at ${current}`, data),
  };
};
