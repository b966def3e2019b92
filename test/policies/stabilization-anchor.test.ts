// The scale-in stabilization window counts back from the newest datapoint, not from now: HPA holds the
// recommendations of the last 300 s, each made on the data of its moment, so over CloudWatch data published 2-3
// minutes late its window spans the 300 s up to the newest datapoint.
import fc from 'fast-check';
import { decide } from '../../policies/decide';
import type { Series } from '../../policies/snapshot';
import { groupConfig, MIN, NOW, snapshot } from '../fixtures/builders';

const at = (minutesAgo: number, v: number) => ({ t: NOW - minutesAgo * MIN, v });
const config = groupConfig({ stabilization: { scaleInSeconds: 300 }, stepLimits: { out: { instances: 4, percent: 100 }, in: { instances: 1, percent: 100 } }, policies: { cpu: { target: 60, alarm: 80 } } });
const plan = (cpu: Series, cpuSamples?: Series) => decide(snapshot({ desired: 5, cpu, ...(cpuSamples ? { cpuSamples } : {}) }), config, NOW);
const codes = (cpu: Series) => plan(cpu).reasons.map((r) => r.code);

describe('scale-in stabilization anchored on the newest datapoint', () => {
  it('holds 5 after a two-minute dip: 80 % at 6 and 5 minutes ago is inside (newest - 300 s, newest] when the newest is 2 minutes old', () => {
    // Prepare: 80 % until 5 minutes ago, then 20 % (the newest datapoint, as CloudWatch publishes, is 2 minutes old).
    const cpu = [at(7, 80), at(6, 80), at(5, 80), at(4, 20), at(3, 20), at(2, 20)];
    // Act
    const p = plan(cpu);
    // Assess: the window is (NOW - 7 min, NOW - 2 min]: its largest reading, 80 %, recommends ceil(5 * 80 / 60) = 7,
    // so no scale-in. Counted back from now, (NOW - 5 min, NOW] would have held only the 20 % and scaled in to
    // ceil(5 * 20 / 60) = 2.
    expect(p.desired).toBeUndefined();
    expect(codes(cpu)).toContain('HOLD_STABILIZATION');
  });

  it('scales in once the high readings are more than 300 s older than the newest: 80 % 7 minutes ago is out', () => {
    // Prepare
    const cpu = [at(8, 80), at(7, 80), at(6, 20), at(5, 20), at(4, 20), at(3, 20), at(2, 20)];
    // Act / Assess: (NOW - 7 min, NOW - 2 min] holds only 20 %: ceil(5 * 20 / 60) = 2.
    expect(plan(cpu)).toMatchObject({ desired: 2 });
  });

  it('never scales in below what the largest CPU in (newest - 300 s, newest] recommends (1,000 runs)', () => {
    const point = fc.record({ ago: fc.integer({ min: 2, max: 12 }), v: fc.integer({ min: 0, max: 100 }) });
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), (points) => {
      const cpu = points.map((p) => at(p.ago, p.v));
      const p = plan(cpu);
      if (p.desired === undefined || p.desired >= 5) return;
      const newest = Math.max(...cpu.map((x) => x.t));
      const largest = Math.max(...cpu.filter((x) => x.t > newest - 300_000 && x.t <= newest).map((x) => x.v));
      expect(p.desired).toBeGreaterThanOrEqual(Math.min(5, Math.ceil((5 * largest) / 60 - 1e-9)));
    }), { numRuns: 1000 });
  });
  it('rejects an out-of-range value the anchored window reads, though it is more than 300 s before now', () => {
    // Prepare: the newest datapoint is 2 minutes old, so the window reaches back to NOW - 7 min; -5 % sits at NOW - 6 min
    const cpu = [at(7, 20), at(6, -5), at(5, 20), at(4, 20), at(3, 20), at(2, 20)];
    // Act / Assess: the broken source is named and vetoes the scale-in
    const p = plan(cpu);
    expect(p.reasons.map((r) => r.code)).toContain('METRIC_OUT_OF_RANGE');
    expect(p.desired).toBeUndefined();
  });
});

describe('scale-in stabilization on the measured fleet (CPU with its sample count)', () => {
  it('holds 5 when a smaller fleet\'s minute in the window recommends more than the larger load: 2 at 50 % then 5 at 30 %', () => {
    // Prepare: 3 minutes ago 2 instances at 50 % (3 not measured, at 100 %: ceil((100 + 300) / 60) = 7), then 5 at 30 %
    const p = plan([at(3, 50), at(2, 30)], [at(3, 2), at(2, 5)]);
    // Assess: the newest alone would scale in to ceil(150 / 60) = 3; the window's largest recommendation holds it at 5
    expect(p.desired).toBeUndefined();
    expect(p.reasons.map((r) => r.code)).toContain('HOLD_STABILIZATION');
  });

  it('holds 5 when a minute in the window has no sample count, instead of letting it drop out: 50, 50, 30 % counted on the newest only', () => {
    // Prepare / Act: without a count on every minute the CPU vote is sized on the ready instances, and the window's
    // 50 % recommends ceil(5 * 50 / 60) = 5
    const p = plan([at(4, 50), at(3, 50), at(2, 30)], [at(2, 5)]);
    // Assess
    expect(p.desired).toBeUndefined();
  });
});
