// Snapshot files (examples, decision records, `decide --snapshot`): times as ISO-8601 or epoch ms, parsed to the core's types.
import * as z from 'zod';
import type { Snapshot } from '../policies/snapshot';

// ECMAScript dates end at ±8.64e15 ms (year ±275760): past that, formatting the time for a message or a record
// throws "Invalid time value", so the value is refused here with its field's path instead.
export const MAX_TIME_MS = 8.64e15;
const epochMs = z.number()
  .refine((t) => Number.isInteger(t), 'must be whole epoch milliseconds')
  .refine((t) => Math.abs(t) <= MAX_TIME_MS, `must be a time within ±${MAX_TIME_MS} ms of 1970 (year 275760)`);
const isoTime = z.iso.datetime({ offset: true }).transform((s, ctx) => {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) ctx.addIssue({ code: 'custom', message: `"${s}" is not a real time` });
  return t;
});
const time = z.union([epochMs, isoTime]);
const series = z.array(z.strictObject({ t: time, v: z.number() })).default([]);

export const snapshotSchema = z.strictObject({
  takenAt: time,
  group: z.strictObject({
    name: z.string().min(1),
    min: z.number().int().min(0),
    max: z.number().int().min(0),
    desired: z.number().int().min(0),
    instances: z.array(z.strictObject({
      id: z.string().min(1),
      lifecycle: z.enum(['Pending', 'InService', 'Terminating', 'Terminated', 'Detaching', 'Standby', 'Other']),
      health: z.enum(['Healthy', 'Unhealthy']),
      market: z.enum(['on-demand', 'spot', 'unknown']),
      launchedAt: time,
    })),
    distribution: z.strictObject({
      onDemandBaseCapacity: z.number().int().min(0),
      onDemandPercentageAboveBaseCapacity: z.number().min(0).max(100),
      spotAllocationStrategy: z.string(),
    }).nullable(),
    tags: z.record(z.string(), z.string()).default({}),
    healthCheckGracePeriodSeconds: z.number().int().min(0),
    targetGroupArns: z.array(z.string()).default([]),
    warmPool: z.strictObject({
      minSize: z.number().int().min(0),
      maxGroupPreparedCapacity: z.number().int().min(-1),
      poolState: z.enum(['Stopped', 'Running', 'Hibernated']),
    }).nullable().optional(),
    capacityRebalance: z.boolean().optional(),
  }),
  metrics: z.strictObject({ cpu: series, memory: series, latency: series, errorRate: series, requests: series, cpuSamples: series.optional() }),
  targets: z.array(z.strictObject({
    instanceId: z.string(),
    targetGroupArn: z.string(),
    state: z.enum(['healthy', 'unhealthy', 'initial', 'draining', 'unused', 'unavailable']),
    reason: z.string().optional(),
  })).default([]),
  activities: z.array(z.strictObject({ startedAt: time, endedAt: time.optional(), status: z.string(), description: z.string() })).default([]),
  // Issue 12: RequestCount per 5-minute slot, present only for a group with a forecast.
  history: z.array(z.strictObject({ t: time, v: z.number() })).optional(),
});

/** Parses a snapshot document; throws the zod error, which callers turn into their own named error. */
export const parseSnapshot = (raw: unknown): Snapshot => snapshotSchema.parse(raw) as Snapshot;
