import { decideHealth } from '../../policies/unhealthy';
import { groupConfig, instances, MIN, NOW, snapshot } from '../fixtures/builders';

const policy = groupConfig().health;
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc';
const targets = (states: string[]) => states.map((state, i) => ({ instanceId: `i-${String(i + 1).padStart(8, '0')}`, targetGroupArn: TG, state: state as 'healthy' }));

describe('unhealthy targets', () => {
  it('replaces an unhealthy target past the grace period', () => {
    const d = decideHealth(snapshot({ desired: 4, targets: targets(['healthy', 'unhealthy', 'healthy', 'healthy']) }), policy, NOW, false);
    expect(d.replace).toEqual(['i-00000002']);
    expect(d.reasons.map((r) => r.code)).toEqual(['REPLACE_UNHEALTHY']);
  });

  it('does not replace an instance still inside the grace period (launched 2 min ago, grace 300 s)', () => {
    const insts = instances(4);
    insts[1] = { ...insts[1]!, launchedAt: NOW - 2 * MIN };
    expect(decideHealth(snapshot({ desired: 4, instances: insts, targets: targets(['healthy', 'unhealthy', 'healthy', 'healthy']) }), policy, NOW, false).replace).toEqual([]);
  });

  it('ignores draining and initial targets, and instances the ASG already marked Unhealthy', () => {
    const insts = instances(4);
    insts[3] = { ...insts[3]!, health: 'Unhealthy' };
    expect(decideHealth(snapshot({ desired: 4, instances: insts, targets: targets(['draining', 'initial', 'healthy', 'unhealthy']) }), policy, NOW, false).replace).toEqual([]);
  });

  it('replaces at most one per run, oldest first, and says how many wait', () => {
    const insts = instances(6).map((i, n) => ({ ...i, launchedAt: NOW - (100 - n) * MIN }));
    const d = decideHealth(snapshot({ desired: 6, instances: insts, targets: targets(['healthy', 'unhealthy', 'unhealthy', 'healthy', 'healthy', 'healthy']) }), policy, NOW, false);
    expect(d.replace).toEqual(['i-00000002']);
    expect(d.reasons.map((r) => r.code)).toEqual(['REPLACE_UNHEALTHY', 'REPLACE_LIMITED']);
  });

  it('never takes in-service capacity below the floor: 2 in service, desired 4, floor ceil(50 % * 4) = 2', () => {
    const d = decideHealth(snapshot({ desired: 4, instances: instances(2), targets: targets(['healthy', 'unhealthy']) }), policy, NOW, false);
    expect(d.replace).toEqual([]);
    expect(d.reasons[0]).toMatchObject({ code: 'REPLACE_LIMITED', data: { floor: 2, inService: 2 } });
  });

  it('opens the breaker when more than 50 % are unhealthy (3 of 4) and replaces nothing', () => {
    const d = decideHealth(snapshot({ desired: 4, targets: targets(['unhealthy', 'unhealthy', 'unhealthy', 'healthy']) }), policy, NOW, false);
    expect(d).toMatchObject({ replace: [], breakerOpen: true, reasons: [{ code: 'BREAKER_OPEN', data: { unhealthy: 3, inService: 4, sharePercent: 75 } }] });
  });

  it('treats unhealthy targets on a saturated group as overloaded: scale out, replace nothing', () => {
    const d = decideHealth(snapshot({ desired: 4, targets: targets(['unhealthy', 'unhealthy', 'unhealthy', 'healthy']) }), policy, NOW, true);
    expect(d).toMatchObject({ replace: [], overloaded: 3, breakerOpen: false, reasons: [{ code: 'SCALE_OUT_OVERLOADED_UNHEALTHY' }] });
  });
});
