// The generated resources' rules that packaging alone does not exercise: ambiguous ALB dimensions and bad parameters.
import { join } from 'node:path';
import { allGroupAlarms } from '../../deploy/group-alarms';
import { resourcesFromParams } from '../../deploy/resources';
import { configOf } from '../fixtures/aws-world';
import { shippedConfig } from '../fixtures/shipped';

const ROOT = join(__dirname, '../..');
const web = shippedConfig().groups[0]!;

describe('generated resources', () => {
  it('refuses two groups without ALB ARNs: one pair of dimension parameters cannot stand in for both', () => {
    const ctx = { stage: 'dev', region: 'us-east-1', noDecisionMinutes: 5, albDimension: 'app/a/1', tgDimension: 'targetgroup/t/1',
      config: configOf(web, { ...web, name: 'api', autoScalingGroupName: 'api' }) };
    expect(() => allGroupAlarms(ctx)).toThrow('groups cinemahint-web, api: set targetGroupArns and loadBalancerArn in the config for each');
  });

  it('skips the ALB alarms of a group with no dimensions at all, and keeps its CPU and memory alarms', () => {
    const alarms = allGroupAlarms({ stage: 'dev', region: 'us-east-1', noDecisionMinutes: 5, config: configOf(web) });
    expect(Object.values(alarms).map((a) => a.Properties.AlarmName).sort()).toEqual(['autoscaler-dev-cinemahint-web-cpu-high', 'autoscaler-dev-cinemahint-web-memory-high']);
  });

  it('names a bad noDecisionMinutes parameter', () => {
    expect(() => resourcesFromParams({ stage: 'dev', region: 'us-east-1', config: join(ROOT, 'config/autoscaler.yaml'), noDecisionMinutes: 'soon' }))
      .toThrow('param noDecisionMinutes: must be a whole number of minutes from 1 to 1440, got "soon"');
  });

  it('fails on an invalid config with the controller\'s own path: reason messages', () => {
    expect(() => resourcesFromParams({ stage: 'dev', region: 'us-east-1', config: join(ROOT, 'events/manual-plan.json') })).toThrow(/invalid configuration in .*manual-plan\.json/);
  });

  it('subscribes the paging endpoint only when one is given', () => {
    const base = { stage: 'dev', region: 'us-east-1', config: join(ROOT, 'config/autoscaler.yaml') };
    expect(resourcesFromParams(base).Resources).not.toHaveProperty('PageSubscription');
    expect(resourcesFromParams({ ...base, pageProtocol: 'https', pageEndpoint: 'https://chat.example.com/hook' }).Resources).toHaveProperty('PageSubscription', {
      Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'PageTopic' }, Protocol: 'https', Endpoint: 'https://chat.example.com/hook' },
    });
  });
});
