// The held-out traces have the shapes their names promise (checked by hand from the construction), are the same on
// every call for the seed, and are kept apart from the shipped traces.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HELDOUT_NAMES, HELDOUT_SEED, HELDOUT_START, HELDOUT_TRACES, heldoutTrace, isHeldout } from '../../sim/generated-traces';

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const DAY = 1440;

describe('held-out traces', () => {
  it('are four: a daily sine with noise, a slow ramp, a 5x step and a 20-minute sawtooth', () => {
    expect(HELDOUT_NAMES).toEqual(['heldout-daily-sine', 'heldout-slow-ramp', 'heldout-step-5x', 'heldout-sawtooth-20min']);
  });

  it('are the same minute for minute on every call for the seed, and change with it', () => {
    // Prepare, Act
    const a = heldoutTrace('heldout-step-5x');
    const b = heldoutTrace('heldout-step-5x');
    const other = heldoutTrace('heldout-step-5x', HELDOUT_SEED + 100);
    // Assess
    expect(b).toEqual(a);
    expect(other.requests).not.toEqual(a.requests);
    expect(other.minutes).toEqual(a.minutes);
  });

  it('draw each trace from its own stream: two shapes with the same noise would not be independent', () => {
    const ramp = heldoutTrace('heldout-slow-ramp');
    const step = heldoutTrace('heldout-step-5x');
    // Both have 5 % noise: the ratio to the shape at minute 0 (400 each) must differ.
    expect(ramp.requests[0]! / 400).not.toBeCloseTo(step.requests[0]! / 400, 6);
  });

  it('run one row a minute from Monday 2026-03-02 00:00 UTC: 3 days of sine, 1 day of each other shape', () => {
    for (const name of HELDOUT_NAMES) {
      const t = heldoutTrace(name);
      expect(t.name).toBe(name);
      expect(t.minutes[0]).toBe(HELDOUT_START);
      expect(t.minutes.length).toBe(name === 'heldout-daily-sine' ? 3 * DAY : DAY);
      expect(t.requests.length).toBe(t.minutes.length);
      expect(t.minutes.every((m, i) => i === 0 || m - t.minutes[i - 1]! === 60_000)).toBe(true);
      expect(t.requests.every((r) => Number.isFinite(r) && r > 0)).toBe(true);
    }
  });

  describe('5x step', () => {
    it('is 400 until 08:00, 2,000 (5x) from 08:00 to 16:00, 400 after', () => {
      const s = HELDOUT_TRACES['heldout-step-5x'].shape;
      expect([s(0), s(479), s(480), s(959), s(960), s(1439)]).toEqual([400, 400, 2000, 2000, 400, 400]);
    });

    it('is realised as a 5x step: the 8 hours inside average 5 times the 16 outside, within 1 %', () => {
      const r = heldoutTrace('heldout-step-5x').requests;
      const inside = mean(r.slice(480, 960));
      const outside = mean([...r.slice(0, 480), ...r.slice(960)]);
      // 5 % noise over 480 and 960 minutes: the means' errors are about 0.2 % each.
      expect(inside / outside).toBeGreaterThan(4.95);
      expect(inside / outside).toBeLessThan(5.05);
    });
  });

  describe('20-minute sawtooth', () => {
    it('rises from 500 to 1,500 over minutes 0..19 of each 20 and drops back: period 20', () => {
      const s = HELDOUT_TRACES['heldout-sawtooth-20min'].shape;
      expect([s(0), s(19), s(20), s(39), s(40)]).toEqual([500, 1500, 500, 1500, 500]);
      // 1,000 / 19 a minute: minute 10 is 500 + 10,000 / 19 = 1,026.3.
      expect(s(10)).toBeCloseTo(1026.3, 1);
      const off = Array.from({ length: 1420 }, (_, m) => m).filter((m) => s(m + 20) !== s(m));
      expect(off).toEqual([]);
    });

    it('is realised with the drop every 20 minutes: phase 19 averages 3x phase 0 over the 72 teeth, within 2 %', () => {
      const r = heldoutTrace('heldout-sawtooth-20min').requests;
      const phase = (k: number) => mean(r.filter((_, m) => m % 20 === k));
      expect(phase(19) / phase(0)).toBeGreaterThan(2.94);
      expect(phase(19) / phase(0)).toBeLessThan(3.06);
      // The tooth rises every minute of its 20: each phase's mean above the one before.
      for (let k = 1; k < 20; k += 1) expect(phase(k)).toBeGreaterThan(phase(k - 1));
    });
  });

  describe('slow ramp', () => {
    it('rises linearly from 400 at 00:00 by 1,600 / 1,440 a minute: 1,200 at 12:00, 5x by the day\'s end', () => {
      const s = HELDOUT_TRACES['heldout-slow-ramp'].shape;
      expect(s(0)).toBe(400);
      expect(s(720)).toBe(1200);
      expect(s(1440)).toBe(2000);
    });

    it('is realised as the ramp: the first hour averages 432.8 and the last 1,966.1, within 2 %', () => {
      const r = heldoutTrace('heldout-slow-ramp').requests;
      // First hour: 400 + 1,600 x 29.5 / 1,440 = 432.8; last: 400 + 1,600 x 1,409.5 / 1,440 = 1,966.1.
      expect(Math.abs(mean(r.slice(0, 60)) / 432.8 - 1)).toBeLessThan(0.02);
      expect(Math.abs(mean(r.slice(1380)) / 1966.1 - 1)).toBeLessThan(0.02);
    });
  });

  describe('daily sine', () => {
    it('is 1,000 x (1 + 0.6 sin(2 pi (t - 09:00) / 24 h)): 1,600 at 15:00, 400 at 03:00, 1,000 at 09:00 and 21:00', () => {
      const s = HELDOUT_TRACES['heldout-daily-sine'].shape;
      expect(s(900)).toBeCloseTo(1600, 6);
      expect(s(180)).toBeCloseTo(400, 6);
      expect(s(540)).toBeCloseTo(1000, 6);
      expect(s(1260)).toBeCloseTo(1000, 6);
      expect(s(900 + DAY)).toBeCloseTo(1600, 6);
    });

    it('has 10 % noise of mean 1 about the sine, and its busiest hour is 14:00 or 15:00 UTC', () => {
      const t = heldoutTrace('heldout-daily-sine');
      const s = HELDOUT_TRACES['heldout-daily-sine'].shape;
      const ratio = t.requests.map((r, m) => r / s(m));
      const mu = mean(ratio);
      const cv = Math.sqrt(mean(ratio.map((x) => (x - mu) ** 2))) / mu;
      expect(mu).toBeCloseTo(1, 1);
      expect(cv).toBeGreaterThan(0.09);
      expect(cv).toBeLessThan(0.11);
      const hourly = Array.from({ length: 24 }, (_, h) => mean(t.requests.filter((_, m) => Math.floor((m % DAY) / 60) === h)));
      expect([14, 15]).toContain(hourly.indexOf(Math.max(...hourly)));
      expect([2, 3]).toContain(hourly.indexOf(Math.min(...hourly)));
    });
  });

  it('are kept apart: no shipped trace in traces/ carries a held-out name, and isHeldout knows only these four', () => {
    const shipped = readdirSync(join(__dirname, '../../traces'));
    expect(shipped.filter((f) => f.includes('heldout'))).toEqual([]);
    expect(HELDOUT_NAMES.every(isHeldout)).toBe(true);
    expect(shipped.some(isHeldout)).toBe(false);
  });
});
