import { join } from 'node:path';
import { EventParseError } from '../../controller/errors';
import { DEFAULT_PARAMS } from '../../sim/params';
import { loadTrace, parseTrace, scaled, scaleFactor, sliceDay } from '../../sim/trace';

describe('traces', () => {
  it('parses minute,requests', () => {
    expect(parseTrace('minute,requests\n2019-07-01T00:00Z,10\n2019-07-01T00:01Z,0\n', 't')).toEqual({ name: 't', minutes: [Date.parse('2019-07-01T00:00Z'), Date.parse('2019-07-01T00:01Z')], requests: [10, 0] });
  });

  it.each([
    ['time,count\n', /line 1 must be the header "minute,requests"/],
    ['minute,requests\n2019-07-01T00:00Z,ten\n', /line 2: expected "ISO-minute,requests"/],
    ['minute,requests\n2019-07-01T00:00Z,1\n2019-07-01T00:05Z,1\n', /line 3: minutes must be consecutive/],
    ['minute,requests\n', /no data rows/],
  ])('rejects a bad file with the line and the reason: %j', (text, message) => {
    expect(() => parseTrace(text, 't')).toThrow(EventParseError);
    expect(() => parseTrace(text, 't')).toThrow(message);
  });

  it('scales so the peak needs the maximum at the documented sizing utilisation, whatever any policy says: 10 x 2,400 x 0.6 / 1,000 = 14.4', () => {
    const t = parseTrace('minute,requests\n2019-07-01T00:00Z,500\n2019-07-01T00:01Z,1000\n', 't');
    expect(scaleFactor(t, 10, DEFAULT_PARAMS)).toBeCloseTo(14.4, 9);
    expect(scaled(t, 14.4).requests).toEqual([7200, 14400]);
  });

  it('slices one UTC day of a shipped trace: 1,440 minutes', () => {
    const day = sliceDay(loadTrace(join(__dirname, '../../traces/worldcup98-1998-07-06-semifinal-flash-crowd.csv')), '1998-07-07');
    expect(day.minutes).toHaveLength(1440);
    expect(new Date(day.minutes[0]!).toISOString()).toBe('1998-07-07T00:00:00.000Z');
    expect(() => sliceDay(day, '2001-01-01')).toThrow(/no minute on that UTC day/);
  });
});
