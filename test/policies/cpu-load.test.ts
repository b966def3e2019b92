// The CPU load of the datapoint's own fleet: average x SampleCount, and the tracking rule sized on it.
import fc from 'fast-check';
import { cpuLoadReadings, cpuLoadSeries } from '../../policies/cpu-load';
import type { Metrics, Series } from '../../policies/snapshot';
import { trackTarget } from '../../policies/target-tracking';
import { MIN, NOW } from '../fixtures/builders';

const at = (minutesAgo: number, v: number) => ({ t: NOW - minutesAgo * MIN, v });
const metrics = (cpu: Series, cpuSamples?: Series): Metrics => ({ cpu, memory: [], latency: [], errorRate: [], requests: [], ...(cpuSamples ? { cpuSamples } : {}) });
const CPU = { target: 60, alarm: 80 };

describe('cpu load series', () => {
  it('multiplies each minute\'s average by its own sample count', () => {
    // Prepare: 3 instances at 80 %, then 4 at 62 %
    const m = metrics([at(3, 80), at(2, 62)], [at(3, 3), at(2, 4)]);
    // Act / Assess: 3 * 80 = 240, 4 * 62 = 248
    expect(cpuLoadSeries(m)).toEqual([{ t: NOW - 3 * MIN, load: 240, samples: 3 }, { t: NOW - 2 * MIN, load: 248, samples: 4 }]);
  });

  it.each([[0], [2.5], [-1], [NaN]])('skips a minute whose sample count is not a whole number of instances (%p)', (n) => {
    expect(cpuLoadSeries(metrics([at(2, 50)], [at(2, n)]))).toEqual([]);
  });

  it('skips an out-of-range average and minutes with no count', () => {
    expect(cpuLoadSeries(metrics([at(3, 150), at(2, 50)], [at(3, 3)]))).toEqual([]);
  });
});

describe('cpu load readings', () => {
  const windows = (scaleOutMs: number, current = 3) => ({ scaleInMs: 300_000, scaleOutMs, current, target: 60 });

  it('reads the load of the CPU reading\'s own minute, the largest over the scale-in window, the smallest over the scale-out one', () => {
    // Prepare: loads 4 * 50 = 200 (4 min ago), 3 * 80 = 240 (3), 3 * 70 = 210 (2)
    const m = metrics([at(4, 50), at(3, 80), at(2, 70)], [at(4, 4), at(3, 3), at(2, 3)]);
    // Act
    const r = cpuLoadReadings(m, NOW - 2 * MIN, windows(60_000));
    // Assess: the scale-out window [t - 60 s, t] holds minutes 3 and 2: the smaller is 210
    expect(r).toEqual({
      latest: { t: NOW - 2 * MIN, load: 210, samples: 3 },
      stable: { t: NOW - 3 * MIN, load: 240, samples: 3 },
      confirmed: { t: NOW - 2 * MIN, load: 210, samples: 3 },
    });
  });

  it('counts the scale-in window back from the CPU reading\'s minute: 80 % six minutes ago is inside it when the reading is 2 minutes old', () => {
    // Prepare: 4 * 80 = 320 six minutes ago, 4 * 20 = 80 since; the reading's minute is NOW - 2 min
    const m = metrics([at(6, 80), at(5, 20), at(4, 20), at(3, 20), at(2, 20)], [at(6, 4), at(5, 4), at(4, 4), at(3, 4), at(2, 4)]);
    // Act / Assess: (NOW - 7 min, NOW - 2 min] holds the 320; counted from now, (NOW - 5 min, NOW] would not
    expect(cpuLoadReadings(m, NOW - 2 * MIN, windows(0, 4))?.stable).toEqual({ t: NOW - 6 * MIN, load: 320, samples: 4 });
  });

  it('ranks the scale-in window by recommendation, not by load: a smaller fleet\'s minute can ask for more', () => {
    // Prepare: current 5; 2 instances at 50 % (load 100, 3 not measured: 100 + 3 * 100 = 400), then 5 at 30 % (150)
    const m = metrics([at(3, 50), at(2, 30)], [at(3, 2), at(2, 5)]);
    // Act / Assess: the stable minute is the one that recommends ceil(400 / 60) = 7, not the larger load
    expect(cpuLoadReadings(m, NOW - 2 * MIN, windows(0, 5))?.stable).toEqual({ t: NOW - 3 * MIN, load: 100, samples: 2 });
  });

  it('has no load when the CPU reading\'s minute has no sample count, rather than one from another fleet', () => {
    const m = metrics([at(3, 80), at(2, 70)], [at(3, 3)]);
    expect(cpuLoadReadings(m, NOW - 2 * MIN, windows(0))).toBeUndefined();
  });

  it('has no load when a CPU minute inside the scale-in window has no sample count: it would drop out of the window', () => {
    // Prepare: 50 %, 50 %, 30 % with a count on the newest minute only
    const m = metrics([at(4, 50), at(3, 50), at(2, 30)], [at(2, 5)]);
    // Act / Assess
    expect(cpuLoadReadings(m, NOW - 2 * MIN, windows(0, 5))).toBeUndefined();
  });

  it('reads two sample counts that disagree for one minute as no count', () => {
    expect(cpuLoadSeries(metrics([at(2, 30)], [at(2, 3), at(2, 5)]))).toEqual([]);
    expect(cpuLoadSeries(metrics([at(2, 30)], [at(2, 3), at(2, 3)]))).toEqual([{ t: NOW - 2 * MIN, load: 90, samples: 3 }]);
  });

  it('gives the same readings whatever order the datapoints come in (1,000 runs)', () => {
    const point = fc.record({ ago: fc.integer({ min: 0, max: 8 }), cpu: fc.integer({ min: 0, max: 100 }), n: fc.integer({ min: 1, max: 12 }) });
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 12 }), (points, outMinutes, current) => {
      const cpu = points.map((p) => at(p.ago, p.cpu));
      const samples = points.map((p) => at(p.ago, p.n));
      const newest = Math.max(...cpu.map((p) => p.t));
      const a = cpuLoadReadings(metrics(cpu, samples), newest, windows(outMinutes * MIN, current));
      const b = cpuLoadReadings(metrics([...cpu].reverse(), [...samples].reverse()), newest, windows(outMinutes * MIN, current));
      expect(b).toEqual(a);
    }), { numRuns: 1000 });
  });
});

