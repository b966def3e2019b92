import fc from 'fast-check';
import { decide } from '../../policies/decide';
import { readMetrics } from '../../policies/metric-readings';
import { recommend } from '../../policies/recommend';
import { confirmScaleOut } from '../../policies/scale-out-window';
import { inputsArb } from '../fixtures/arbitraries';
import { flat, groupConfig, MIN, NOW, snapshot } from '../fixtures/builders';

const cpuOnly = (scaleOutSeconds: number) =>
  groupConfig({ stabilization: { scaleInSeconds: 300, scaleOutSeconds }, policies: { cpu: { target: 60, alarm: 80 } } });
// CPU per minute, oldest first, ending at NOW.
const cpu = (...values: number[]) => values.map((v, i) => ({ t: NOW - (values.length - 1 - i) * MIN, v }));

describe('scale-out stabilization window (HPA behavior.scaleUp.stabilizationWindowSeconds)', () => {
  it('reads the smallest value from the newest datapoint back over the window, both ends included', () => {
    // Prepare: 50, 70, 65, 90 a minute apart; 120 s back from the newest takes 70, 65, 90.
    const config = cpuOnly(120);
    // Act
    const r = readMetrics({ cpu: cpu(50, 70, 65, 90), memory: [], latency: [], errorRate: [], requests: [] }, config, NOW, 3);
    // Assess
    expect(r.latest.cpu).toBe(90);
    expect(r.confirmed.cpu).toBe(65);
  });

  it('anchors the window on the newest datapoint, not on now: CloudWatch publishes minutes late', () => {
    // Prepare: the newest datapoint is 3 minutes old; 60 s back from it takes 66 and 72, not nothing.
    const config = cpuOnly(60);
    const late = cpu(40, 66, 72).map((p) => ({ t: p.t - 3 * MIN, v: p.v }));
    // Act
    const r = readMetrics({ cpu: late, memory: [], latency: [], errorRate: [], requests: [] }, config, NOW, 3);
    // Assess
    expect(r.confirmed.cpu).toBe(66);
  });

  it('holds a one-minute spike: 90 % after 55 % with a 120 s window is within 10 % of 60 %', () => {
    // Prepare
    const s = snapshot({ cpu: [...flat(55, 9, NOW - MIN), { t: NOW, v: 90 }] });
    // Act
    const plan = decide(s, cpuOnly(120), NOW);
    // Assess
    expect(plan.desired).toBeUndefined();
    expect(plan.reasons.map((r) => r.code)).toContain('VOTE_SCALE_OUT_UNCONFIRMED');
  });

  it('scales out to the smallest recommendation when the rise held: 72, 80, 96 on 3 ready -> ceil(3 * 72 / 60) = 4', () => {
    // Prepare: on the latest alone it would be ceil(3 * 96 / 60) = 5.
    const s = snapshot({ cpu: cpu(40, 40, 72, 80, 96) });
    // Act
    const plan = decide(s, cpuOnly(120), NOW);
    // Assess
    expect(plan.desired).toBe(4);
    expect(plan.reasons[0]!.code).toBe('SCALE_OUT_CPU');
    expect(plan.reasons[0]!.message).toContain('120 s scale-out window is 72');
  });

  it('changes nothing with a window of 0 s, the default (HPA scales up on its latest recommendation)', () => {
    // Prepare
    const s = snapshot({ cpu: cpu(40, 40, 72, 80, 96) });
    // Act
    const plan = decide(s, cpuOnly(0), NOW);
    // Assess: ceil(3 * 96 / 60) = 5.
    expect(plan.desired).toBe(5);
  });

  it('leaves every vote that is not a scale-out alone', () => {
    // Prepare: CPU 30 % votes in on the latest; its confirmed twin would say the same.
    const config = cpuOnly(120);
    const latest = recommend(config, { cpu: 30 }, 4, 4);
    // Act
    const out = confirmScaleOut(latest, recommend(config, { cpu: 10 }, 4, 4), config, 4);
    // Assess
    expect(out).toEqual(latest);
  });

  it('never scales out further than the same decision without the window (fast-check, 1,000 runs)', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot: s, config, now }) => {
      const withWindow = decide(s, { ...config, stabilization: { ...config.stabilization, scaleOutSeconds: 120 } }, now);
      const without = decide(s, { ...config, stabilization: { ...config.stabilization, scaleOutSeconds: 0 } }, now);
      const after = (p: typeof withWindow) => p.desired ?? p.current.desired;
      // A window can only take capacity away from a scale-out; it never adds, and never turns a hold into a launch.
      return after(withWindow) <= Math.max(after(without), s.group.desired);
    }), { numRuns: 1000 });
  });
});
