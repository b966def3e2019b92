import { errorRateRecommendation } from '../../policies/error-rate';
import { latencyRecommendation } from '../../policies/latency';
import { groupConfig } from '../fixtures/builders';

const { latency, errorRate } = groupConfig().policies as Required<ReturnType<typeof groupConfig>['policies']>;

describe('latency step rule', () => {
  it.each([
    [1.0, 4], // step 1 s: 3 + 1
    [1.9, 4],
    [2.0, 5], // step 2 s: 3 + 2
    [7.5, 5], // highest step reached
  ])('p90 %f s on 3 instances asks for %i', (seconds, desired) => {
    expect(latencyRecommendation(latency, seconds, 3)).toMatchObject({ vote: 'out', desired, decisionCode: 'SCALE_OUT_LATENCY', reason: { code: 'VOTE_SCALE_OUT' } });
  });

  it('agrees to scale in below 0.5 s without naming a number', () => {
    expect(latencyRecommendation(latency, 0.3, 3)).toMatchObject({ vote: 'in', desired: null, reason: { code: 'VOTE_SCALE_IN' } });
  });

  it('holds between 0.5 s and the first step', () => {
    expect(latencyRecommendation(latency, 0.8, 3)).toMatchObject({ vote: 'hold', desired: 3, reason: { code: 'VOTE_HOLD' } });
  });

  it('abstains without data', () => {
    expect(latencyRecommendation(latency, undefined, 3)).toMatchObject({ vote: 'abstain', reason: { code: 'POLICY_NO_DATA' } });
  });
});

describe('error-rate step rule', () => {
  it('scales out on errors when the group is saturated (cpu 85 %)', () => {
    expect(errorRateRecommendation(errorRate, 12, 85, 0.4, 3)).toMatchObject({ vote: 'out', desired: 5, decisionCode: 'SCALE_OUT_ERRORS', reason: { code: 'VOTE_SCALE_OUT' } });
  });

  it('scales out on errors when latency is high even with low cpu', () => {
    expect(errorRateRecommendation(errorRate, 6, 20, 1.5, 3)).toMatchObject({ vote: 'out', desired: 4 });
  });

  it('does not scale out on an error spike without saturation (cpu 20 %, latency 0.2 s), holds (vetoing scale-in), and says so', () => {
    const r = errorRateRecommendation(errorRate, 30, 20, 0.2, 3);
    expect(r).toMatchObject({ vote: 'hold', desired: 3, reason: { code: 'ERRORS_WITHOUT_SATURATION' } });
    expect(r.reason.data).toMatchObject({ errorRate: 30, cpu: 20, latency: 0.2 });
  });

  it('treats unknown saturation as saturated: availability first', () => {
    expect(errorRateRecommendation(errorRate, 6, undefined, undefined, 3)).toMatchObject({ vote: 'out', desired: 4 });
  });

  it('agrees to scale in below 1 %', () => {
    expect(errorRateRecommendation(errorRate, 0.2, 20, 0.2, 3)).toMatchObject({ vote: 'in' });
  });
});
