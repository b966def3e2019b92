import { parseCount, parseInstant } from '../../policies/instant';

describe('strict readers for hand-written values', () => {
  it.each([
    ['2026-03-04T16:00:00Z', Date.UTC(2026, 2, 4, 16)],
    ['2026-03-04T16:00Z', Date.UTC(2026, 2, 4, 16)],
    ['2026-03-04T17:00:00+01:00', Date.UTC(2026, 2, 4, 16)],
    ['2026-03-04T11:00:00.5-05:00', Date.UTC(2026, 2, 4, 16, 0, 0, 500)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads the instant %s', (s, t) => {
    expect(parseInstant(s)).toBe(t);
  });

  it.each(['2026-03-04T16:00:00', '2026-03-04', '2026-03-04 16:00Z', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-04T24:00:00Z', '2026-03-04T16:00:00+0100', ' 2026-03-04T16:00:00Z', 'now', ''])(
    'rejects %j: no offset, not ISO 8601, or no such day', (s) => {
      expect(parseInstant(s)).toBeUndefined();
    });

  it.each([['0', 0], ['7', 7], ['10', 10], ['9007199254740991', 9007199254740991]])('reads the count %j', (s, n) => {
    expect(parseCount(s)).toBe(n);
  });

  it.each(['', ' ', '+5', '-1', '05', '5.0', '1e1', '0x8', ' 5', '5 ', 'five', '9007199254740992'])('rejects the count %j', (s) => {
    expect(parseCount(s)).toBeUndefined();
  });
});
