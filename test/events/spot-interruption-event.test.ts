import { EventParseError } from '../../controller/errors';
import { parseSpotEvent } from '../../events/spot-interruption-event';
import malformed from '../../events/malformed-spot-no-instance.json';
import rebalance from '../../events/rebalance-recommendation.json';
import warning from '../../events/spot-interruption-warning.json';

describe('spot at-risk events', () => {
  it('reads an EC2 Spot Instance Interruption Warning as an interruption of its instance, with the action', () => {
    expect(parseSpotEvent(warning)).toEqual({
      instanceId: 'i-00000002', kind: 'interruption', action: 'terminate', at: Date.UTC(2025, 5, 16, 12, 0), region: 'eu-west-1',
    });
  });

  it('reads an EC2 Instance Rebalance Recommendation as a rebalance of its instance', () => {
    expect(parseSpotEvent(rebalance)).toEqual({ instanceId: 'i-00000003', kind: 'rebalance', at: Date.UTC(2025, 5, 16, 11, 55), region: 'eu-west-1' });
  });

  it('names each problem of a malformed event: no instance id, an action EC2 does not send', () => {
    // Act
    let error: unknown;
    try { parseSpotEvent(malformed); } catch (e) { error = e; }
    // Assess
    expect(error).toBeInstanceOf(EventParseError);
    const problems = (error as EventParseError).problems.join('\n');
    expect(problems).toContain('event.detail.instance-id');
    expect(problems).toContain('event.detail.instance-action');
  });

  it.each([
    ['another source', { ...warning, source: 'aws.autoscaling' }, 'event.source'],
    ['another detail-type', { ...warning, 'detail-type': 'EC2 Instance State-change Notification' }, 'event.detail-type'],
    ['an id that is not an instance id', { ...rebalance, detail: { 'instance-id': 'sir-1234' } }, 'event.detail.instance-id'],
  ])('rejects %s', (_what, raw, path) => {
    expect(() => parseSpotEvent(raw)).toThrow(EventParseError);
    expect(() => parseSpotEvent(raw)).toThrow(path);
  });
});
