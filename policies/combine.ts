// Combining policies: out if any asks (largest wins); in only when every policy with data agrees,
// and only down to the largest recommendation over the stabilization window.
import { reason, type Reason } from './reasons';
import type { Recommendation } from './recommendation';

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

export const combine = (
  latest: readonly Recommendation[],
  stabilized: readonly Recommendation[],
  current: number,
  warming: number,
): Combined => {
  const outs = latest.filter((r) => r.vote === 'out');
  if (outs.length > 0) {
    const target = Math.max(...outs.map((r) => r.desired ?? current));
    const winner = outs.find((r) => r.desired === target) as Recommendation;
    return { target, direction: 'out', reasons: [winner.reason, ...outs.filter((r) => r !== winner).map((r) => r.reason)] };
  }
  const withData = latest.filter((r) => r.vote !== 'abstain');
  if (withData.length === 0) {
    return { target: current, direction: 'hold', reasons: [reason('HOLD_NO_DATA', 'no policy has recent data: holding', { current })] };
  }
  // A tracking policy must have data before anything scales in: step rules alone only say "not too slow".
  const tracking = withData.some((r) => r.policy === 'cpu' || r.policy === 'memory');
  const ins = withData.filter((r) => r.vote === 'in');
  if (ins.length === 0) {
    return { target: current, direction: 'hold', reasons: [reason('HOLD_WITHIN_TOLERANCE', 'no policy asks for a change', { current })] };
  }
  if (ins.length < withData.length || !tracking) {
    const against = withData.filter((r) => r.vote !== 'in').map((r) => r.policy);
    return {
      target: current, direction: 'hold',
      reasons: [reason('HOLD_SCALE_IN_VETOED', `scale-in wanted by ${ins.map((r) => r.policy).join(', ')} but not by ${against.join(', ') || 'a tracking policy with data'}`, {
        current, for: ins.map((r) => r.policy).join(','), against: against.join(','),
      })],
    };
  }
  if (warming > 0) {
    return { target: current, direction: 'hold', reasons: [reason('HOLD_WARMING_UP', `${warming} instance(s) still warming up: no scale-in yet`, { current, warming })] };
  }
  const wanted = inTarget(ins, current);
  const stableIns = stabilized.filter((r) => r.vote !== 'abstain');
  const stableAgrees = stableIns.every((r) => r.vote === 'in');
  const floor = stableAgrees ? inTarget(stableIns.length > 0 ? stableIns : ins, current) : current;
  const target = Math.max(wanted, floor);
  if (target >= current) {
    return {
      target: current, direction: 'hold',
      reasons: [reason('HOLD_STABILIZATION', `scale-in to ${wanted} waits: the stabilization window still recommends ${Math.max(floor, current)}`, { current, wanted, stabilized: floor })],
    };
  }
  const data = { current, wanted, stabilized: floor, target };
  const head = reason('SCALE_IN', `every policy with data agrees: scale in from ${current} to ${target}`, data);
  const extra = target > wanted ? [reason('HOLD_STABILIZATION', `scale-in limited to ${target} (latest recommendation ${wanted}) by the stabilization window`, data)] : [];
  return { target, direction: 'in', reasons: [head, ...extra, ...ins.map((r) => r.reason)] };
};
