// A fake AWS endpoint on loopback for bench:scale: Auto Scaling and ELBv2 over the query protocol (form body,
// XML answers), CloudWatch GetMetricData over JSON 1.0, each request delayed by a fixed latency and, optionally,
// throttled by per-service token buckets as AWS documents them. It serves a world of N groups.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Bucket { readonly size: number; readonly refillPerSecond: number }
export interface FakeAwsOptions {
  readonly groups: number;
  readonly latencyMs: number;
  /** Keyed `<service>:<describe|mutate>`, e.g. `elbv2:describe`; absent: no throttling. */
  readonly buckets?: Readonly<Record<string, Bucket>>;
  /** Every n-th group has one unhealthy target (exercises DescribeTargetHealth and SetInstanceHealth). */
  readonly unhealthyEvery: number;
  readonly now: number;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly calls: Map<string, number>;
  readonly throttled: Map<string, number>;
  /** MetricStat queries GetMetricData was asked for (what CloudWatch bills: $0.01 per 1,000 metrics). */
  /** Billed metrics asked for: the tick's 1-minute reads, and the forecast's 5-minute history reads apart. */
  readonly metrics: { requested: number; history: number };
  close(): Promise<void>;
}

const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
export const tgArn = (i: number): string => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/g${i}/${String(i).padStart(16, '0')}`;
const instanceId = (g: number, k: number): string => `i-${(g * 16 + k).toString(16).padStart(17, '0')}`;
const iso = (t: number): string => new Date(t).toISOString();
const xmlOk = (action: string, ns: string, result: string): string =>
  `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`;
const members = (items: readonly string[]): string => items.map((x) => `<member>${x}</member>`).join('');
const ASG_NS = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';
const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

const groupIndex = (name: string): number => Number(/^g(\d+)$/.exec(name)?.[1] ?? -1);
const listParam = (form: URLSearchParams, prefix: string): string[] =>
  [...form.entries()].filter(([k]) => k.startsWith(`${prefix}.member.`)).map(([, v]) => v);

const body = (req: IncomingMessage): Promise<string> => new Promise((resolve) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
});

export const startFakeAws = async (o: FakeAwsOptions): Promise<FakeAws> => {
  const calls = new Map<string, number>();
  const metrics = { requested: 0, history: 0 };
  const throttled = new Map<string, number>();
  const tokens = new Map<string, { level: number; at: number }>();
  const take = (key: string): boolean => {
    const b = o.buckets?.[key];
    if (!b) return true;
    const now = performance.now();
    const t = tokens.get(key) ?? { level: b.size, at: now };
    t.level = Math.min(b.size, t.level + ((now - t.at) / 1000) * b.refillPerSecond);
    t.at = now;
    tokens.set(key, t);
    if (t.level < 1) return false;
    t.level -= 1;
    return true;
  };
  const unhealthy = (g: number): boolean => g % o.unhealthyEvery === 0;
  const launched = o.now - 3600_000;

  const asgXml = (g: number): string => `<member><AutoScalingGroupName>g${g}</AutoScalingGroupName><MinSize>2</MinSize><MaxSize>10</MaxSize>`
    + `<DesiredCapacity>3</DesiredCapacity><DefaultCooldown>300</DefaultCooldown><AvailabilityZones>${members(['us-east-1a'])}</AvailabilityZones>`
    + `<HealthCheckType>ELB</HealthCheckType><HealthCheckGracePeriod>300</HealthCheckGracePeriod><CreatedTime>2020-01-01T00:00:00Z</CreatedTime>`
    + `<TargetGroupARNs>${members([tgArn(g)])}</TargetGroupARNs><Instances>${[0, 1, 2].map((k) => `<member><InstanceId>${instanceId(g, k)}</InstanceId>`
      + `<LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus><AvailabilityZone>us-east-1a</AvailabilityZone>`
      + '<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>').join('')}</Instances><Tags></Tags></member>`;

  const query = (service: 'autoscaling' | 'elbv2', action: string, form: URLSearchParams): string => {
    if (service === 'autoscaling') {
      switch (action) {
        case 'DescribeAutoScalingGroups':
          return xmlOk(action, ASG_NS, `<AutoScalingGroups>${listParam(form, 'AutoScalingGroupNames').map(groupIndex).filter((g) => g >= 0 && g < o.groups).map(asgXml).join('')}</AutoScalingGroups>`);
        case 'DescribeScalingActivities': {
          const g = groupIndex(form.get('AutoScalingGroupName') ?? '');
          return xmlOk(action, ASG_NS, `<Activities>${[0, 1, 2].map((k) => `<member><ActivityId>a${g}-${k}</ActivityId><AutoScalingGroupName>g${g}</AutoScalingGroupName>`
            + `<Cause>bench</Cause><StartTime>${iso(launched)}</StartTime><EndTime>${iso(launched + 60_000)}</EndTime><StatusCode>Successful</StatusCode>`
            + `<Description>Launching a new EC2 instance: ${instanceId(g, k)}</Description><Progress>100</Progress></member>`).join('')}</Activities>`);
        }
        default: // SetDesiredCapacity, UpdateAutoScalingGroup, SetInstanceHealth, tags: accepted
          return `<${action}Response xmlns="${ASG_NS}"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`;
      }
    }
    if (action === 'DescribeTargetGroups') {
      return xmlOk(action, ELB_NS, `<TargetGroups>${listParam(form, 'TargetGroupArns').map((arn) => `<member><TargetGroupArn>${arn}</TargetGroupArn>`
        + `<LoadBalancerArns>${members([LB])}</LoadBalancerArns><Protocol>HTTP</Protocol><Port>80</Port></member>`).join('')}</TargetGroups>`);
    }
    const g = Number(/targetgroup\/g(\d+)\//.exec(form.get('TargetGroupArn') ?? '')?.[1] ?? -1);
    return xmlOk(action, ELB_NS, `<TargetHealthDescriptions>${[0, 1, 2].map((k) => `<member><Target><Id>${instanceId(g, k)}</Id><Port>80</Port></Target>`
      + `<HealthCheckPort>80</HealthCheckPort><TargetHealth><State>${unhealthy(g) && k === 0 ? 'unhealthy' : 'healthy'}</State></TargetHealth></member>`).join('')}</TargetHealthDescriptions>`);
  };

  type Query = { Id: string; ReturnData?: boolean; Expression?: string; MetricStat?: { Period?: number; Metric: { MetricName: string; Dimensions?: { Name: string; Value: string }[] } } };
  const getMetricData = (input: { MetricDataQueries: Query[]; EndTime: number }): string => {
    for (const q of input.MetricDataQueries) if (q.MetricStat) metrics[q.MetricStat.Period === 300 ? 'history' : 'requested'] += 1;
    const at = [input.EndTime - 180, input.EndTime - 120]; // seconds: CloudWatch's two-minute delay
    const value = (q: Query): number => {
      const name = q.MetricStat?.Metric.MetricName ?? q.Id.replace(/^g\d+_/, '');
      const g = Number(/^g(\d+)_/.exec(q.Id)?.[1] ?? 0);
      const tg = q.MetricStat?.Metric.Dimensions?.find((d) => d.Name === 'TargetGroup')?.Value ?? '';
      const byTg = Number(/targetgroup\/g(\d+)\//.exec(`/${tg}`)?.[1] ?? g);
      return ({ CPUUtilization: 91, mem_used_percent: 60, UnHealthyHostCount: unhealthy(byTg) ? 1 : 0, latency: 0.3, errorRate: 0.5, requests: 3000 } as Record<string, number>)[name] ?? 0;
    };
    return JSON.stringify({ MetricDataResults: input.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) => ({ Id: q.Id, Label: q.Id, StatusCode: 'Complete', Timestamps: at, Values: at.map(() => value(q)) })) });
  };

  const server: Server = createServer((req, res) => void (async () => {
    const text = await body(req);
    const target = req.headers['x-amz-target'];
    let service: string;
    let action: string;
    let form = new URLSearchParams();
    if (typeof target === 'string') {
      service = 'cloudwatch';
      action = target.split('.').pop() ?? '';
    } else {
      form = new URLSearchParams(text);
      service = form.get('Version') === '2015-12-01' ? 'elbv2' : 'autoscaling';
      action = form.get('Action') ?? '';
    }
    const key = `${service}:${/^(Describe|Get|List)/.test(action) ? 'describe' : 'mutate'}`;
    calls.set(action, (calls.get(action) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, o.latencyMs));
    if (!take(key)) {
      throttled.set(action, (throttled.get(action) ?? 0) + 1);
      const code = service === 'elbv2' ? 'ThrottlingException' : 'Throttling';
      res.writeHead(400, { 'content-type': 'text/xml' });
      res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
      return;
    }
    if (service === 'cloudwatch') {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(getMetricData(JSON.parse(text)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(query(service as 'autoscaling' | 'elbv2', action, form));
  })());
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`, calls, throttled, metrics,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
};
