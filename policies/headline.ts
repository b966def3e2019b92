// Which capacity reasons lead the plan: the decision that moved the desired capacity, or what stopped it.
// A plan that changes nothing never leads with (or carries) SCALE_IN or SCALE_OUT_*: it names its stopper.
import type { Combined } from './combine';
import type { Reason, ReasonCode } from './reasons';

export interface HeadlineInput {
  readonly current: number;
  readonly final: number;
  readonly override: boolean;
  readonly combined: Combined;
  readonly cooldown?: Reason;
  readonly limits: readonly Reason[];
  /** The activity stage's reasons when it held back the change, else empty. */
  readonly activityHold: readonly Reason[];
}

export interface Headline {
  /** Capacity reasons to print first, before the policies' votes. */
  readonly lead: readonly Reason[];
  /** Capacity reasons to print after the votes. */
  readonly trailing: readonly Reason[];
  /** The code that moved the desired capacity, when it moved. */
  readonly scaleCode?: ReasonCode;
  /** True when the activity stage's reasons lead (it stopped the change), so they are not printed twice. */
  readonly activityLeads?: boolean;
}

export const headline = (h: HeadlineInput): Headline => {
  const { direction, reasons } = h.combined;
  const movedOut = h.final > h.current;
  const movedIn = h.final < h.current;
  const withDecision = (direction === 'out' && movedOut) || (direction === 'in' && movedIn);
  const boundsCode = h.limits.at(-1)?.code;
  if (h.override) return { lead: [...reasons, ...h.limits], trailing: [], ...(movedOut || movedIn ? { scaleCode: 'OVERRIDE_ACTIVE' as const } : {}) };
  if (h.cooldown) return { lead: [h.cooldown], trailing: h.limits, ...(movedOut || movedIn ? { scaleCode: boundsCode } : {}) };
  if (withDecision) return { lead: [...reasons, ...h.limits], trailing: [], scaleCode: reasons[0]?.code };
  if (direction === 'hold') {
    // Nothing asked for a change; the bounds alone may still move the group (a window narrowed them).
    return movedOut || movedIn ? { lead: [...h.limits, ...reasons], trailing: [], scaleCode: boundsCode } : { lead: reasons, trailing: h.limits };
  }
  // A scale-out or scale-in was wanted and did not happen as wanted: the stopper leads, the wish stays in the votes.
  const stopper = h.activityHold.length > 0 ? h.activityHold : h.limits;
  return {
    lead: stopper, trailing: h.activityHold.length > 0 ? h.limits : [], activityLeads: h.activityHold.length > 0,
    ...(movedOut || movedIn ? { scaleCode: boundsCode } : {}),
  };
};
