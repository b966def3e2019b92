// One policy's opinion on the desired capacity, with the reason behind it.
import type { Reason, ReasonCode } from './reasons';

export type PolicyName = 'cpu' | 'memory' | 'latency' | 'errorRate' | 'health' | 'requestRate';

/** out: wants more; in: would accept fewer; hold: wants the current size; abstain: no say. */
export type Vote = 'out' | 'hold' | 'in' | 'abstain';

export interface Recommendation {
  readonly policy: PolicyName;
  readonly vote: Vote;
  /** The capacity this policy asks for; null when it has no number (abstains, or agrees to any scale-in). */
  readonly desired: number | null;
  readonly value: number | null;
  /** The policy's vote, as a VOTE_* code (or POLICY_NO_DATA, ERRORS_WITHOUT_SATURATION). */
  readonly reason: Reason;
  /** The decision-level code the plan leads with when this vote wins a scale-out (SCALE_OUT_CPU, ...). */
  readonly decisionCode?: ReasonCode;
}
