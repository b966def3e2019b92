import { instanceLoad, maxUtilizationFor } from '../../sim/load-model';
import { DEFAULT_PARAMS as p } from '../../sim/params';

describe('load model (t3.medium serving the CinemaHint API)', () => {
  it('puts CPU at idle + busy share: 60 % utilization -> 3 + 97 * 0.6 = 61.2 %', () => {
    expect(instanceLoad(0.6 * 2400, p).cpu).toBeCloseTo(61.2, 6);
  });

  it('adds M/M/2 queueing to the base p90: at rho 0.6, 0.3 + ln10 * (2 * 0.36 / 1.6) * 0.05 / (2 * 0.4) = 0.3648 s', () => {
    expect(instanceLoad(0.6 * 2400, p).latencyP90).toBeCloseTo(0.3 + (Math.LN10 * 0.45 * 0.05) / 0.8, 6);
  });

  it('climbs steeply near saturation and keeps climbing', () => {
    const lat = [0.5, 0.8, 0.9, 0.95, 0.99].map((rho) => instanceLoad(rho * 2400, p).latencyP90);
    for (let i = 1; i < lat.length; i += 1) expect(lat[i]!).toBeGreaterThan(lat[i - 1]!);
    expect(lat[4]! / lat[0]!).toBeGreaterThan(10);
  });

  it('fails the excess when overloaded: at 120 %, 1 - 0.995 / 1.2 = 17.1 % errors and the 60 s timeout', () => {
    expect(instanceLoad(1.2 * 2400, p)).toMatchObject({ cpu: 100, latencyP90: 60, overloadErrors: expect.closeTo(1 - 0.995 / 1.2, 6) });
  });

  it('finds the highest utilization that meets a 1 s p90: between 0.92 and 0.93', () => {
    const rho = maxUtilizationFor(1, p);
    expect(rho).toBeGreaterThan(0.92);
    expect(rho).toBeLessThan(0.93);
    expect(instanceLoad(rho * 2400, p).latencyP90).toBeLessThanOrEqual(1);
  });
});
