import { trackTarget } from '../../policies/target-tracking';

describe('target tracking', () => {
  const cpu = { target: 60, alarm: 80 };

  it.each([
    // ready, value, current, expected desired: worked by hand
    [3, 90, 3, 5], // ceil(3 * 90 / 60) = ceil(4.5) = 5
    [3, 80, 3, 4], // ceil(3 * 80 / 60) = ceil(4.0) = 4, not 5 through float error
    [4, 75, 4, 5], // ceil(4 * 75 / 60) = 5
    [10, 99, 10, 17], // ceil(16.5) = 17: bounds are not this rule's business
  ])('scales out to ceil(ready * cpu / target): ready %i at %i %% -> %i', (ready, value, current, expected) => {
    const r = trackTarget('cpu', cpu, value, ready, current, 0.1);
    expect(r).toMatchObject({ policy: 'cpu', vote: 'out', desired: expected });
    expect(r.reason.code).toBe('SCALE_OUT_CPU');
    expect(r.reason.data).toMatchObject({ ready, value, target: 60 });
  });

  it('names memory with its own code', () => {
    // ceil(3 * 84 / 70) = ceil(3.6) = 4
    expect(trackTarget('memory', { target: 70, alarm: 85 }, 84, 3, 3, 0.1)).toMatchObject({ vote: 'out', desired: 4, reason: { code: 'SCALE_OUT_MEMORY' } });
  });

  it.each([[54], [60], [66]])('holds inside the 10 %% tolerance band (cpu %i against 60)', (value) => {
    const r = trackTarget('cpu', cpu, value, 3, 3, 0.1);
    expect(r).toMatchObject({ vote: 'hold', desired: 3, reason: { code: 'HOLD_WITHIN_TOLERANCE' } });
  });

  it('votes in with ceil(ready * cpu / target) below the band', () => {
    // ceil(4 * 20 / 60) = ceil(1.33) = 2
    expect(trackTarget('cpu', cpu, 20, 4, 4, 0.1)).toMatchObject({ vote: 'in', desired: 2, reason: { code: 'SCALE_IN' } });
  });

  it('counts only ready instances: 2 ready at 90 % with 4 desired holds, ceil(2 * 90 / 60) = 3 < 4', () => {
    expect(trackTarget('cpu', cpu, 90, 2, 4, 0.1)).toMatchObject({ vote: 'in', desired: 3 });
  });

  it('abstains without data', () => {
    expect(trackTarget('cpu', cpu, undefined, 3, 3, 0.1)).toMatchObject({ vote: 'abstain', desired: null, reason: { code: 'POLICY_NO_DATA' } });
  });

  it('holds when no instance is ready yet', () => {
    expect(trackTarget('cpu', cpu, 95, 0, 2, 0.1)).toMatchObject({ vote: 'hold', desired: 2, reason: { code: 'HOLD_WARMING_UP' } });
  });
});
