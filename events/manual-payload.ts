// The manual function's payload: one action, validated strictly (a typo is an error, not a no-op).
import * as z from 'zod/mini';
import { parseWith } from './parse';

const group = z.string().check(z.minLength(1));
const duration = z.string().check(z.regex(/^(\d+[smhd])+$/, 'must be a duration such as 30m, 2h, 1h30m'));
const until = z.iso.datetime({ offset: true });
const expiry = { for: z.optional(duration), until: z.optional(until) };

export const manualPayloadSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('plan'), group: z.optional(group) }),
  z.strictObject({ action: z.literal('reconcile'), group: z.optional(group) }),
  z.strictObject({ action: z.literal('set-capacity'), group, desired: z.int().check(z.minimum(0)), ...expiry }),
  z.strictObject({ action: z.literal('pause'), group, ...expiry }),
  z.strictObject({ action: z.literal('resume'), group }),
  z.strictObject({ action: z.literal('set-mode'), group, mode: z.enum(['reserved', 'spot', 'balanced']), ...expiry }),
  z.strictObject({ action: z.literal('replace'), group, instanceId: z.string().check(z.regex(/^i-[0-9a-f]{8,17}$/, 'must be an EC2 instance ID (i-...)')) }),
]);

export type ManualPayload = z.output<typeof manualPayloadSchema>;

export const parseManualPayload = (raw: unknown): ManualPayload => parseWith(manualPayloadSchema, raw, 'payload');
