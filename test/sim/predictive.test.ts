// AWS predictive scaling (ForecastAndScale) with target tracking: the forecast's documented inputs and outputs.
import fc from 'fast-check';
import { awsPredictiveTt, combine, createForecaster, forecastCapacity, SCHEDULING_BUFFER_MS } from '../../sim/policies/aws-predictive';
import { awsTtCpu } from '../../sim/policies/aws-target-tracking';
import { forecastHours, HOUR_MS, type HourlyLoad } from '../../sim/policies/forecast';
import { runPolicy } from '../../sim/run';
import { load, worldOptions } from '../fixtures/sim-world';

const DAY0 = Date.parse('2026-03-02T00:00:00Z');
const hours = (n: number, loadAt: (h: number) => number, from = DAY0): HourlyLoad[] =>
  Array.from({ length: n }, (_, h) => ({ hour: from + h * HOUR_MS, load: loadAt(h) }));
/** 10 all day, 100 in the 12:00 UTC hour. */
const noonPeak = (h: number) => (h % 24 === 12 ? 100 : 10);

describe('predictive scaling forecast', () => {
  it('issues nothing from less than 24 hours of history', () => {
    expect(forecastHours(hours(23, noonPeak), DAY0 + 23 * HOUR_MS)).toEqual([]);
  });

  it('forecasts each of the next 48 hours as the mean of the same hour of day in the history', () => {
    // Prepare: two days; on the second the noon hour was 200, so the forecast noon is (100 + 200) / 2 = 150.
    const history = hours(48, (h) => (h === 36 ? 200 : noonPeak(h)));
    // Act
    const f = forecastHours(history, DAY0 + 48 * HOUR_MS);
    // Assess
    expect(f).toHaveLength(48);
    expect(f[0]).toEqual({ hour: DAY0 + 48 * HOUR_MS, load: 10 });
    expect(f[12]).toEqual({ hour: DAY0 + 60 * HOUR_MS, load: 150 });
    expect(f[36]!.load).toBe(150);
  });

  it('uses only complete hours before it is issued, and none older than 14 days', () => {
    const old = hours(24, () => 1000, DAY0 - 20 * 24 * HOUR_MS);
    const recent = hours(30, noonPeak);
    // The hour in progress at the issue time (hour 30) is left out, even if present.
    const f = forecastHours([...old, ...recent, { hour: DAY0 + 30 * HOUR_MS, load: 5000 }], DAY0 + 30 * HOUR_MS + 600_000);
    expect(Math.max(...f.map((h) => h.load))).toBe(100);
  });

  it('names a capacity of ceil(total CPU / target): 470 % of CPU at 60 % -> 8 instances', () => {
    expect(forecastCapacity(470, 60)).toBe(8);
    expect(forecastCapacity(480, 60)).toBe(8);
  });

  it('never scales in: the combined capacity is never below the dynamic policy\'s', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }), fc.integer({ min: 1, max: 50 }),
      (dynamic, forecast, max) => {
        const c = combine(dynamic, forecast, max);
        return c >= dynamic && (forecast === undefined || c >= Math.min(max, forecast));
      }), { numRuns: 1000 });
  });

  it('refreshes every 6 hours from the datapoints seen so far, and applies an hour SchedulingBufferTime early', () => {
    // Prepare: 30 hours of per-minute load points, the noon hour at 480 % CPU.
    const f = createForecaster(60);
    const points = Array.from({ length: 30 * 60 }, (_, k) => ({ t: DAY0 + k * 60_000, load: Math.floor(k / 60) % 24 === 12 ? 480 : 60 }));
    // Act: the refresh due at 18:00 on day 1 runs at 23:59 with 23 h 57 min of data; the next is due at 06:00 on day 2.
    f.observe(DAY0 + 24 * HOUR_MS - 60_000, points.slice(0, 24 * 60 - 3));
    const before = f.forecast().length;
    f.observe(DAY0 + 30 * HOUR_MS, points);
    // Assess: nothing from the first (under 24 h), a 48-hour forecast from 06:00 on day 2.
    expect(before).toBe(0);
    expect(f.forecast()[0]!.hour).toBe(DAY0 + 30 * HOUR_MS);
    const noon = DAY0 + 36 * HOUR_MS;
    expect(f.capacityAt(noon - SCHEDULING_BUFFER_MS - 60_000)).toBe(1);
    expect(f.capacityAt(noon - SCHEDULING_BUFFER_MS)).toBe(8);
  });
});

describe('predictive scaling with target tracking, in the simulated world', () => {
  // Two and a half days: 2 instances' load, and 8 instances' load in the noon hour (UTC) every day.
  const minutes = 60 * 60;
  const trace = Array.from({ length: minutes }, (_, k) => (Math.floor(k / 60) % 24 === 12 ? load(8) : load(2)));
  const opts = worldOptions(trace, { start: DAY0 });
  const idx = (day: number, hh: number, mm: number) => day * 1440 + hh * 60 + mm;

  it('does nothing in the first 24 hours (no forecast yet): it acts exactly as target tracking alone', async () => {
    const [p, tt] = await Promise.all([runPolicy(awsPredictiveTt(60), opts), runPolicy(awsTtCpu(60), opts)]);
    expect(p.minutes.slice(0, 1440).map((m) => m.desired)).toEqual(tt.minutes.slice(0, 1440).map((m) => m.desired));
  });

  it('has the forecast capacity in service at the hour the forecast names, launched 5 minutes before it', async () => {
    const run = await runPolicy(awsPredictiveTt(60), opts);
    const tt = await runPolicy(awsTtCpu(60), opts);
    // The decision at the end of 11:54 (now = 11:55) raises desired; nothing before it does.
    const raised = run.minutes[idx(1, 11, 55)]!.desired;
    expect(run.minutes[idx(1, 11, 54)]!.desired).toBeLessThan(raised);
    expect(raised).toBeGreaterThanOrEqual(7);
    // In service and healthy when the hour starts (boot 3 min, two 30 s checks), where target tracking alone has not moved.
    expect(run.minutes[idx(1, 12, 0)]!.serving).toBe(raised);
    expect(tt.minutes[idx(1, 12, 0)]!.desired).toBeLessThan(raised);
    expect(run.summary.sloViolationMinutes).toBeLessThan(tt.summary.sloViolationMinutes);
  });
});
