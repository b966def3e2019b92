import fc from 'fast-check';
import { createMetricStore, evaluateAlarm } from '../../sim/metric-store';

const T = Date.parse('2026-03-04T15:00:00Z');
const min = (n: number) => T + n * 60_000;

describe('simulated CloudWatch', () => {
  it('publishes the datapoint of a minute only after the minute and the 120 s delay', () => {
    const store = createMetricStore(120_000);
    store.record('cpu', min(0), 70);
    expect(store.visible('cpu', min(2), 600_000)).toEqual([]);
    expect(store.visible('cpu', min(3), 600_000)).toEqual([{ t: min(0), v: 70 }]);
  });

  it('alarms on 3 of 3 breaching datapoints, and not on 2', () => {
    const store = createMetricStore(0);
    const spec = { name: 'cpu-high', metric: 'cpu' as const, threshold: 80, comparison: 'gt' as const, evaluationPeriods: 3, datapointsToAlarm: 3 };
    [50, 85, 90].forEach((v, i) => store.record('cpu', min(i), v));
    expect(evaluateAlarm(spec, store, min(3))).toBe('OK');
    store.record('cpu', min(3), 95);
    expect(evaluateAlarm(spec, store, min(4))).toBe('ALARM');
    expect(evaluateAlarm(spec, createMetricStore(0), min(4))).toBe('INSUFFICIENT_DATA');
  });

  it('reads the newest point, a given minute and the latest values exactly as visible returns them', () => {
    fc.assert(fc.property(
      fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { maxLength: 40 }),
      fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 45 }),
      (values, at, lookback, delay, asked) => {
        // Prepare: a metric with gaps (minutes without a datapoint), read at minute `at`.
        const store = createMetricStore(delay * 60_000);
        values.forEach((v, k) => v !== undefined && store.record('cpu', min(k), v));
        // Act
        const visible = store.visible('cpu', min(at), lookback * 60_000);
        const out: number[] = [];
        const n = store.latest('cpu', min(at), lookback * 60_000, 5, out);
        // Assess
        expect(store.newest('cpu', min(at), lookback * 60_000)).toEqual(visible.at(-1));
        expect(store.valueAt('cpu', min(asked), min(at), lookback * 60_000)).toBe(visible.find((p) => p.t === min(asked))?.v);
        expect(out.slice(0, n)).toEqual(visible.slice(-5).map((p) => p.v).reverse());
      },
    ), { numRuns: 1000 });
  });
});
