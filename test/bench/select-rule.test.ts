import { CANDIDATES, candidateConfig, candidateName, choose, FORECAST_ON, median, score, type TraceFigures } from '../../bench/select-rule';
import { groupConfig } from '../fixtures/builders';

const fig = (trace: string, sloMinutes: number, bar: number, costUsd: number, cheapestUsd: number): TraceFigures => ({ trace, sloMinutes, bar, costUsd, cheapestUsd });

describe('config selection rule', () => {
  it('tries every utilisation with the forecast off and on, each scale-out window and each scale-in window, one config for all traces', () => {
    expect(CANDIDATES.map(candidateName)).toEqual([60, 65, 70, 75].flatMap((u) => [`u${u}`, `u${u}+forecast`]
      .flatMap((f) => [f, `${f}+out60`, `${f}+out120`]).flatMap((w) => [w, `${w}+down600`])));
  });

  it('sets the scale-in window a candidate asks for, and the shipped one for a candidate that does not', () => {
    // Prepare
    const shipped = groupConfig({ stabilization: { scaleInSeconds: 300, scaleOutSeconds: 0 } });
    // Act
    const longer = candidateConfig(shipped, { utilisation: 60, forecast: false, scaleInSeconds: 600 }, 2400);
    const plain = candidateConfig(shipped, { utilisation: 60, forecast: false }, 2400);
    // Assess
    expect(longer.stabilization).toEqual({ scaleInSeconds: 600, scaleOutSeconds: 0 });
    expect(plain.stabilization).toEqual({ scaleInSeconds: 300, scaleOutSeconds: 0 });
  });

  it('sets the scale-in step\'s percentage a candidate asks for, keeping its instances and the scale-out limit as shipped', () => {
    // Prepare: the shipped fixture's limits are out 4 instances / 100 %, in 1 instance / 10 %.
    const shipped = groupConfig();
    // Act
    const hpa = candidateConfig(shipped, { utilisation: 60, forecast: false, scaleInPercent: 100 }, 2400);
    const plain = candidateConfig(shipped, { utilisation: 60, forecast: false }, 2400);
    // Assess
    expect(hpa.stepLimits).toEqual({ out: shipped.stepLimits.out, in: { instances: shipped.stepLimits.in.instances, percent: 100 } });
    expect(plain.stepLimits).toEqual(shipped.stepLimits);
  });

  it('runs the forecast acting for a forecast candidate even when the shipped config observes, and none for the others', () => {
    // Prepare: a shipped config whose forecast only observes (what it ships when the rule turned the forecast off)
    const shipped = groupConfig({ forecast: { ...FORECAST_ON, mode: 'observe', leadMinutes: 9 } });
    // Act
    const on = candidateConfig(shipped, { utilisation: 60, forecast: true }, 2400);
    const off = candidateConfig(shipped, { utilisation: 60, forecast: false }, 2400);
    // Assess: the shipped thresholds, acting
    expect(on.forecast).toEqual({ ...FORECAST_ON, mode: 'act', leadMinutes: 9 });
    expect(off.forecast).toBeUndefined();
  });

  it('sets the scale-out window a candidate asks for, and 0 for one that does not', () => {
    // Prepare
    const shipped = groupConfig({ stabilization: { scaleInSeconds: 300, scaleOutSeconds: 60 } });
    // Act
    const windowed = candidateConfig(shipped, { utilisation: 60, forecast: false, scaleOutSeconds: 120 }, 2400);
    const plain = candidateConfig(shipped, { utilisation: 60, forecast: false }, 2400);
    // Assess
    expect(windowed.stabilization).toEqual({ scaleInSeconds: 300, scaleOutSeconds: 120 });
    expect(plain.stabilization).toEqual({ scaleInSeconds: 300, scaleOutSeconds: 0 });
  });

  it('scores a candidate: traces over the bar, and the mean of cost / cheapest baseline cost', () => {
    // Prepare: (11 / 10 + 21 / 20) / 2 = (1.1 + 1.05) / 2 = 1.075; 13 > 12 is over, 5 = 5 is not.
    // Act
    const s = score({ utilisation: 60, forecast: false }, [fig('a', 13, 12, 11, 10), fig('b', 5, 5, 21, 20)]);
    // Assess
    expect(s.over).toBe(1);
    expect(s.relativeCost).toBeCloseTo(1.075, 10);
  });

  it('chooses the cheapest admissible candidate, not the cheapest one: u65 at x1.0 over u70 at x0.85 with a trace over the bar', () => {
    // Prepare, worked by hand:
    //   u60: SLO 10 <= 12, 5 <= 5: admissible; cost (11 / 10 + 22 / 20) / 2 = 1.1
    //   u65: SLO 12 <= 12, 4 <= 5: admissible; cost (9.5 / 10 + 21 / 20) / 2 = (0.95 + 1.05) / 2 = 1.0
    //   u70: SLO 13 > 12 on a: not admissible, although (8 / 10 + 18 / 20) / 2 = 0.85 is cheapest
    const scored = [
      score({ utilisation: 60, forecast: false }, [fig('a', 10, 12, 11, 10), fig('b', 5, 5, 22, 20)]),
      score({ utilisation: 65, forecast: false }, [fig('a', 12, 12, 9.5, 10), fig('b', 4, 5, 21, 20)]),
      score({ utilisation: 70, forecast: false }, [fig('a', 13, 12, 8, 10), fig('b', 3, 5, 18, 20)]),
    ];
    // Act
    const { chosen, admissible } = choose(scored);
    // Assess
    expect(candidateName(chosen.candidate)).toBe('u65');
    expect(admissible).toBe(true);
  });

  it('with none admissible, takes the fewest traces over the bar, then the lowest cost', () => {
    // Prepare: over 2 at x0.9, over 1 at x1.3, over 1 at x1.2 -> the last
    const scored = [
      score({ utilisation: 60, forecast: false }, [fig('a', 20, 12, 9, 10), fig('b', 9, 5, 18, 20)]),
      score({ utilisation: 65, forecast: false }, [fig('a', 20, 12, 13, 10), fig('b', 5, 5, 26, 20)]),
      score({ utilisation: 70, forecast: true }, [fig('a', 20, 12, 12, 10), fig('b', 5, 5, 24, 20)]),
    ];
    // Act
    const { chosen, admissible } = choose(scored);
    // Assess
    expect(candidateName(chosen.candidate)).toBe('u70+forecast');
    expect(chosen.over).toBe(1);
    expect(admissible).toBe(false);
  });

  it('breaks an exact tie toward the earlier, more conservative candidate', () => {
    const same = [fig('a', 1, 2, 10, 10)];
    const { chosen } = choose([score({ utilisation: 60, forecast: false }, same), score({ utilisation: 60, forecast: true }, same)]);
    expect(candidateName(chosen.candidate)).toBe('u60');
  });

  it('refuses to choose among no candidates', () => {
    expect(() => choose([])).toThrow(/no candidate/);
  });

  it('turns only the rule\'s knobs: u70 is CPU 70 % (alarm stays 80), 2,400 * 70 % = 1,680 req/min, forecast on or off', () => {
    // Prepare
    const shipped = groupConfig();
    // Act
    const off = candidateConfig({ ...shipped, forecast: FORECAST_ON }, { utilisation: 70, forecast: false }, 2400);
    const on = candidateConfig(shipped, { utilisation: 78, forecast: true }, 2400);
    // Assess
    expect(off.policies.cpu).toEqual({ target: 70, alarm: 80 });
    expect(off.policies.requestRate).toEqual({ targetPerInstance: 1680 });
    expect(off.forecast).toBeUndefined();
    expect(on.policies.cpu).toEqual({ target: 78, alarm: 83 }); // the alarm stays 5 points above the target
    expect(on.forecast).toEqual(FORECAST_ON);
    // Everything else as shipped (the scale-out window is the candidate's: 0 here, as the shipped fixture's absent one).
    expect({ ...off, policies: shipped.policies, forecast: undefined }).toEqual({ ...shipped, stabilization: { scaleInSeconds: 300, scaleOutSeconds: 0 }, forecast: undefined });
  });

  it('adds the warm pool only to +wp candidates: up to the group maximum (10), in the candidate\'s 1,680 req/min units, reused on scale-in', () => {
    // Prepare
    const shipped = groupConfig();
    // Act
    const without = candidateConfig(shipped, { utilisation: 70, forecast: false, warmPool: false }, 2400);
    const withPool = candidateConfig(shipped, { utilisation: 70, forecast: false, warmPool: true }, 2400);
    // Assess
    expect(without.warmPool).toBeUndefined();
    expect(withPool.warmPool).toEqual({ minSize: 0, maxSize: shipped.capacity.max, targetPerInstance: 1680, volatilityMinutes: 7, reuseOnScaleIn: true, mixedInstancesAllowed: true });
    expect(shipped.capacity.max).toBe(10);
  });

  it('takes medians over seeds: odd count the middle, even count the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });
});
