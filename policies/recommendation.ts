// One policy's opinion on the desired capacity, with the reason behind it.
import type { Reason } from './reasons';

export type PolicyName = 'cpu' | 'memory' | 'latency' | 'errorRate' | 'health';

/** out: wants more; in: would accept fewer; hold: wants the current size; abstain: no say. */
export type Vote = 'out' | 'hold' | 'in' | 'abstain';

export interface Recommendation {
  readonly policy: PolicyName;
  readonly vote: Vote;
  /** The capacity this policy asks for; null when it has no number (abstains, or agrees to any scale-in). */
  readonly desired: number | null;
  readonly value: number | null;
  readonly reason: Reason;
}
