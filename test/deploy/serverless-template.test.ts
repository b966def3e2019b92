// Packages the service exactly as the README says (no AWS credentials) and reads the CloudFormation templates:
// dev and prod share no physical name; a two-group config gets every group's alarms with the config's thresholds.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../controller/config';
import { parsePackagedConfig } from '../../controller/packaged-config';
import { METRIC_NAMESPACE } from '../../functions/metric-names';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
type Resources = Record<string, Resource>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FUNCTIONS = ['onAlarm', 'onSchedule', 'replaceUnhealthy', 'onSpotInterruption', 'manual'];

/** The README's `npx serverless package ...` lines, as argument lists (quotes removed as a shell would). */
const readmePackageCommands = (): string[][] =>
  README.split('\n').filter((l) => l.startsWith('npx serverless package ')).map((l) =>
    (l.replace(/\s+#.*$/, '').match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []).map((a) => a.replace(/"([^"]*)"|'([^']*)'/g, '$1$2')).slice(2));

/**
 * A working copy of the project for one package run: its files copied (osls wants a real serverless.yml), its folders
 * linked, and none of the build state one run leaves for the next (.esbuild/, .serverless/, dist/). Three copies let
 * the three packages run side by side; in one directory they would overwrite each other's bundles and config.json.
 */
const BUILD_STATE = new Set(['.esbuild', '.serverless', 'dist', '.git', 'reports', 'coverage']);
const copies: string[] = [];
const workingCopy = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sls-copy-'));
  copies.push(dir);
  for (const e of readdirSync(ROOT, { withFileTypes: true })) {
    if (BUILD_STATE.has(e.name)) continue;
    if (e.isDirectory()) symlinkSync(join(ROOT, e.name), join(dir, e.name), 'dir');
    else copyFileSync(join(ROOT, e.name), join(dir, e.name));
  }
  return dir;
};

const pack = async (args: readonly string[]): Promise<{ dir: string; resources: Resources }> => {
  const dir = mkdtempSync(join(tmpdir(), 'sls-'));
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '' };
  const cwd = workingCopy();
  await promisify(execFile)(join(cwd, 'node_modules/.bin/serverless'), [...args, '--package', dir], { cwd, env, timeout: 240_000 });
  return { dir, resources: JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')).Resources };
};

let dev: { dir: string; resources: Resources };
let prod: { dir: string; resources: Resources };
let two: { dir: string; resources: Resources };

beforeAll(async () => {
  const commands = readmePackageCommands();
  const devArgs = commands.find((c) => c.includes('dev'))!;
  // Side by side: a package run waits on its bundler and the disk for about half its time.
  [dev, prod, two] = await Promise.all([
    pack(devArgs), pack(commands.find((c) => c.includes('prod'))!), pack([...devArgs, '--param=config=test/fixtures/two-groups.yaml']),
  ]);
}, 600_000);

// rm does not follow the links: only the copy's own files and build state go.
afterAll(() => { for (const c of copies) rmSync(c, { recursive: true, force: true }); });

const ofType = (r: Resources, type: string) => Object.entries(r).filter(([, x]) => x.Type === type);
const alarmsOf = (r: Resources): Record<string, Record<string, unknown>> =>
  Object.fromEntries(ofType(r, 'AWS::CloudWatch::Alarm').map(([id, x]) => [x.Properties.AlarmName as string, { id, ...x.Properties }]));

const NAME_KEYS = ['AlarmName', 'QueueName', 'TopicName', 'Name', 'DashboardName', 'FunctionName', 'LogGroupName', 'RoleName'];
const physicalNames = (r: Resources): string[] =>
  Object.values(r).flatMap((x) => NAME_KEYS.map((k) => x.Properties?.[k]).filter((v): v is string => typeof v === 'string'));

describe('serverless package, as the README runs it', () => {
  it('runs the README\'s dev and prod package commands, with --param flags only', () => {
    const commands = readmePackageCommands();
    expect(commands.map((c) => c[c.indexOf('--stage') + 1])).toEqual(['dev', 'prod']);
    for (const c of commands) expect(c.filter((a) => a.startsWith('--') && !['--stage', '--region'].includes(a) && !a.startsWith('--param='))).toEqual([]);
    expect(ofType(prod.resources, 'AWS::SNS::Subscription').map(([, x]) => x.Properties)).toContainEqual(expect.objectContaining({ Protocol: 'email', Endpoint: 'oncall@example.com' }));
  });

  it('ticks once a minute (onSchedule), and wakes replaceUnhealthy only on this stage\'s unhealthy-host alarms', () => {
    const rules = ofType(dev.resources, 'AWS::Events::Rule').map(([, r]) => r.Properties);
    expect(rules.filter((r) => r.ScheduleExpression === 'rate(1 minute)').map((r) => r.Name)).toEqual(['cinemahint-autoscaler-dev-tick']);
  });

  it('shares no physical name between dev and prod, and every name carries its stage', () => {
    const d = physicalNames(dev.resources);
    const p = physicalNames(prod.resources);
    expect(d.length).toBeGreaterThan(20);
    expect(d.filter((n) => p.includes(n))).toEqual([]);
    for (const n of d) expect(n).toMatch(/(^|[-/])dev([-/]|$)/);
    for (const n of p) expect(n).toMatch(/(^|[-/])prod([-/]|$)/);
    const patterns = (r: Resources) => ofType(r, 'AWS::Events::Rule').flatMap(([, x]) => (x.Properties.EventPattern ? [JSON.stringify(x.Properties.EventPattern)] : []));
    // The spot rule carries no stage: EC2's signals name no alarm or group; the handler keeps to the configured groups.
    const spotRule = expect.stringContaining('"source":["aws.ec2"]');
    expect(patterns(dev.resources)).toEqual([expect.stringContaining('{"prefix":"autoscaler-dev-"}'), expect.stringContaining('{"wildcard":"autoscaler-dev-*-unhealthy-hosts"}'), spotRule]);
    expect(patterns(prod.resources)).toEqual([expect.stringContaining('{"prefix":"autoscaler-prod-"}'), expect.stringContaining('{"wildcard":"autoscaler-prod-*-unhealthy-hosts"}'), spotRule]);
  });

  it('has the five functions on Node.js arm64, one run at a time each, told their stage and metric namespace', () => {
    const fns: Record<string, Record<string, unknown>> = Object.fromEntries(ofType(dev.resources, 'AWS::Lambda::Function').map(([, r]) => [r.Properties.Handler, r.Properties]));
    expect(Object.keys(fns).sort()).toEqual(['functions/manual.handler', 'functions/on-alarm.handler', 'functions/on-schedule.handler', 'functions/on-spot-interruption.handler', 'functions/replace-unhealthy.handler']);
    for (const p of Object.values(fns)) {
      expect(p).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], ReservedConcurrentExecutions: 1 });
      expect((p.Environment as { Variables: Record<string, string> }).Variables).toMatchObject({
        AUTOSCALER_STAGE: 'dev', AUTOSCALER_ALARM_PREFIX: 'autoscaler-dev', AUTOSCALER_CONFIG: 'dist/config.json', POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE, POWERTOOLS_LOG_LEVEL: 'INFO',
      });
    }
  });

  it('ships each function in a zip of at most 300 KB, its bundle and the packaged JSON config, with its source map beside it rather than in it', () => {
    const zips = readdirSync(dev.dir).filter((f) => f.endsWith('.zip'));
    const maps = readdirSync(join(dev.dir, 'sourcemaps')).sort();
    expect(maps).toEqual(['manual.js.map', 'on-alarm.js.map', 'on-schedule.js.map', 'on-spot-interruption.js.map', 'replace-unhealthy.js.map']);
    for (const m of maps) expect(JSON.parse(readFileSync(join(dev.dir, 'sourcemaps', m), 'utf8'))).not.toHaveProperty('sourcesContent');
    expect(zips.sort()).toEqual(['manual.zip', 'onAlarm.zip', 'onSchedule.zip', 'onSpotInterruption.zip', 'replaceUnhealthy.zip']);
    for (const z of zips) {
      expect(statSync(join(dev.dir, z)).size).toBeLessThanOrEqual(300 * 1024);
      expect(execFileSync('unzip', ['-Z1', join(dev.dir, z)]).toString().trim().split('\n').sort()).toEqual(['dist/config.json', expect.stringMatching(/^functions\/[a-z-]+\.js$/)]);
    }
  });

  it('bundles neither the YAML parser, nor the SDK\'s profile, SSO and instance-metadata credential chain, nor its event-stream codec', () => {
    for (const z of readdirSync(dev.dir).filter((f) => f.endsWith('.zip'))) {
      // Act
      const bundle = execFileSync('unzip', ['-p', join(dev.dir, z), 'functions/*.js']).toString();
      // Assess: keepNames keeps these class and function names wherever their code is bundled.
      expect(bundle.length).toBeGreaterThan(100_000);
      expect(bundle).not.toMatch(/YAMLParseError|fromIni|fromSSO/);
      // The event-stream codec is aliased to a stub (aws/no-event-streams.ts): its one dynamic import() wrapped
      // ~160 modules in lazy initialisers, compiled twice at every cold start.
      expect(bundle).not.toContain('EventStreamCodec');
      expect(bundle).toContain('EventStreamsNotBundledError');
    }
  });

  it('packages the config that --param=config names, validated, as the JSON every zip carries', () => {
    // Prepare
    const expected = loadConfig(join(ROOT, 'test/fixtures/two-groups.yaml'));
    for (const z of readdirSync(two.dir).filter((f) => f.endsWith('.zip'))) {
      // Act
      const text = execFileSync('unzip', ['-p', join(two.dir, z), 'dist/config.json']).toString();
      // Assess
      expect(parsePackagedConfig(text, z)).toEqual(expected);
    }
  });

  it('wakes onSpotInterruption on EC2\'s two at-risk signals, and lets it write only its own at-risk tag', () => {
    const rules = ofType(dev.resources, 'AWS::Events::Rule').map(([, r]) => r.Properties as { EventPattern?: Record<string, unknown>; Targets: { Arn: unknown }[] });
    const spot = rules.find((r) => JSON.stringify(r.EventPattern ?? {}).includes('aws.ec2'))!;
    expect(spot.EventPattern).toEqual({ source: ['aws.ec2'], 'detail-type': ['EC2 Spot Instance Interruption Warning', 'EC2 Instance Rebalance Recommendation'] });
    expect(JSON.stringify(spot.Targets)).toContain('OnSpotInterruptionLambdaFunction');
    const statements = ofType(dev.resources, 'AWS::IAM::Role').flatMap(([, r]) =>
      (r.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement));
    const tagging = statements.find((s) => [s.Action].flat().includes('autoscaling:CreateOrUpdateTags'))!;
    expect(tagging.Condition?.['ForAllValues:StringEquals']?.['aws:TagKeys']).toContain('autoscaler:at-risk');
    // Its reads: which group the instance is in, then that group (the manual plan also reads the warm pool).
    const reads = statements.find((s) => [s.Action].flat().includes('autoscaling:DescribeAutoScalingInstances'))!;
    expect([reads.Action].flat()).toEqual(expect.arrayContaining(['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeWarmPool']));
    expect(reads.Effect).toBe('Allow');
    const writes = statements.find((s) => [s.Action].flat().includes('autoscaling:PutWarmPool'))!;
    // SetDesiredCapacity (the replacement) and the warm-pool writes stay behind the managed-group tag condition.
    expect(writes.Condition?.StringEquals?.['autoscaling:ResourceTag/autoscaler:managed']).toBe('true');
    expect([writes.Action].flat()).toEqual(expect.arrayContaining(['autoscaling:SetDesiredCapacity', 'autoscaling:PutWarmPool', 'autoscaling:DeleteWarmPool', 'autoscaling:UpdateAutoScalingGroup']));
  });

  it('sends failed asynchronous invocations to the stage\'s queue', () => {
    const configs = ofType(dev.resources, 'AWS::Lambda::EventInvokeConfig').map(([, r]) => r.Properties as { DestinationConfig: { OnFailure: { Destination: unknown } } });
    expect(configs).toHaveLength(4);
    for (const c of configs) expect(c.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': ['FailedInvocations', 'Arn'] });
    expect(dev.resources.FailedInvocations!.Properties.QueueName).toBe('cinemahint-autoscaler-dev-failed-invocations');
  });

  it('keeps logs for 30 days', () => {
    const groups = ofType(dev.resources, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(5);
    for (const [, g] of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('allows no Auto Scaling write without the managed-group tag condition', () => {
    const statements = ofType(dev.resources, 'AWS::IAM::Role').flatMap(([, r]) =>
      (r.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement));
    const writes = statements.filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith('autoscaling:') && !a.startsWith('autoscaling:Describe')));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) {
      expect([s.Action].flat().some((a) => a.includes('*'))).toBe(false);
      expect(s.Condition?.StringEquals?.['autoscaling:ResourceTag/autoscaler:managed']).toBe('true');
    }
  });
});

describe('alarms generated from the config', () => {
  const config = loadConfig(join(ROOT, 'test/fixtures/two-groups.yaml'));
  const alarms = () => alarmsOf(two.resources);
  // The pattern controller/alarm-group.ts maps back to a group, behind the stage's prefix.
  const GROUP_ALARM = /^autoscaler-dev-(.+)-(?:(?:cpu|memory|latency|error-rate)-high|unhealthy-hosts)$/;

  it('creates every configured group\'s alarms, named <prefix>-<group>-<metric>-high', () => {
    const names = Object.keys(alarms()).filter((n) => GROUP_ALARM.test(n)).sort();
    expect(names).toEqual([
      'autoscaler-dev-api-cpu-high', 'autoscaler-dev-api-latency-high', 'autoscaler-dev-api-unhealthy-hosts',
      'autoscaler-dev-web-cpu-high', 'autoscaler-dev-web-error-rate-high', 'autoscaler-dev-web-latency-high', 'autoscaler-dev-web-memory-high', 'autoscaler-dev-web-unhealthy-hosts',
    ]);
    for (const n of names) expect(config.groups.map((g) => g.name)).toContain(GROUP_ALARM.exec(n)![1]);
  });

  it('sets every threshold to the config\'s, on each group\'s own ASG or target group', () => {
    const a = alarms();
    for (const g of config.groups) {
      const p = g.policies;
      if (p.cpu) expect(a[`autoscaler-dev-${g.name}-cpu-high`]).toMatchObject({ Threshold: p.cpu.alarm, MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: g.autoScalingGroupName }] });
      if (p.memory) expect(a[`autoscaler-dev-${g.name}-memory-high`]).toMatchObject({ Threshold: p.memory.alarm, Namespace: 'CWAgent' });
      if (p.latency) expect(a[`autoscaler-dev-${g.name}-latency-high`]).toMatchObject({ Threshold: p.latency.ceilingSeconds, ExtendedStatistic: p.latency.percentile });
      if (p.errorRate) expect(a[`autoscaler-dev-${g.name}-error-rate-high`]).toMatchObject({ Threshold: p.errorRate.ceilingPercent, Metrics: expect.arrayContaining([expect.objectContaining({ Expression: '100 * FILL(e5xx, 0) / requests' })]) });
    }
    expect(a['autoscaler-dev-api-latency-high']!.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: 'app/cinemahint-api/50dc6c495c0c9188' }, { Name: 'TargetGroup', Value: 'targetgroup/cinemahint-api/73e2d6bc24d8a067' },
    ]);
    expect(a['autoscaler-dev-web-latency-high']!.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: 'app/cinemahint/50dc6c495c0c9188' }, { Name: 'TargetGroup', Value: 'targetgroup/cinemahint-web/6d0ecf831eec9f09' },
    ]);
  });

  it('creates the shipped group\'s five alarms from config/autoscaler.yaml', () => {
    expect(Object.keys(alarmsOf(dev.resources)).filter((n) => GROUP_ALARM.test(n)).sort()).toEqual([
      'autoscaler-dev-cinemahint-web-cpu-high', 'autoscaler-dev-cinemahint-web-error-rate-high', 'autoscaler-dev-cinemahint-web-latency-high',
      'autoscaler-dev-cinemahint-web-memory-high', 'autoscaler-dev-cinemahint-web-unhealthy-hosts',
    ]);
  });
});

