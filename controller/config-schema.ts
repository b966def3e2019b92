// The strict zod schema of the configuration file: unknown keys are errors, defaults are the scaling guide's.
import * as z from 'zod';
import type { Config, GroupConfig } from '../policies/config';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00 to 24:00)');
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);
const mode = z.enum(['reserved', 'spot', 'balanced']);
const step = z.strictObject({ atLeast: z.number().min(0), add: z.number().int().min(1) });
const steps = z.array(step).min(1);

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/New_York');

// Cross-field checks run even when a sibling field failed, so a file's every problem is listed at once;
// they only read fields that are numbers.
const always = { when: () => true } as const;
const num = (x: unknown): x is number => typeof x === 'number';

const tracking = z.strictObject({ target: z.number().gt(0).max(100), alarm: z.number().gt(0).max(100) }).superRefine((p, ctx) => {
  if (num(p?.alarm) && num(p?.target) && p.alarm <= p.target) ctx.addIssue({ code: 'custom', path: ['alarm'], message: `must be > target (${p.target})` });
}, always);

const window = z.strictObject({
  name: z.string().min(1),
  days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
  start: clock,
  end: clock,
  capacity: z.strictObject({ min: count.optional(), max: count.optional() }).optional(),
  mode: mode.optional(),
}).superRefine((w, ctx) => {
  if (w.start === w.end) ctx.addIssue({ code: 'custom', path: ['end'], message: `must differ from start (${w.start})` });
  if (w.start === '24:00') ctx.addIssue({ code: 'custom', path: ['start'], message: 'must be before 24:00' });
  const c = w.capacity;
  if (num(c?.min) && num(c?.max) && c.max < c.min) ctx.addIssue({ code: 'custom', path: ['capacity', 'max'], message: `must be >= min (${c.min})` });
}, always);

const group = z.strictObject({
  autoScalingGroupName: z.string().min(1).optional(),
  capacity: z.strictObject({ min: count, max: count.min(1), desired: count }),
  warmupSeconds: count.default(300),
  tolerance: z.number().min(0).max(1).default(0.1),
  metricMaxAgeSeconds: z.number().int().min(60).default(300),
  stabilization: z.strictObject({ scaleInSeconds: count.default(300) }).default({ scaleInSeconds: 300 }),
  stepLimits: z.strictObject({
    out: z.strictObject({ instances: count, percent }).default({ instances: 4, percent: 100 }),
    in: z.strictObject({ instances: count, percent }).default({ instances: 1, percent: 10 }),
  }).default({ out: { instances: 4, percent: 100 }, in: { instances: 1, percent: 10 } }),
  cooldowns: z.strictObject({ scaleOutSeconds: count.default(60), scaleInSeconds: count.default(300) }).default({ scaleOutSeconds: 60, scaleInSeconds: 300 }),
  policies: z.strictObject({
    cpu: tracking.optional(),
    memory: tracking.optional(),
    latency: z.strictObject({
      percentile: z.enum(['p50', 'p90', 'p95', 'p99']).default('p90'),
      ceilingSeconds: z.number().gt(0),
      steps,
      scaleInBelowSeconds: z.number().min(0),
    }).optional(),
    errorRate: z.strictObject({
      ceilingPercent: percent,
      steps,
      scaleInBelowPercent: percent,
      saturation: z.strictObject({ cpuPercent: percent, latencySeconds: z.number().min(0) }),
    }).optional(),
  }),
  timeZone: timeZone.default('UTC'),
  windows: z.array(window).default([]),
  capacityMode: z.strictObject({
    default: mode.default('reserved'),
    reservedInstances: count.default(0),
    balancedOnDemandPercent: percent.default(50),
    spotAllocationStrategy: z.enum(['price-capacity-optimized', 'capacity-optimized', 'lowest-price', 'capacity-optimized-prioritized']).default('price-capacity-optimized'),
  }),
  health: z.strictObject({
    path: z.string().startsWith('/').default('/'),
    intervalSeconds: z.number().int().min(5).max(300).default(30),
    healthyThreshold: z.number().int().min(2).max(10).default(5),
    unhealthyThreshold: z.number().int().min(2).max(10).default(2),
    maxReplacementsPerRun: count.default(1),
    minInServicePercent: percent.default(50),
    breakerPercent: percent.default(50),
  }),
  targetGroupArns: z.array(z.string().regex(/^arn:aws[\w-]*:elasticloadbalancing:.+:targetgroup\//, 'must be a target group ARN')).default([]),
  loadBalancerArn: z.string().regex(/^arn:aws[\w-]*:elasticloadbalancing:.+:loadbalancer\/app\//, 'must be an Application Load Balancer ARN').optional(),
  dryRun: z.boolean().default(false),
}).superRefine((g, ctx) => {
  const { min, max, desired } = g?.capacity ?? {};
  if (!num(min) || !num(max)) return;
  if (max < min) ctx.addIssue({ code: 'custom', path: ['capacity', 'max'], message: `must be >= min (${min})` });
  if (num(desired) && (desired < min || desired > max)) ctx.addIssue({ code: 'custom', path: ['capacity', 'desired'], message: `must be within min..max (${min}..${max})` });
  const reserved = g.capacityMode?.reservedInstances;
  if (num(reserved) && reserved > max) ctx.addIssue({ code: 'custom', path: ['capacityMode', 'reservedInstances'], message: `must be <= capacity.max (${max})` });
  if (g.policies && !g.policies.cpu && !g.policies.memory) ctx.addIssue({ code: 'custom', path: ['policies'], message: 'needs cpu or memory: a tracking policy is what scales in' });
  (Array.isArray(g.windows) ? g.windows : []).forEach((w, i) => {
    for (const k of ['min', 'max'] as const) {
      const v = w?.capacity?.[k];
      if (num(v) && (v < min || v > max)) ctx.addIssue({ code: 'custom', path: ['windows', i, 'capacity', k], message: `must be within the group bounds ${min}..${max}` });
    }
  });
}, always);

export const configSchema = z.strictObject({
  dryRun: z.boolean().default(false),
  groups: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/, 'group names use letters, digits, . _ -'), group).refine((g) => Object.keys(g).length > 0, 'must name at least one group'),
});

/** Validated file -> the core's Config: group keys become names, the ASG name defaults to the key. */
export const toConfig = (parsed: z.output<typeof configSchema>): Config => ({
  dryRun: parsed.dryRun,
  groups: Object.entries(parsed.groups).map(([name, g]): GroupConfig => ({
    ...g, name, autoScalingGroupName: g.autoScalingGroupName ?? name, dryRun: parsed.dryRun || g.dryRun,
  })),
});