describe('target tracking on the measured fleet', () => {
  it.each([
    // samples, value, ready = current, expected: worked by hand
    [3, 90, 3, 'out', 5], // ceil(3 * 90 / 60) = ceil(4.5) = 5
    [3, 80, 4, 'hold', 4], // ceil(3 * 80 / 60) = 4: the 4th instance, ready since, already carries the breach
    [3, 81, 4, 'hold', 4], // the 4th counts as 0 (HPA): 243 / (4 * 60) = 1.01 is inside 10 %; 4 ready x 81 % asked ceil(5.4) = 6
    [3, 90, 4, 'out', 5], // 270 / 240 = 1.125: ceil(270 / 60) = ceil(4.5) = 5
    [2, 95, 5, 'hold', 5], // ceil(190 / 60) = 4 <= 5: above target never votes in
  ])('scales out to ceil(samples * cpu / target): %i measured at %i %% with %i current -> %s %i', (samples, value, current, vote, expected) => {
    const r = trackTarget('cpu', CPU, value, current, current, 0.1, { t: NOW, load: samples * value, samples });
    expect(r).toMatchObject({ vote, desired: expected });
    expect(r.reason.data).toMatchObject({ samples, load: samples * value });
  });

  it.each([
    // samples, value, current, expected: instances desired but not measured count at 100 % (HPA's missing pods)
    [4, 20, 4, 'in', 2], // ceil(80 / 60) = 2
    [4, 20, 6, 'in', 5], // ceil((80 + 2 * 100) / 60) = ceil(4.67) = 5; new ratio 280 / 360 = 0.78
    [3, 20, 6, 'hold', 6], // (60 + 3 * 100) / 360 = 1.0: inside the tolerance
  ])('scales in against the measured fleet: %i at %i %% of %i -> %s %i', (samples, value, current, vote, expected) => {
    expect(trackTarget('cpu', CPU, value, samples, current, 0.1, { t: NOW, load: samples * value, samples })).toMatchObject({ vote, desired: expected });
  });

  it('never asks more than the measured load needs, never votes in above target, and more load never asks less (1,000 runs)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 30 }), (samples, v1, v2, current) => {
      const [lo, hi] = v1 <= v2 ? [v1, v2] : [v2, v1];
      const vote = (v: number) => trackTarget('cpu', CPU, v, current, current, 0.1, { t: NOW, load: samples * v, samples });
      const a = vote(lo);
      const b = vote(hi);
      if (b.vote === 'out') expect(b.desired).toBe(Math.ceil((samples * hi) / 60 - 1e-9));
      if (hi > 60) expect(b.vote).not.toBe('in');
      expect(b.desired!).toBeGreaterThanOrEqual(a.desired!);
    }), { numRuns: 1000 });
  });
});
