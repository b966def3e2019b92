// Step rules for latency and error rate: the highest step reached adds its instances to the current capacity.
import type { Step } from './config';
import { fmt } from './format';
import { reason, type ReasonCode } from './reasons';
import type { PolicyName, Recommendation } from './recommendation';

export interface StepRule {
  readonly policy: PolicyName;
  /** The decision-level code when this rule's vote wins (SCALE_OUT_LATENCY); the vote itself is VOTE_SCALE_OUT. */
  readonly code: ReasonCode;
  readonly unit: string;
  readonly steps: readonly Step[];
  readonly scaleInBelow: number;
}

export const applySteps = (rule: StepRule, value: number | undefined, current: number): Recommendation => {
  const { policy, unit } = rule;
  if (value === undefined) {
    return { policy, vote: 'abstain', desired: null, value: null, reason: reason('POLICY_NO_DATA', `${policy}: no recent datapoint`, { policy }) };
  }
  let hit: Step | undefined;
  for (const s of rule.steps) if (value >= s.atLeast && (hit === undefined || s.atLeast > hit.atLeast)) hit = s;
  if (hit !== undefined) {
    const desired = current + hit.add;
    return {
      policy, vote: 'out', desired, value, decisionCode: rule.code,
      reason: reason('VOTE_SCALE_OUT', `${policy} ${fmt(value)}${unit} >= step ${fmt(hit.atLeast)}${unit}: ${current} + ${hit.add} = ${desired}`, {
        policy, value, step: hit.atLeast, add: hit.add, current, desired,
      }),
    };
  }
  if (value < rule.scaleInBelow) {
    return {
      policy, vote: 'in', desired: null, value,
      reason: reason('VOTE_SCALE_IN', `${policy} ${fmt(value)}${unit} < ${fmt(rule.scaleInBelow)}${unit}: agrees to scale in`, { policy, value, scaleInBelow: rule.scaleInBelow }),
    };
  }
  return {
    policy, vote: 'hold', desired: current, value,
    reason: reason('VOTE_HOLD', `${policy} ${fmt(value)}${unit} is between ${fmt(rule.scaleInBelow)}${unit} and the first step`, { policy, value, scaleInBelow: rule.scaleInBelow }),
  };
};
