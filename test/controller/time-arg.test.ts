// Time arguments (decide --at, manual until): an instant must carry its UTC offset.
import { EventParseError } from '../../controller/errors';
import { parseTime } from '../../controller/time-arg';

describe('parseTime', () => {
  it.each([
    ['2026-03-04T18:00:00Z', Date.UTC(2026, 2, 4, 18)],
    ['2026-03-04T13:00:00-05:00', Date.UTC(2026, 2, 4, 18)],
  ])('reads %s as the instant it names', (s, expected) => {
    // Act / Assess
    expect(parseTime(s, '--at')).toBe(expected);
  });

  it.each(['2026-03-04T18:00:00', '2026-03-04', 'tomorrow'])('refuses %s, naming the flag and asking for an offset', (s) => {
    // Act / Assess
    expect(() => parseTime(s, '--at')).toThrow(EventParseError);
    expect(() => parseTime(s, '--at')).toThrow(/--at: .* with a UTC offset/);
  });
});
