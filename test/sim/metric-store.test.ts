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

  it('returns, minute after minute, every published point of the look-back in time order, whatever was read before', () => {
    fc.assert(fc.property(
      // Long enough (size 'max') for reads hundreds of minutes on, where the store forgets the points behind them.
      fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { maxLength: 300, size: 'max' }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 150 })), { maxLength: 40, size: 'max' }), fc.integer({ min: 0, max: 3 }),
      (values, reads, delay) => {
        // Prepare: a metric with gaps, recorded a minute at a time while it is read at moving minutes and look-backs
        // (the controller's short reads, now and then a long one as the request history's).
        const store = createMetricStore(delay * 60_000);
        let at = 0;
        let recorded = 0;
        for (const [step, lookback] of reads) {
          at += step;
          for (; recorded < Math.min(at, values.length); recorded += 1) if (values[recorded] !== undefined) store.record('cpu', min(recorded), values[recorded]!);
          // Act
          const visible = store.visible('cpu', min(at), lookback * 60_000);
          // Assess: exactly the datapoints of minutes in [at - lookback, at - 1 - delay] that were recorded.
          const expected: { t: number; v: number }[] = [];
          for (let k = Math.max(0, at - lookback); k < Math.min(at - delay, values.length); k += 1) if (values[k] !== undefined) expected.push({ t: min(k), v: values[k]! });
          // Compared as text: 40 reads of up to 150 points in each of 1,000 runs.
          expect(JSON.stringify(visible)).toBe(JSON.stringify(expected));
        }
      },
    ), { numRuns: 1000 });
  });

  it('hands out the same point objects to reads that overlap, instead of building them each minute', () => {
    // Prepare
    const store = createMetricStore(0);
    for (let k = 0; k < 10; k += 1) store.record('cpu', min(k), k);
    // Act
    const first = store.visible('cpu', min(10), 5 * 60_000);
    const next = store.visible('cpu', min(11), 5 * 60_000);
    // Assess
    expect(next.slice(0, 4)).toEqual(first.slice(1));
    next.slice(0, 4).forEach((p, k) => expect(p).toBe(first[k + 1]));
  });
});
