import fc from 'fast-check';
import { fmt } from '../../policies/format';

describe('fmt', () => {
  it('prints at most two decimals with trailing zeros dropped', () => {
    // Prepare, Act, Assess: worked by hand.
    expect(fmt(2.3382108552308307)).toBe('2.34');
    expect(fmt(5)).toBe('5');
    expect(fmt(0.5)).toBe('0.5');
    expect(fmt(10.004)).toBe('10');
    expect(fmt(100.1)).toBe('100.1');
    expect(fmt(-0.001)).toBe('-0');
    expect(fmt(1.25, 0)).toBe('1');
    expect(fmt(NaN)).toBe('NaN');
    expect(fmt(-Infinity)).toBe('-Infinity');
  });

  it('gives what toFixed with its trailing zeros and point dropped by /\\.?0+$/ gives, for any number and digits', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e4, max: 1e4 })), fc.integer({ min: 0, max: 6 }), (n, digits) => {
      // Prepare
      const s = n.toFixed(digits);
      const expected = !Number.isFinite(n) ? String(n) : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
      // Act, Assess
      expect(fmt(n, digits)).toBe(expected);
    }), { numRuns: 2000 });
  });
});
