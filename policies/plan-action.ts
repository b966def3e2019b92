// The plan's headline: one value an operator reads first (scale 3 -> 5, replace i-..., breaker open, hold).
import type { PlanAction } from './plan';
import type { Reason, ReasonCode } from './reasons';

export interface ActionInput {
  readonly current: number;
  readonly desired?: number;
  /** The code that moved the desired capacity, when it moved. */
  readonly scaleCode?: ReasonCode;
  readonly replace: readonly string[];
  readonly updates: boolean;
  readonly reasons: readonly Reason[];
}

const first = (reasons: readonly Reason[], codes: readonly ReasonCode[]): ReasonCode | undefined => reasons.find((r) => codes.includes(r.code))?.code;

export const planAction = (p: ActionInput): PlanAction => {
  const head = p.reasons[0]?.code ?? 'HOLD_WITHIN_TOLERANCE';
  if (p.desired !== undefined) return { kind: 'scale', from: p.current, to: p.desired, code: p.scaleCode ?? head };
  if (p.replace.length > 0) return { kind: 'replace', instanceIds: p.replace, code: 'REPLACE_UNHEALTHY' };
  if (p.reasons.some((r) => r.code === 'BREAKER_OPEN')) return { kind: 'breaker-open', replaced: 0, code: 'BREAKER_OPEN' };
  if (p.updates) return { kind: 'update', code: first(p.reasons, ['BOUNDS_UPDATE', 'MODE_CHANGE', 'CAPACITY_REBALANCE_ON', 'WARM_POOL_RESIZE', 'WARM_POOL_UNSUPPORTED']) ?? head };
  return { kind: 'hold', code: head };
};
