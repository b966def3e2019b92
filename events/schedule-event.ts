// Scheduled runs: the EventBridge "Scheduled Event", or a rule's constant input naming groups.
import * as z from 'zod/mini';
import { eventBridgeEnvelope } from './envelopes';
import { parseWith } from './parse';

const scheduled = z.extend(eventBridgeEnvelope, {
  source: z.enum(['aws.events', 'aws.scheduler']),
  'detail-type': z.literal('Scheduled Event'),
});

const input = z.strictObject({
  groups: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  rule: z.optional(z.string()),
});

export interface ScheduleEvent {
  readonly rule: string;
  /** Absent: every configured group. */
  readonly groups?: readonly string[];
}

export const parseScheduleEvent = (raw: unknown): ScheduleEvent => {
  if (raw && typeof raw === 'object' && 'detail-type' in raw) {
    const e = parseWith(scheduled, raw, 'event');
    return { rule: e.resources[0]?.split('/').pop() ?? 'schedule' };
  }
  const i = parseWith(input, raw ?? {}, 'input');
  return { rule: i.rule ?? 'input', ...(i.groups ? { groups: i.groups } : {}) };
};
