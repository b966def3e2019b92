// The scale-out stabilization window: a policy's scale-out stands only on the smallest reading over the window, so a
// one-minute spike that is gone before any launch could boot does not buy an instance (HPA's scaleUp window).
import type { GroupConfig } from './config';
import { fmt } from './format';
import { reason } from './reasons';
import type { Recommendation } from './recommendation';

/**
 * HPA's behavior.scaleUp.stabilizationWindowSeconds keeps the smallest recommendation over the window; AWS target
 * tracking's scale-out alarm wants 3 of 3 one-minute datapoints above target. A recommendation is monotone in its
 * reading, so the vote on each metric's smallest reading over the window is that smallest recommendation.
 * `latest` and `confirmed` are the same policies in the same order (both from recommend()).
 */
export const confirmScaleOut = (
  latest: readonly Recommendation[],
  confirmed: readonly Recommendation[],
  config: GroupConfig,
  current: number,
): Recommendation[] => {
  const seconds = config.stabilization.scaleOutSeconds ?? 0;
  return latest.map((r, i) => {
    const c = confirmed[i];
    if (r.vote !== 'out' || seconds === 0 || c === undefined || c.policy !== r.policy) return r;
    const window = `the smallest ${r.policy} reading over the ${seconds} s scale-out window is ${c.value === null ? 'absent' : fmt(c.value)}`;
    if (c.vote === 'out') {
      return c.desired === r.desired ? r : { ...c, reason: reason(c.reason.code, `${c.reason.message} (${window}; latest ${r.value === null ? 'absent' : fmt(r.value)})`, { ...c.reason.data, latest: r.value, scaleOutWindowSeconds: seconds }) };
    }
    return {
      policy: r.policy, vote: 'hold', desired: current, value: r.value,
      reason: reason('VOTE_SCALE_OUT_UNCONFIRMED', `${r.reason.message}, but ${window}: the rise has not held for the window yet`, {
        ...r.reason.data, confirmedValue: c.value, scaleOutWindowSeconds: seconds,
      }),
    };
  });
};
