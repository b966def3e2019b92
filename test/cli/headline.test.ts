import { headline } from '../../cli/headline';
import { decide } from '../../policies/decide';
import { TAGS } from '../../policies/tags';
import { example, shippedConfig } from '../fixtures/shipped';

const web = shippedConfig().groups[0]!;
const planOf = (name: string, edit: (s: ReturnType<typeof example>) => ReturnType<typeof example> = (s) => s) => {
  const s = edit(example(name));
  return decide(s, web, s.takenAt);
};

describe('headline: the action a plan takes, first', () => {
  it('says "scale 3 → 5" when the desired capacity changes', () => {
    expect(headline(planOf('evening-rush'))).toBe('scale 3 → 5');
  });

  it('names the instance it replaces', () => {
    expect(headline(planOf('one-bad-instance'))).toBe('replace i-0a1b2c3d4e5f60001');
  });

  it('says the breaker is open and nothing was replaced', () => {
    expect(headline(planOf('dependency-outage'))).toBe('breaker open, 0 replaced');
  });

  it('lists every change of a plan that does several things, capacity first', () => {
    // 6 -> 4: memory's largest reading over the stabilization window, ceil(6 * 40.57 / 70) = 4 (scale-in step 100 %).
    expect(headline(planOf('quiet-night'))).toBe('scale 6 → 4; bounds 2..10 → 2..6; mode → spot');
  });

  it('holds with the code that explains why nothing changes, not the first vote', () => {
    // Prepare: the bad instance recovered; errorRate would scale in, the others veto it
    const plan = planOf('one-bad-instance', (s) => ({ ...s, targets: s.targets.map((t) => ({ ...t, state: 'healthy' as const })) }));
    // Act
    const h = headline(plan);
    // Assess
    expect(plan.reasons[0]!.code).toBe('HOLD_SCALE_IN_VETOED');
    expect(plan.reasons.map((r) => r.code)).toContain('VOTE_HOLD');
    expect(h).toBe('hold (HOLD_SCALE_IN_VETOED)');
  });

  it('a paused group holds with PAUSED', () => {
    const plan = planOf('evening-rush', (s) => ({ ...s, group: { ...s.group, tags: { ...s.group.tags, [TAGS.pausedUntil]: new Date(s.takenAt + 3_600_000).toISOString() } } }));
    expect(headline(plan)).toBe('hold (PAUSED)');
  });
});
