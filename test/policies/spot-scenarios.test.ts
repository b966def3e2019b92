// The spot handler's catalogue at the plan level: every SPOT_* code has a scenario, and each scenario's plan is the
// one its handler test expects on the wire.
import { overridesStage } from '../../policies/overrides-stage';
import { SPOT_HANDLER_CODES } from '../../policies/reasons';
import { planSpotReplacement } from '../../policies/spot-interruption';
import { NOW } from '../fixtures/builders';
import { SPOT_SCENARIOS } from '../fixtures/spot-scenarios';

describe('spot replacement scenarios', () => {
  it('has a scenario for every spot-handler code', () => {
    expect(SPOT_HANDLER_CODES.filter((c) => !SPOT_SCENARIOS.some((s) => s.code === c))).toEqual([]);
  });

  it.each(SPOT_SCENARIOS.map((s) => [s.code, s.title, s] as const))('%s: %s', (code, _t, s) => {
    // Prepare
    const g = s.snapshot.group;
    const detail = s.event.detail as Record<string, string>;
    const kind = s.event['detail-type'] === 'EC2 Spot Instance Interruption Warning' ? 'interruption' as const : 'rebalance' as const;
    // Act
    const plan = planSpotReplacement({
      desired: g.desired, max: overridesStage(s.snapshot, s.config, NOW).effectiveBounds.max, instances: g.instances, tags: g.tags, capacityRebalance: g.capacityRebalance ?? false,
    }, [{ instanceId: detail['instance-id']!, kind }]);
    // Assess
    expect(plan.reasons.map((r) => r.code)).toEqual([code]);
    expect(plan.desired).toBe(s.expect.desired);
    expect(plan.tag).toBe(s.expect.tag);
  });
});
