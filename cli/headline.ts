// The action a plan takes, in one phrase, for the first line an operator reads: "scale 3 → 5", "replace i-…",
// "breaker open, 0 replaced" or "hold (CODE)". The one place the CLI derives it, so it can switch to a core field.
import type { Plan } from '../policies/plan';

/** Codes that explain why nothing changes, most specific first. */
const HOLD_CODES = ['PAUSED', 'OVERRIDE_ACTIVE', 'HOLD_ACTIVITY_IN_PROGRESS', 'HOLD_COOLDOWN', 'HOLD_WARMING_UP', 'HOLD_STABILIZATION',
  'HOLD_SCALE_IN_VETOED', 'HOLD_NO_DATA', 'HOLD_WITHIN_TOLERANCE'];

const holdCode = (codes: readonly string[]): string | undefined =>
  HOLD_CODES.find((c) => codes.includes(c)) ?? codes.find((c) => c.startsWith('HOLD_')) ?? codes[0];

/** Each change the plan makes, as a short phrase; empty when it changes nothing. */
export const actions = (plan: Plan): string[] => {
  const out: string[] = [];
  if (plan.desired !== undefined) out.push(`scale ${plan.current.desired} → ${plan.desired}`);
  if (plan.replace.length > 0) out.push(`replace ${plan.replace.join(', ')}`);
  if (plan.bounds) out.push(`bounds ${plan.current.min}..${plan.current.max} → ${plan.bounds.min}..${plan.bounds.max}`);
  if (plan.distribution) out.push(`mode → ${plan.mode}`);
  return out;
};

export const headline = (plan: Plan): string => {
  const codes = plan.reasons.map((r) => r.code);
  const changes = actions(plan);
  // The breaker is news even when capacity changes: it means a person should look at the targets.
  if (codes.includes('BREAKER_OPEN')) changes.push('breaker open, 0 replaced');
  if (changes.length > 0) return changes.join('; ');
  const code = holdCode(codes);
  return code ? `hold (${code})` : 'hold';
};