describe('paging, dashboard and saved queries', () => {
  const page = [{ Ref: 'PageTopic' }];

  it('pages the people topic on a queued failure, each function\'s errors and throttles, and no decision for N minutes', () => {
    const a = alarmsOf(prod.resources);
    expect(prod.resources.PageTopic!.Properties.TopicName).toBe('cinemahint-autoscaler-prod-page');
    expect(a['cinemahint-autoscaler-prod-failed-invocations']).toMatchObject({
      AlarmActions: page, Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['FailedInvocations', 'QueueName'] } }],
    });
    for (const fn of FUNCTIONS) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(a[`cinemahint-autoscaler-prod-${fn}-${metric.toLowerCase()}`]).toMatchObject({
          AlarmActions: page, Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: `${fn[0]!.toUpperCase()}${fn.slice(1)}LambdaFunction` } }],
        });
      }
    }
    expect(a['cinemahint-autoscaler-prod-no-decision']).toMatchObject({
      AlarmActions: page, Namespace: METRIC_NAMESPACE, MetricName: 'GroupsDecided', Dimensions: [{ Name: 'service', Value: 'cinemahint-autoscaler' }, { Name: 'stage', Value: 'prod' }],
      Statistic: 'Sum', Period: 60, EvaluationPeriods: 5, Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching',
    });
    // The controller's own alarms must not wake the controller.
    for (const n of Object.keys(a).filter((x) => x.startsWith('cinemahint-'))) expect(n.startsWith('autoscaler-prod-')).toBe(false);
  });

  it('builds a dashboard on the controller\'s metrics, with panels for every configured group', () => {
    const [[, d]] = ofType(two.resources, 'AWS::CloudWatch::Dashboard') as [[string, Resource]];
    expect(d.Properties.DashboardName).toBe('cinemahint-autoscaler-dev');
    const body = JSON.parse(d.Properties.DashboardBody as string) as { widgets: { properties: { metrics?: unknown[][] } }[] };
    const metrics = body.widgets.flatMap((w) => w.properties.metrics ?? []).map((m) => m.filter((x) => typeof x === 'string').join(' '));
    for (const g of ['web', 'api']) {
      for (const name of ['DesiredBefore', 'DesiredAfter', 'Changed', 'Replaced', 'Failed', 'BreakerOpen']) {
        expect(metrics).toContain(`${METRIC_NAMESPACE} ${name} service cinemahint-autoscaler stage dev group ${g}`);
      }
    }
    expect(metrics).toContain(`${METRIC_NAMESPACE} GroupsDecided service cinemahint-autoscaler stage dev`);
    for (const fn of FUNCTIONS) expect(metrics).toContain(`AWS/Lambda Errors FunctionName cinemahint-autoscaler-dev-${fn}`);
  });

  it('saves "why did group X scale" for every group and "every failure" over the five functions\' logs', () => {
    const queries: Record<string, Record<string, unknown>> = Object.fromEntries(ofType(two.resources, 'AWS::Logs::QueryDefinition').map(([, q]) => [q.Properties.Name, q.Properties]));
    expect(Object.keys(queries).sort()).toEqual(['cinemahint-autoscaler-dev/every-failure', 'cinemahint-autoscaler-dev/why-did-api-scale', 'cinemahint-autoscaler-dev/why-did-web-scale']);
    for (const q of Object.values(queries)) expect(q.LogGroupNames).toEqual(FUNCTIONS.map((fn) => `/aws/lambda/cinemahint-autoscaler-dev-${fn}`));
    expect(queries['cinemahint-autoscaler-dev/why-did-api-scale']!.QueryString).toContain("filter group = 'api' and action != 'hold'");
    expect(queries['cinemahint-autoscaler-dev/every-failure']!.QueryString).toContain("level = 'ERROR' or outcome = 'failed'");
  });
});
