import type { TimeWindow } from '../../policies/config';
import { activeWindow, isWindowActive, localTime, windowBounds } from '../../policies/time-window';

const every = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const night: TimeWindow = { name: 'night', days: [...every], start: '23:00', end: '07:00', capacity: { max: 4 }, mode: 'spot' };
const at = (iso: string): number => Date.parse(iso);
const activeIn = (w: TimeWindow, iso: string, tz: string): boolean => isWindowActive(w, localTime(at(iso), tz));

describe('local time', () => {
  it('reads weekday and minutes in the zone: 2026-03-04T15:00Z is Wednesday 10:00 in New York', () => {
    expect(localTime(at('2026-03-04T15:00:00Z'), 'America/New_York')).toEqual({ day: 3, minutes: 600 });
  });
});

describe('time windows in America/New_York across DST', () => {
  const ny = 'America/New_York';
  // 2026-03-08 02:00 EST -> 03:00 EDT. A 07:00 end is 12:00Z the day before and 11:00Z that day.
  it('ends the night window at 07:00 local on the spring-forward day (11:00Z, not 12:00Z)', () => {
    expect(activeIn(night, '2026-03-07T11:30:00Z', ny)).toBe(true); // 06:30 EST
    expect(activeIn(night, '2026-03-08T10:59:00Z', ny)).toBe(true); // 06:59 EDT
    expect(activeIn(night, '2026-03-08T11:00:00Z', ny)).toBe(false); // 07:00 EDT
    expect(activeIn(night, '2026-03-08T11:30:00Z', ny)).toBe(false); // 07:30 EDT
  });

  // 2026-11-01 02:00 EDT -> 01:00 EST. A 07:00 end is 11:00Z the day before and 12:00Z that day.
  it('ends the night window at 07:00 local on the fall-back day (12:00Z, not 11:00Z)', () => {
    expect(activeIn(night, '2026-10-31T11:30:00Z', ny)).toBe(false); // 07:30 EDT
    expect(activeIn(night, '2026-11-01T11:30:00Z', ny)).toBe(true); // 06:30 EST
    expect(activeIn(night, '2026-11-01T12:00:00Z', ny)).toBe(false); // 07:00 EST
  });

  it('starts a window inside the skipped hour at the first wall minute after it (03:00 EDT)', () => {
    const w: TimeWindow = { name: 'early', days: ['sun'], start: '02:30', end: '04:00' };
    expect(activeIn(w, '2026-03-08T06:59:00Z', ny)).toBe(false); // 01:59 EST
    expect(activeIn(w, '2026-03-08T07:00:00Z', ny)).toBe(true); // 03:00 EDT
    expect(activeIn(w, '2026-03-08T08:00:00Z', ny)).toBe(false); // 04:00 EDT
  });

  it('counts the repeated 01:00-02:00 hour of the fall-back day on wall-clock time, both times', () => {
    const w: TimeWindow = { name: 'late', days: ['sun'], start: '00:00', end: '01:30' };
    expect(activeIn(w, '2026-11-01T05:15:00Z', ny)).toBe(true); // 01:15 EDT
    expect(activeIn(w, '2026-11-01T05:45:00Z', ny)).toBe(false); // 01:45 EDT
    expect(activeIn(w, '2026-11-01T06:15:00Z', ny)).toBe(true); // 01:15 EST, the second time
    expect(activeIn(w, '2026-11-01T06:45:00Z', ny)).toBe(false); // 01:45 EST
  });
});

describe('time windows in Europe/London across DST', () => {
  const london = 'Europe/London';
  const office: TimeWindow = { name: 'office', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' };

  // BST starts 2026-03-29 01:00Z; ends 2026-10-25 01:00Z.
  it('opens at 08:00 GMT (08:00Z) before and 08:00 BST (07:00Z) after the spring change', () => {
    expect(activeIn(office, '2026-03-27T07:30:00Z', london)).toBe(false); // Fri 07:30 GMT
    expect(activeIn(office, '2026-03-27T08:00:00Z', london)).toBe(true);
    expect(activeIn(office, '2026-03-30T07:30:00Z', london)).toBe(true); // Mon 08:30 BST
    expect(activeIn(office, '2026-03-30T06:59:00Z', london)).toBe(false); // Mon 07:59 BST
  });

  it('closes at 18:00 BST (17:00Z) before and 18:00 GMT (18:00Z) after the autumn change', () => {
    expect(activeIn(office, '2026-10-23T17:30:00Z', london)).toBe(false); // Fri 18:30 BST
    expect(activeIn(office, '2026-10-26T17:30:00Z', london)).toBe(true); // Mon 17:30 GMT
    expect(activeIn(office, '2026-10-26T18:00:00Z', london)).toBe(false);
  });

  it('skips a window that lies wholly inside the skipped hour (01:00-01:45 on 2026-03-29)', () => {
    const w: TimeWindow = { name: 'gap', days: ['sun'], start: '01:00', end: '01:45' };
    expect(activeIn(w, '2026-03-29T00:59:00Z', london)).toBe(false); // 00:59 GMT
    expect(activeIn(w, '2026-03-29T01:00:00Z', london)).toBe(false); // 02:00 BST
    expect(activeIn(w, '2026-03-22T01:30:00Z', london)).toBe(true); // a week before, 01:30 GMT
  });
});

describe('windows that cross midnight', () => {
  const fridayNight: TimeWindow = { name: 'fri-night', days: ['fri'], start: '22:00', end: '06:00' };
  // 2026-03-06 is a Friday.
  it.each([
    ['2026-03-06T21:59:00Z', false], // Fri 21:59
    ['2026-03-06T22:00:00Z', true], // Fri 22:00
    ['2026-03-07T05:59:00Z', true], // Sat 05:59 belongs to Friday's window
    ['2026-03-07T06:00:00Z', false],
    ['2026-03-07T22:30:00Z', false], // Saturday is not a window day
    ['2026-03-08T05:00:00Z', false], // nor is Sunday morning
  ])('at %s active=%s (UTC)', (iso, expected) => {
    expect(activeIn(fridayNight, iso, 'UTC')).toBe(expected);
  });

  it('treats 24:00 as the end of the day', () => {
    const allDay: TimeWindow = { name: 'sat', days: ['sat'], start: '00:00', end: '24:00' };
    expect(activeIn(allDay, '2026-03-07T23:59:00Z', 'UTC')).toBe(true);
    expect(activeIn(allDay, '2026-03-08T00:00:00Z', 'UTC')).toBe(false);
  });
});

describe('active window and its bounds', () => {
  it('takes the first active window in configuration order', () => {
    const weekend: TimeWindow = { name: 'weekend', days: ['sat', 'sun'], start: '00:00', end: '24:00', mode: 'spot' };
    expect(activeWindow([night, weekend], at('2026-03-07T04:00:00Z'), 'UTC')?.name).toBe('night');
    expect(activeWindow([night, weekend], at('2026-03-07T12:00:00Z'), 'UTC')?.name).toBe('weekend');
    expect(activeWindow([night, weekend], at('2026-03-04T12:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('narrows the group bounds and never widens them', () => {
    expect(windowBounds({ min: 2, max: 10 }, night)).toEqual({ min: 2, max: 4 });
    expect(windowBounds({ min: 2, max: 10 }, { ...night, capacity: { min: 1, max: 12 } })).toEqual({ min: 2, max: 10 });
    expect(windowBounds({ min: 2, max: 10 }, undefined)).toEqual({ min: 2, max: 10 });
  });
});
