// The combine stage: out if any policy asks (largest wins); in only when every policy with data agrees, a tracking
// policy among them, nothing vetoes it, and only down to the largest recommendation over the stabilization window.
// It returns decision-level reasons only; each policy's own vote stays on its recommendation.
import { reason, type Reason } from './reasons';
import type { Recommendation } from './recommendation';
import { NO_VETOES, type Vetoes } from './vetoes';

export interface Combined {
  readonly target: number;
  readonly direction: 'out' | 'in' | 'hold';
  readonly reasons: readonly Reason[];
}

/** The scale-in target the in-votes allow: the largest number asked, or one step when only step rules voted. */
const inTarget = (recs: readonly Recommendation[], current: number): number => {
  const numbers = recs.flatMap((r) => (r.desired === null ? [] : [r.desired]));
  return numbers.length > 0 ? Math.max(...numbers) : current - 1;
};

const hold = (code: Reason['code'], message: string, data: Reason['data'] & { readonly current: number }): Combined =>
  ({ target: data.current, direction: 'hold', reasons: [reason(code, message, data)] });

/** Why a scale-in that every policy with data agrees to must not happen now, if anything. */
const vetoed = (vetoes: Vetoes, current: number, warming: number): Combined | undefined => {
  if (vetoes.unhealthy > 0) {
    return hold('HOLD_UNHEALTHY_TARGETS', `${vetoes.unhealthy} unhealthy target(s)${vetoes.breakerOpen ? ', breaker open' : ''}: no scale-in until they are healthy`, {
      current, unhealthy: vetoes.unhealthy, breakerOpen: vetoes.breakerOpen,
    });
  }
  if (vetoes.missing.length > 0) {
    return hold('HOLD_METRIC_MISSING', `no trustworthy reading for ${vetoes.missing.join(', ')}: no scale-in (scaleInRequiresAllMetrics)`, { current, missing: vetoes.missing.join(',') });
  }
  if (warming > 0) return hold('HOLD_WARMING_UP', `${warming} instance(s) still warming up: no scale-in yet`, { current, warming });
  return undefined;
};

export const combine = (
  latest: readonly Recommendation[],
  stabilized: readonly Recommendation[],
  current: number,
  warming: number,
  vetoes: Vetoes = NO_VETOES,
): Combined => {
  const outs = latest.filter((r) => r.vote === 'out');
  if (outs.length > 0) {
    const target = Math.max(...outs.map((r) => r.desired ?? current));
    const winner = outs.find((r) => r.desired === target) as Recommendation;
    return { target, direction: 'out', reasons: [reason(winner.decisionCode ?? winner.reason.code, winner.reason.message, winner.reason.data)] };
  }
  const withData = latest.filter((r) => r.vote !== 'abstain');
  if (withData.length === 0) return hold('HOLD_NO_DATA', 'no policy has recent data: holding', { current });
  const ins = withData.filter((r) => r.vote === 'in');
  if (ins.length === 0) return hold('HOLD_WITHIN_TOLERANCE', 'no policy asks for a change', { current });
  // A tracking policy must have data before anything scales in: step rules alone only say "not too slow".
  const tracking = withData.some((r) => r.policy === 'cpu' || r.policy === 'memory' || r.policy === 'requestRate');
  if (ins.length < withData.length || !tracking) {
    const against = withData.filter((r) => r.vote !== 'in').map((r) => r.policy);
    return hold('HOLD_SCALE_IN_VETOED', `scale-in wanted by ${ins.map((r) => r.policy).join(', ')} but not by ${against.join(', ') || 'a tracking policy with data'}`, {
      current, for: ins.map((r) => r.policy).join(','), against: against.join(','),
    });
  }
  const veto = vetoed(vetoes, current, warming);
  if (veto) return veto;
  const wanted = inTarget(ins, current);
  const stableIns = stabilized.filter((r) => r.vote !== 'abstain');
  const stableAgrees = stableIns.every((r) => r.vote === 'in');
  const floor = stableAgrees ? inTarget(stableIns.length > 0 ? stableIns : ins, current) : current;
  const target = Math.max(wanted, floor);
  if (target >= current) {
    return hold('HOLD_STABILIZATION', `scale-in to ${wanted} waits: the stabilization window still recommends ${Math.max(floor, current)}`, { current, wanted, stabilized: floor });
  }
  const data = { current, wanted, stabilized: floor, target };
  const head = reason('SCALE_IN', `every policy with data agrees: scale in from ${current} to ${target}`, data);
  const extra = target > wanted ? [reason('HOLD_STABILIZATION', `scale-in limited to ${target} (latest recommendation ${wanted}) by the stabilization window`, data)] : [];
  return { target, direction: 'in', reasons: [head, ...extra] };
};
