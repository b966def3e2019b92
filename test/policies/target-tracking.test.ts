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
    expect(r).toMatchObject({ policy: 'cpu', vote: 'out', desired: expected, decisionCode: 'SCALE_OUT_CPU' });
    expect(r.reason.code).toBe('VOTE_SCALE_OUT');
    expect(r.reason.data).toMatchObject({ ready, value, target: 60 });
  });

  it('names memory with its own decision code', () => {
    // ceil(3 * 84 / 70) = ceil(3.6) = 4
    expect(trackTarget('memory', { target: 70, alarm: 85 }, 84, 3, 3, 0.1)).toMatchObject({ vote: 'out', desired: 4, decisionCode: 'SCALE_OUT_MEMORY', reason: { code: 'VOTE_SCALE_OUT' } });
  });

  it.each([[54], [60], [66]])('holds inside the 10 %% tolerance band (cpu %i against 60)', (value) => {
    const r = trackTarget('cpu', cpu, value, 3, 3, 0.1);
    expect(r).toMatchObject({ vote: 'hold', desired: 3, reason: { code: 'VOTE_HOLD' } });
  });

  it('votes in with ceil(ready * cpu / target) below the band', () => {
    // ceil(4 * 20 / 60) = ceil(1.33) = 2
    expect(trackTarget('cpu', cpu, 20, 4, 4, 0.1)).toMatchObject({ vote: 'in', desired: 2, reason: { code: 'VOTE_SCALE_IN' } });
  });

  it('never votes in above target: 2 ready at 90 % with 4 desired holds, ceil(2 * 90 / 60) = 3 < 4', () => {
    expect(trackTarget('cpu', cpu, 90, 2, 4, 0.1)).toMatchObject({ vote: 'hold', desired: 4, reason: { code: 'VOTE_HOLD', data: { desired: 3 } } });
  });

  it.each([
    // ready, value, current, expected: missing instances (current - ready) count at the target, as HPA's scale-down
    [3, 20, 6, 4], // ceil(3 * 20 / 60 + 3) = ceil(4) = 4
    [2, 30, 4, 3], // ceil(2 * 0.5 + 2) = 3
    [5, 10, 6, 2], // ceil(5 / 6 + 1) = 2
  ])('votes in against current with missing instances at the target: ready %i at %i %% of %i -> %i', (ready, value, current, expected) => {
    expect(trackTarget('cpu', cpu, value, ready, current, 0.1)).toMatchObject({ vote: 'in', desired: expected });
  });

  it('holds when counting missing instances at the target leaves no surplus: 1 ready at 30 % of 10 -> ceil(0.5 + 9) = 10', () => {
    expect(trackTarget('cpu', cpu, 30, 1, 10, 0.1)).toMatchObject({ vote: 'hold', desired: 10 });
  });

  it('holds when the adjusted ratio lands inside the tolerance (HPA): 5 ready at 48 % of 10 -> (5 * 0.8 + 5) / 10 = 0.9', () => {
    expect(trackTarget('cpu', cpu, 48, 5, 10, 0.1)).toMatchObject({ vote: 'hold', desired: 10, reason: { data: { desired: 9 } } });
  });

  it('abstains without data', () => {
    expect(trackTarget('cpu', cpu, undefined, 3, 3, 0.1)).toMatchObject({ vote: 'abstain', desired: null, reason: { code: 'POLICY_NO_DATA' } });
  });

  it('holds when no instance is ready yet', () => {
    expect(trackTarget('cpu', cpu, 95, 0, 2, 0.1)).toMatchObject({ vote: 'hold', desired: 2, reason: { code: 'VOTE_WARMING_UP' } });
  });
});
