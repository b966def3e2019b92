// The strict zod schema of the configuration file: unknown keys are errors, defaults are the scaling guide's.
import * as z from 'zod';
import type { Config, GroupConfig, MetricSource } from '../policies/config';

/** Today's source, and the CloudWatch agent's default name for it when it aggregates by ASG. */
export const DEFAULT_MEMORY_METRIC: MetricSource = {
  namespace: 'CWAgent', name: 'mem_used_percent', dimensions: { AutoScalingGroupName: '{autoScalingGroupName}' }, statistic: 'Average',
};

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00 to 24:00)');
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);
const mode = z.enum(['reserved', 'spot', 'balanced']);
const step = z.strictObject({ atLeast: z.number().min(0), add: z.number().int().min(1) });
const steps = z.array(step).min(1);

// A fixed abbreviation (EST, PST8PDT, CET) or a fixed offset (Etc/GMT+5) is valid to Intl but ignores or
// misplaces daylight saving: EST is an hour off all summer. Only UTC or an IANA Area/Location name is taken.
// Building an Intl.DateTimeFormat costs 1-3 ms, and every config parse checks each zone again: remember the answer
// (the zone database does not change within a process).
const zoneAnswers = new Map<string, boolean>();
const knownZone = (tz: string): boolean => {
  let known = zoneAnswers.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    zoneAnswers.set(tz, known);
  }
  return known;
};
export const isIanaRegionZone = (tz: string): boolean =>
  tz === 'UTC' || tz === 'Etc/UTC' || (/^[A-Z][A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(tz) && !tz.startsWith('Etc/') && knownZone(tz));
const timeZone = z.string().refine(isIanaRegionZone, 'must be UTC or an IANA Area/Location time zone such as America/New_York (not an abbreviation like EST or a fixed offset)');

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
  // scaleOutSeconds: HPA's behavior.scaleUp.stabilizationWindowSeconds (default 0, as HPA's); at most 10 minutes,
  // since capacity asked for later than that is later than any launch (README, "The decision").
  stabilization: z.strictObject({ scaleInSeconds: count.default(300), scaleOutSeconds: count.max(600).default(0) }).default({ scaleInSeconds: 300, scaleOutSeconds: 0 }),
  // Issue 8 item 5: a silent tracking metric holds scale-in (HPA); false lets the others scale in without it.
  scaleInRequiresAllMetrics: z.boolean().default(true),
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
    // Issue 12: ALB RequestCount per minute per instance at the wanted utilisation (ALBRequestCountPerTarget's target).
    requestRate: z.strictObject({ targetPerInstance: z.number().gt(0) }).optional(),
  }),
  // Issue 12: the seasonal forecast floor, on the request-rate policy's target; observe first, act when trusted.
  forecast: z.strictObject({
    mode: z.enum(['observe', 'act']).default('observe'),
    leadMinutes: z.number().int().min(1).max(60).default(7),
    historyDays: z.number().int().min(2).max(14).default(14),
    minHistoryHours: z.number().min(24).max(336).default(24),
    evaluationPoints: z.number().int().min(12).max(2016).default(288),
    minEvaluationPoints: z.number().int().min(1).default(36),
    maxWape: z.number().gt(0).max(10).default(0.25),
  }).optional(),
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
  // The CloudWatch agent publishes memory only under the dimensions its config aggregates by
  // (config/cloudwatch-agent.json): this must name that same series.
  memoryMetric: z.strictObject({
    namespace: z.string().min(1).max(255).default(DEFAULT_MEMORY_METRIC.namespace),
    name: z.string().min(1).max(255).default(DEFAULT_MEMORY_METRIC.name),
    dimensions: z.record(z.string().min(1).max(255), z.string().min(1).max(1024))
      .refine((d) => Object.keys(d).length <= 30, 'CloudWatch allows at most 30 dimensions')
      .default({ ...DEFAULT_MEMORY_METRIC.dimensions }),
    statistic: z.string().regex(/^(Average|Maximum|Minimum|Sum|SampleCount|p\d{1,2}(\.\d+)?)$/, 'must be Average, Maximum, Minimum, Sum, SampleCount or a percentile like p90').default(DEFAULT_MEMORY_METRIC.statistic),
  }).default({ ...DEFAULT_MEMORY_METRIC, dimensions: { ...DEFAULT_MEMORY_METRIC.dimensions } }),
  // Issue 12: warm capacity (policies/warm-pool.ts). Absent: the controller leaves the group's warm pool alone.
  warmPool: z.strictObject({
    minSize: count.default(0),
    maxSize: count,
    targetPerInstance: z.number().gt(0),
    // The reactive lead time: a launch serves after about 7 minutes (boot, health checks, CloudWatch's delay).
    volatilityMinutes: z.number().gt(0).max(60).default(7),
    reuseOnScaleIn: z.boolean().default(false),
    mixedInstancesAllowed: z.boolean().default(true),
  }).superRefine((w, ctx) => {
    if (num(w?.minSize) && num(w?.maxSize) && w.maxSize < w.minSize) ctx.addIssue({ code: 'custom', path: ['maxSize'], message: `must be >= minSize (${w.minSize})` });
  }, always).optional(),
  dryRun: z.boolean().default(false),
}).superRefine((g, ctx) => {
  const { min, max, desired } = g?.capacity ?? {};
  if (!num(min) || !num(max)) return;
  if (max < min) ctx.addIssue({ code: 'custom', path: ['capacity', 'max'], message: `must be >= min (${min})` });
  if (num(desired) && (desired < min || desired > max)) ctx.addIssue({ code: 'custom', path: ['capacity', 'desired'], message: `must be within min..max (${min}..${max})` });
  const reserved = g.capacityMode?.reservedInstances;
  if (num(reserved) && reserved > max) ctx.addIssue({ code: 'custom', path: ['capacityMode', 'reservedInstances'], message: `must be <= capacity.max (${max})` });
  if (g.policies && !g.policies.cpu && !g.policies.memory && !g.policies.requestRate) ctx.addIssue({ code: 'custom', path: ['policies'], message: 'needs cpu, memory or requestRate: a tracking policy is what scales in' });
  if (g.forecast && g.policies && !g.policies.requestRate) ctx.addIssue({ code: 'custom', path: ['forecast'], message: 'needs policies.requestRate: the forecast is in requests and its floor uses requestRate.targetPerInstance' });
  const f = g.forecast;
  if (num(f?.minEvaluationPoints) && num(f?.evaluationPoints) && f.minEvaluationPoints > f.evaluationPoints) ctx.addIssue({ code: 'custom', path: ['forecast', 'minEvaluationPoints'], message: `must be <= evaluationPoints (${f.evaluationPoints})` });
  if (num(f?.minHistoryHours) && num(f?.historyDays) && f.minHistoryHours > f.historyDays * 24) ctx.addIssue({ code: 'custom', path: ['forecast', 'minHistoryHours'], message: `must be <= historyDays * 24 (${f.historyDays * 24})` });
  const out = g.stepLimits?.out;
  if (num(out?.instances) && num(out?.percent)) {
    if (out.instances === 0 && out.percent === 0) ctx.addIssue({ code: 'custom', path: ['stepLimits', 'out'], message: 'can never scale out: instances and percent are both 0' });
    else if (out.instances === 0 && min === 0) ctx.addIssue({ code: 'custom', path: ['stepLimits', 'out', 'instances'], message: 'must be >= 1 when capacity.min is 0: a percentage of 0 instances is 0, so the group could never leave 0' });
  }
  const inn = g.stepLimits?.in;
  if (num(inn?.instances) && num(inn?.percent) && inn.instances === 0 && Math.floor((max * inn.percent) / 100) < 1) {
    ctx.addIssue({ code: 'custom', path: ['stepLimits', 'in'], message: `can never scale in: instances is 0 and ${inn.percent} % of at most ${max} instances rounds down to 0` });
  }
  const warmMax = g.warmPool?.maxSize;
  if (num(warmMax) && warmMax > max) ctx.addIssue({ code: 'custom', path: ['warmPool', 'maxSize'], message: `must be <= capacity.max (${max}): warm instances past the maximum could never be brought in` });
  (Array.isArray(g.windows) ? g.windows : []).forEach((w, i) => {
    for (const k of ['min', 'max'] as const) {
      const v = w?.capacity?.[k];
      if (num(v) && (v < min || v > max)) ctx.addIssue({ code: 'custom', path: ['windows', i, 'capacity', k], message: `must be within the group bounds ${min}..${max}` });
    }
  });
}, always);

