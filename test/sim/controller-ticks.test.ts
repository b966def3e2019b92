import fc from 'fast-check';
import { parseScheduleEvent } from '../../events/schedule-event';
import { tick, TICKS } from '../../sim/policies/controller';

describe('the simulated controller\'s ticks', () => {
  it('hands the tick runs exactly what parsing the Scheduled Event it would send gives, at any minute', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (minutes) => {
      // Prepare: the two rules' events at some minute since 1970 (up to 2100).
      const now = minutes * 60_000;
      // Act
      const schedule = parseScheduleEvent(tick('autoscaler-tick', now));
      const health = parseScheduleEvent(tick('autoscaler-health-tick', now));
      // Assess
      expect(schedule).toStrictEqual(TICKS.schedule);
      expect(health).toStrictEqual(TICKS.health);
    }), { numRuns: 1000 });
  });
});
