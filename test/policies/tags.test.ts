import { readOverrides, TAGS } from '../../policies/tags';
import { NOW } from '../fixtures/builders';

const later = new Date(NOW + 3_600_000).toISOString();
const earlier = new Date(NOW - 1_000).toISOString();

describe('override tags', () => {
  it('reads a pause, a capacity override and a mode override that have not expired', () => {
    expect(readOverrides({ [TAGS.pausedUntil]: later, [TAGS.overrideDesired]: '6', [TAGS.overrideUntil]: later, [TAGS.mode]: 'spot', [TAGS.modeUntil]: later }, NOW)).toEqual({
      pausedUntil: NOW + 3_600_000, desired: { value: 6, until: NOW + 3_600_000 }, mode: { value: 'spot', until: NOW + 3_600_000 }, invalid: [],
    });
  });

  it('drops what has expired', () => {
    expect(readOverrides({ [TAGS.pausedUntil]: earlier, [TAGS.overrideDesired]: '6', [TAGS.overrideUntil]: earlier }, NOW)).toEqual({ invalid: [] });
  });

  it('keeps a mode override without an expiry', () => {
    expect(readOverrides({ [TAGS.mode]: 'balanced' }, NOW).mode).toEqual({ value: 'balanced' });
  });

  it('reports unreadable values instead of guessing', () => {
    expect(readOverrides({ [TAGS.pausedUntil]: 'tomorrow-ish', [TAGS.overrideDesired]: 'six', [TAGS.overrideUntil]: later, [TAGS.mode]: 'cheap' }, NOW).invalid).toEqual([
      TAGS.pausedUntil, TAGS.overrideDesired, TAGS.mode,
    ]);
  });
});
