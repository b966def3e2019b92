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
    // ready, value, current, expected: missing instances (current - ready) count at 100 %, as HPA's missing pods on a
    // scale-down (replica_calculator.go: "treat missing pods as using 100% of the resource request")
    [5, 10, 6, 3], // ceil((5 * 10 + 1 * 100) / 60) = ceil(2.5) = 3
    [4, 20, 5, 3], // ceil((4 * 20 + 1 * 100) / 60) = 3; new ratio 180 / 300 = 0.6
    [6, 10, 8, 5], // ceil((6 * 10 + 2 * 100) / 60) = ceil(4.33) = 5; new ratio 260 / 480 = 0.54
  ])('votes in against current with missing instances at 100 %%: ready %i at %i %% of %i -> %i', (ready, value, current, expected) => {
    expect(trackTarget('cpu', cpu, value, ready, current, 0.1)).toMatchObject({ vote: 'in', desired: expected });
  });

  it('holds when counting missing instances at 100 % leaves no surplus: 3 ready at 20 % of 6 -> (60 + 300) / 360 = 1.0', () => {
    expect(trackTarget('cpu', cpu, 20, 3, 6, 0.1)).toMatchObject({ vote: 'hold', desired: 6, reason: { data: { desired: 6 } } });
  });

  it('holds when the missing instances turn the ratio above 1 (HPA: no change of direction): 5 ready at 48 % of 10 -> 740 / 600', () => {
    // ceil((5 * 48 + 5 * 100) / 60) = ceil(12.33) = 13 > 10: a scale-in that would grow holds instead
    expect(trackTarget('cpu', cpu, 48, 5, 10, 0.1)).toMatchObject({ vote: 'hold', desired: 10, reason: { data: { desired: 13 } } });
  });

  it('holds a scale-out that the instances still booting bring within the tolerance (HPA counts them at 0): 9 ready at 70 % of 10', () => {
    // new ratio 9 * 70 / (10 * 60) = 1.05, inside 10 %; ceil(9 * 70 / 60) = 11 would have added one
    expect(trackTarget('cpu', cpu, 70, 9, 10, 0.1)).toMatchObject({ vote: 'hold', desired: 10, reason: { code: 'VOTE_HOLD', data: { desired: 11 } } });
  });

  it('abstains without data', () => {
    expect(trackTarget('cpu', cpu, undefined, 3, 3, 0.1)).toMatchObject({ vote: 'abstain', desired: null, reason: { code: 'POLICY_NO_DATA' } });
  });

  it('holds when no instance is ready yet', () => {
    expect(trackTarget('cpu', cpu, 95, 0, 2, 0.1)).toMatchObject({ vote: 'hold', desired: 2, reason: { code: 'VOTE_WARMING_UP' } });
  });
});
