// Step rules for latency and error rate: the highest step reached adds its instances to the current capacity.
import type { Step } from './config';
import { reason, type ReasonCode } from './reasons';
import type { PolicyName, Recommendation } from './recommendation';

export interface StepRule {
  readonly policy: PolicyName;
  readonly code: ReasonCode;
  readonly unit: string;
  readonly steps: readonly Step[];
  readonly scaleInBelow: number;
}

export const applySteps = (rule: StepRule, value: number | undefined, current: number): Recommendation => {
  const { policy } = rule;
  if (value === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', `${policy}: no recent datapoint`, { policy }) };
  }
  let hit: Step | undefined;
  for (const s of rule.steps) if (value >= s.atLeast && (hit === undefined || s.atLeast > hit.atLeast)) hit = s;
  if (hit !== undefined) {
    const desired = current + hit.add;
    return {
      policy, vote: 'out', desired, value,
      reason: reason(rule.code, `${policy} ${value}${rule.unit} >= step ${hit.atLeast}${rule.unit}: ${current} + ${hit.add} = ${desired}`, {
        policy, value, step: hit.atLeast, add: hit.add, current, desired,
      }),
    };
  }
  if (value < rule.scaleInBelow) {
    return {
      policy, vote: 'in', desired: null, value,
      reason: reason('SCALE_IN', `${policy} ${value}${rule.unit} < ${rule.scaleInBelow}${rule.unit}: agrees to scale in`, {
        policy, value, scaleInBelow: rule.scaleInBelow,
      }),
    };
  }
  return {
    policy, vote: 'hold', desired: current, value,
    reason: reason('HOLD_WITHIN_TOLERANCE', `${policy} ${value}${rule.unit} is between ${rule.scaleInBelow}${rule.unit} and the first step`, {
      policy, value, scaleInBelow: rule.scaleInBelow,
    }),
  };
};
