import { queueMinute } from '../../sim/queue';
import { DEFAULT_PARAMS as p } from '../../sim/params';

const RATE = 2400;

describe('an instance queue over one minute', () => {
  it('carries the excess of an overloaded minute into the next: 1.2 x rate leaves 480 requests waiting', () => {
    // Act
    const first = queueMinute(0, 1.2 * RATE, RATE, 0.7, p);
    // Assess
    expect(first).toMatchObject({ served: RATE, timedOut: 0, backlogEnd: expect.closeTo(480, 9), busy: 1 });
    expect(first.waitEnd).toBeGreaterThanOrEqual(12); // 480 / 2,400 of a minute = 12 s behind the queue
  });

  it('drains the backlog in the next minute: 480 waiting + 1,200 arriving at 2,400/min -> all served, gone after 0.4 min', () => {
    // Act
    const next = queueMinute(480, 0.5 * RATE, RATE, 0.7, p);
    // Assess: served 1,680, busy 0.7; waits fall from 12 s to 0 over 0.4 of the minute, so the p90 is
    // 12 x (1 - 0.1 / 0.4) = 9 s, plus the steady p90 at rho 0.5: 0.10625 x ln(3.333) = 0.1279 s.
    expect(next).toMatchObject({ served: expect.closeTo(1680, 9), backlogEnd: 0, busy: expect.closeTo(0.7, 9) });
    expect(next.waitP90).toBeCloseTo(9 + 0.10625 * Math.log(1 / 0.3), 4);
    expect(next.waitEnd).toBeLessThan(1);
  });

  it('times out what would wait past 60 s: 2,000 waiting + 2 x rate arriving -> 2,000 dropped, 2,400 left', () => {
    const q = queueMinute(2000, 2 * RATE, RATE, 0.7, p);
    expect(q).toMatchObject({ served: RATE, timedOut: expect.closeTo(2000, 9), backlogEnd: expect.closeTo(RATE, 9) });
    expect(q.waitP90).toBeLessThanOrEqual(p.timeoutSeconds);
  });

  it('raises the p90 monotonically with the load, across saturation, without a jump at 100 %', () => {
    let prev = -1;
    for (let u = 0.2; u <= 1.3; u += 0.01) {
      const w = queueMinute(0, u * RATE, RATE, 0.7, p).waitP90;
      expect(w).toBeGreaterThanOrEqual(prev);
      prev = w;
    }
    const below = queueMinute(0, 0.995 * RATE, RATE, 0.7, p).waitP90;
    const above = queueMinute(0, 1.005 * RATE, RATE, 0.7, p).waitP90;
    expect(above - below).toBeLessThan(1);
  });

  it('counts a request slower than the SLO when its wait exceeds the SLO budget', () => {
    // Prepare: a backlog ramp from 12 s to 24 s: every request waits more than 0.7 s.
    expect(queueMinute(480, 1.2 * RATE, RATE, 0.7, p).slowShare).toBe(1);
    // At 30 % and no backlog, almost nobody waits 0.7 s.
    expect(queueMinute(0, 0.3 * RATE, RATE, 0.7, p).slowShare).toBeLessThan(0.001);
  });
});