// A group key that names a property of every object (__proto__, constructor, toString) is dropped or mangled
// by plain-object handling (zod's record assigns `result[key]`, and `__proto__` then sets the prototype):
// it is refused by name before the schema runs (prototypeKeyProblems), so it is never silently lost.
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
const groupName = z.string().regex(/^[A-Za-z0-9._-]+$/, 'group names use letters, digits, . _ -');

export const prototypeKeyProblems = (raw: unknown): { readonly problems: string[]; readonly keys: string[] } => {
  const groups = (raw as { groups?: unknown } | null)?.groups;
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) return { problems: [], keys: [] };
  const keys = Object.getOwnPropertyNames(groups).filter((k) => PROTOTYPE_KEYS.has(k));
  return { keys, problems: keys.map((k) => `groups.${k}: is a JavaScript prototype property name; choose another group name`) };
};

const groups = z.record(groupName, group).refine((g) => Object.keys(g).length > 0, 'must name at least one group').superRefine((gs, ctx) => {
  // Two configured groups on one ASG would fight: each run would write one group's plan, then the other's.
  const owner = new Map<string, string>();
  for (const [name, g] of Object.entries(gs)) {
    const asg = g.autoScalingGroupName ?? name;
    const first = owner.get(asg);
    if (first === undefined) owner.set(asg, name);
    else ctx.addIssue({ code: 'custom', path: [name, 'autoScalingGroupName'], message: `Auto Scaling group "${asg}" is already managed by group ${first}: two groups on one ASG would overwrite each other's writes` });
  }
});

export const configSchema = z.strictObject({
  dryRun: z.boolean().default(false),
  groups,
});

/** Validated file -> the core's Config: group keys become names, the ASG name defaults to the key. */
export const toConfig = (parsed: z.output<typeof configSchema>): Config => ({
  dryRun: parsed.dryRun,
  groups: Object.entries(parsed.groups).map(([name, g]): GroupConfig => ({
    ...g, name, autoScalingGroupName: g.autoScalingGroupName ?? name, dryRun: parsed.dryRun || g.dryRun,
  })),
});
