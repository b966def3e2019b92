import { createMetricStore } from '../../sim/metric-store';
import { createRequestHistory } from '../../sim/request-history';
import type { Series } from '../../policies/snapshot';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60_000;

describe('the simulator\'s request history', () => {
  it('hands out each new history as the previous one slid on: the same point objects in order, some dropped at the start, some appended (what it declares to the forecast memo)', () => {
    // Prepare: three days of RequestCount a minute, the history read every minute with a one-day window
    const store = createMetricStore(2 * MIN);
    const history = createRequestHistory(store);
    let prev: Series | undefined;
    let slides = 0;
    for (let m = 0; m < 3 * 1_440; m += 1) {
      store.record('requests', T0 + m * MIN, 100 + (m % 37));
      // Act
      const h = history.at(T0 + (m + 1) * MIN, 1);
      // Assess: a new array only when a slot was published, and then prev[s..] === h[0..kept)
      if (prev && prev.length > 0 && h !== prev) {
        const s = prev.indexOf(h[0]!);
        expect(s).toBeGreaterThanOrEqual(0);
        let differ = 0;
        for (let i = 0; s + i < prev.length; i += 1) if (h[i] !== prev[s + i]) differ += 1;
        expect(differ).toBe(0);
        expect(h.length).toBeGreaterThan(prev.length - s);
        slides += 1;
      }
      prev = h;
    }
    expect(slides).toBeGreaterThan(800);
    expect(prev!.length).toBe(288);
  });
});
