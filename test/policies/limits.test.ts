import { applyLimits, stepLimit } from '../../policies/limits';

const limits = { out: { instances: 4, percent: 100 }, in: { instances: 1, percent: 10 } };
const bounds = { min: 2, max: 10 };

describe('step limits', () => {
  it.each([
    // current, limit, direction, expected: the larger of N and P % of current
    [3, { instances: 4, percent: 100 }, 'out', 4], // max(4, ceil(3)) = 4
    [6, { instances: 4, percent: 100 }, 'out', 6], // max(4, 6) = 6
    [5, { instances: 1, percent: 10 }, 'in', 1], // max(1, floor(0.5)) = 1
    [30, { instances: 1, percent: 10 }, 'in', 3], // max(1, floor(3)) = 3
  ] as const)('from %i with %j %s allows %i', (current, limit, direction, expected) => {
    expect(stepLimit(current, limit, direction)).toBe(expected);
  });

  it('caps a scale-out at current + limit: 2 -> wanted 9 -> 6', () => {
    expect(applyLimits(2, 9, bounds, limits)).toEqual({ desired: 6, reasons: [expect.objectContaining({ code: 'LIMIT_STEP_OUT', data: { current: 2, wanted: 9, capped: 6 } })] });
  });

  it('caps a scale-in at current - limit: 6 -> wanted 2 -> 5', () => {
    expect(applyLimits(6, 2, bounds, limits).desired).toBe(5);
    expect(applyLimits(6, 2, bounds, limits).reasons[0]?.code).toBe('LIMIT_STEP_IN');
  });

  it('clamps to the maximum after the step limit: 8 -> wanted 14 -> 12 -> 10', () => {
    const r = applyLimits(8, 14, bounds, limits);
    expect(r.desired).toBe(10);
    expect(r.reasons.map((x) => x.code)).toEqual(['LIMIT_MAX_BOUND']);
  });

  it('raises to the minimum', () => {
    const r = applyLimits(2, 1, { min: 3, max: 10 }, limits);
    expect(r).toMatchObject({ desired: 3, reasons: [{ code: 'LIMIT_MIN_BOUND' }] });
  });

  it('lets the bounds win over the step limit when a window narrowed them: 8 with max 4 -> 4', () => {
    expect(applyLimits(8, 8, { min: 2, max: 4 }, limits).desired).toBe(4);
  });

  it('changes nothing inside the limits', () => {
    expect(applyLimits(3, 5, bounds, limits)).toEqual({ desired: 5, reasons: [] });
  });
});
