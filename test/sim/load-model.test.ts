import { erlangC, instanceLoad, maxUtilizationFor } from '../../sim/load-model';
import { DEFAULT_PARAMS as p } from '../../sim/params';

describe('load model (t3.medium serving the CinemaHint API, steady state)', () => {
  it('puts CPU at idle + busy share: 60 % utilization -> 3 + 97 * 0.6 = 61.2 %', () => {
    expect(instanceLoad(0.6 * 2400, p).cpu).toBeCloseTo(61.2, 6);
  });

  it('computes Erlang C for 2 servers as 2 rho^2 / (1 + rho): 0.45 at rho 0.6', () => {
    expect(erlangC(2, 0.6)).toBeCloseTo(0.45, 9);
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 9); // M/M/1: the probability of waiting is rho
  });

  it('adds the G/G/2 wait to the base p90: at rho 0.6, 0.3 + 0.05 * (2 + 2.25) / (2 * 2 * 0.4) * ln(0.45 / 0.1) = 0.4998 s', () => {
    const scale = (0.05 * 4.25) / 1.6;
    expect(instanceLoad(0.6 * 2400, p).latencyP90).toBeCloseTo(0.3 + scale * Math.log(4.5), 6);
  });

  it('rises monotonically and smoothly with utilisation: no cliff, and headroom buys latency', () => {
    let prev = 0;
    for (let u = 0.3; u <= 0.985; u += 0.005) {
      const lat = instanceLoad(u * 2400, p).latencyP90;
      expect(lat).toBeGreaterThan(prev);
      // Never more than a 15 % step per half-point of utilisation below 95 %: a curve, not a step.
      if (u < 0.95 && prev > 0) expect(lat / prev).toBeLessThan(1.15);
      prev = lat;
    }
    expect(instanceLoad(0.9 * 2400, p).latencyP90).toBeGreaterThan(instanceLoad(0.6 * 2400, p).latencyP90 * 2.5);
  });

  it('has no steady state past saturation: at 120 %, the 60 s timeout and 1 - 1 / 1.2 of requests lost', () => {
    expect(instanceLoad(1.2 * 2400, p)).toMatchObject({ cpu: 100, latencyP90: 60, overloadErrors: expect.closeTo(1 - 1 / 1.2, 9) });
  });

  it('finds the highest utilization that meets a 1 s p90: between 0.84 and 0.85, far from saturation', () => {
    const rho = maxUtilizationFor(1, p);
    expect(rho).toBeGreaterThan(0.84);
    expect(rho).toBeLessThan(0.85);
    expect(instanceLoad(rho * 2400, p).latencyP90).toBeLessThanOrEqual(1);
  });
});
