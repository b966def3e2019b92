// bench:scale: onSchedule and replaceUnhealthy together, as EventBridge wakes them every minute, over 250 groups
// against a fake AWS endpoint on loopback with 50 ms latency, without and with the token buckets AWS documents.
// `--root DIR` runs another checkout's handlers (e.g. main) against the same world, for before/after figures.
// Last line: wall time, calls by API, GetMetricData metrics per group-month.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { startFakeAws, tgArn, type Bucket } from './scale-fake-aws';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const GROUPS = Number(arg('groups', '250'));
const LATENCY_MS = Number(arg('latency', '50'));
const ROOT = resolve(arg('root', resolve(__dirname, '..')));
const NOW = Date.parse('2026-03-04T01:00:00Z'); // a Tuesday, 20:00 in New York: outside the shipped night window
const RUNS_PER_MONTH = 30 * 24 * 60;

// ELB documents its non-mutating ("Describe*") bucket as 40 tokens refilled at 10 per second, with mutating
// actions in a bucket of their own (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html).
// EC2 Auto Scaling publishes no numbers; the same shape is assumed for it ("similar"), Describe* and mutating apart.
const THROTTLE: Record<string, Bucket> = {
  'elbv2:describe': { size: 40, refillPerSecond: 10 }, 'elbv2:mutate': { size: 40, refillPerSecond: 10 },
  'autoscaling:describe': { size: 40, refillPerSecond: 10 }, 'autoscaling:mutate': { size: 40, refillPerSecond: 10 },
};

interface Handlers {
  readonly onSchedule: (rt: () => unknown) => (event: unknown) => Promise<unknown>;
  readonly replaceUnhealthy: (rt: () => unknown) => (event: unknown) => Promise<unknown>;
  readonly createAwsCloud: (clients: unknown) => unknown;
  readonly createClients: (o: { region: string; endpoint: string }) => unknown;
  readonly parseConfig: (text: string) => unknown;
}

const load = async (root: string): Promise<Handlers> => ({
  onSchedule: (await import(`${root}/functions/on-schedule.ts`)).makeOnSchedule,
  replaceUnhealthy: (await import(`${root}/functions/replace-unhealthy.ts`)).makeReplaceUnhealthy,
  createAwsCloud: (await import(`${root}/aws/aws-cloud.ts`)).createAwsCloud,
  createClients: (await import(`${root}/aws/clients.ts`)).createClients,
  parseConfig: (await import(`${root}/controller/config.ts`)).parseConfig,
});

/** The root's own shipped group, repeated as g0..gN-1, each on its own ASG and target group. */
const configText = (root: string): string => {
  const shipped = parseYaml(readFileSync(`${root}/config/autoscaler.yaml`, 'utf8')) as { groups: Record<string, Record<string, unknown>> };
  const template = Object.values(shipped.groups)[0]!;
  const groups = Object.fromEntries(Array.from({ length: GROUPS }, (_, i) => [`g${i}`, { ...template, autoScalingGroupName: `g${i}`, targetGroupArns: [tgArn(i)] }]));
  return stringify(JSON.parse(JSON.stringify({ dryRun: false, groups }))); // no YAML aliases: 250 groups share one template
};

const tick = (rule: string) => ({
  version: '0', id: '89d1a02d-5ec7-412e-82f5-13505f849b41', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012',
  time: new Date(NOW).toISOString(), region: 'us-east-1', resources: [`arn:aws:events:us-east-1:123456789012:rule/${rule}`], detail: {},
});

const scenario = async (h: Handlers, throttled: boolean): Promise<string> => {
  const fake = await startFakeAws({ groups: GROUPS, latencyMs: LATENCY_MS, unhealthyEvery: 25, now: NOW, ...(throttled ? { buckets: THROTTLE } : {}) });
  try {
    const outcomes = new Map<string, number>();
    const rt = {
      config: h.parseConfig(configText(ROOT)), cloud: h.createAwsCloud(h.createClients({ region: 'us-east-1', endpoint: fake.endpoint })),
      record: (r: { outcome: string }) => outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1), now: () => NOW, dryRun: false,
    };
    const started = performance.now();
    const results = await Promise.allSettled([h.onSchedule(() => rt)(tick('cinemahint-autoscaler-tick')), h.replaceUnhealthy(() => rt)(tick('cinemahint-autoscaler-health-tick'))]);
    const wall = (performance.now() - started) / 1000;
    const calls = [...fake.calls].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}${fake.throttled.get(k) ? ` (${fake.throttled.get(k)} throttled)` : ''}`).join(', ');
    // The tick reads every minute; the forecast's history once per 5-minute slot per container (aws/request-history.ts).
    const tickMonth = (fake.metrics.requested / GROUPS) * RUNS_PER_MONTH;
    const historyMonth = (fake.metrics.history / GROUPS) * (RUNS_PER_MONTH / 5);
    const perGroupMonth = tickMonth + historyMonth;
    const failed = results.filter((r) => r.status === 'rejected').length;
    return `${throttled ? 'throttled  ' : 'unthrottled'} ${GROUPS} groups, ${LATENCY_MS} ms: wall ${wall.toFixed(1)} s; `
      + `records ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}; functions failed ${failed}/2; calls: ${calls}; `
      + `GetMetricData ${Math.round(perGroupMonth).toLocaleString('en-US')} metrics per group-month ($${(perGroupMonth * 0.00001).toFixed(2)}: `
      + `${Math.round(tickMonth).toLocaleString('en-US')} every minute + ${Math.round(historyMonth).toLocaleString('en-US')} forecast history once a slot)`;
  } finally {
    await fake.close();
  }
};

const main = async (): Promise<void> => {
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  const h = await load(ROOT);
  console.log(`code: ${ROOT}`);
  console.log(await scenario(h, false));
  console.log(await scenario(h, true));
};

void main();
