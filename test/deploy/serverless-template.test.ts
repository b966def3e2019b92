// Packages the service exactly as an operator would (no AWS credentials) and reads the CloudFormation template.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

const ROOT = join(__dirname, '../..');
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'sls-'));
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '' };
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--package', out], { cwd: ROOT, env, stdio: 'pipe', timeout: 120_000 });
  resources = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')).Resources;
}, 150_000);

describe('serverless package', () => {
  it('has the four functions on Node.js arm64, one run at a time each', () => {
    const fns = Object.fromEntries(ofType('AWS::Lambda::Function').map(([, r]) => [r.Properties.Handler, r.Properties]));
    expect(Object.keys(fns).sort()).toEqual(['functions/manual.handler', 'functions/on-alarm.handler', 'functions/on-schedule.handler', 'functions/replace-unhealthy.handler']);
    for (const p of Object.values(fns)) {
      expect(p).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], ReservedConcurrentExecutions: 1 });
    }
  });

  it('wires each function to its events', () => {
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    expect(rules.filter((r) => r.ScheduleExpression === 'rate(1 minute)')).toHaveLength(2);
    const patterns = rules.flatMap((r) => (r.EventPattern ? [r.EventPattern as { detail: { alarmName: unknown[] } }] : []));
    expect(patterns.map((p) => p.detail.alarmName)).toEqual(expect.arrayContaining([[{ prefix: 'autoscaler-' }], [{ suffix: '-unhealthy-hosts' }]]));
    expect(ofType('AWS::SNS::Subscription').map(([, r]) => r.Properties.Protocol)).toEqual(['lambda']);
    expect(ofType('AWS::Lambda::Permission').length).toBeGreaterThanOrEqual(5);
  });

  it('creates the example group\'s alarms: CPU, memory, p90 latency, error-rate metric math, unhealthy hosts', () => {
    const alarms = Object.fromEntries(ofType('AWS::CloudWatch::Alarm').map(([, r]) => [r.Properties.AlarmName, r.Properties]));
    expect(Object.keys(alarms).sort()).toEqual([
      'autoscaler-cinemahint-web-cpu-high', 'autoscaler-cinemahint-web-error-rate-high', 'autoscaler-cinemahint-web-latency-high',
      'autoscaler-cinemahint-web-memory-high', 'autoscaler-cinemahint-web-unhealthy-hosts',
    ]);
    expect(alarms['autoscaler-cinemahint-web-cpu-high']).toMatchObject({ Threshold: 80, MetricName: 'CPUUtilization' });
    expect(alarms['autoscaler-cinemahint-web-memory-high']).toMatchObject({ Threshold: 85, Namespace: 'CWAgent' });
    expect(alarms['autoscaler-cinemahint-web-latency-high']).toMatchObject({ Threshold: 2, ExtendedStatistic: 'p90' });
    expect(alarms['autoscaler-cinemahint-web-error-rate-high']).toMatchObject({ Threshold: 5, Metrics: expect.arrayContaining([expect.objectContaining({ Expression: '100 * FILL(e5xx, 0) / requests' })]) });
  });

  it('sends failed asynchronous invocations to a queue', () => {
    const configs = ofType('AWS::Lambda::EventInvokeConfig').map(([, r]) => r.Properties as { DestinationConfig: { OnFailure: { Destination: unknown } } });
    expect(configs).toHaveLength(3);
    for (const c of configs) expect(c.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': ['FailedInvocations', 'Arn'] });
  });

  it('keeps logs for 30 days', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups).toHaveLength(4);
    for (const [, g] of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('allows no Auto Scaling write without the managed-group tag condition', () => {
    const statements = ofType('AWS::IAM::Role').flatMap(([, r]) =>
      (r.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement));
    const writes = statements.filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith('autoscaling:') && !a.startsWith('autoscaling:Describe')));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) {
      expect([s.Action].flat().some((a) => a.includes('*'))).toBe(false);
      expect(s.Condition?.StringEquals?.['autoscaling:ResourceTag/autoscaler:managed']).toBe('true');
    }
  });
});
