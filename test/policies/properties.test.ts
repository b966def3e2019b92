import fc from 'fast-check';
import { decide } from '../../policies/decide';
import { stepLimit } from '../../policies/limits';
import type { Plan } from '../../policies/plan';
import { readOverrides } from '../../policies/tags';
import { healthFloor } from '../../policies/unhealthy';
import { inputsArb } from '../fixtures/arbitraries';

const RUNS = { numRuns: 1000 };
const finalDesired = (plan: Plan): number => plan.desired ?? plan.current.desired;
const paused = (plan: Plan): boolean => plan.reasons.some((r) => r.code === 'PAUSED');
const busy = (plan: Plan): boolean => plan.reasons.some((r) => r.code === 'HOLD_ACTIVITY_IN_PROGRESS');

describe('decision invariants (fast-check, 1,000 runs each)', () => {
  it('the desired capacity always lies within the effective bounds', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => {
      const plan = decide(snapshot, config, now);
      if (paused(plan)) return plan.desired === undefined && plan.bounds === undefined && plan.distribution === undefined;
      const d = finalDesired(plan);
      if (busy(plan)) {
        // An activity in progress: only a scale-out moves, and it stays inside the bounds the group will have.
        const max = plan.bounds?.max ?? snapshot.group.max;
        return plan.distribution === undefined && (plan.desired === undefined || (plan.desired > plan.current.desired && plan.desired <= max));
      }
      return d >= plan.effectiveBounds.min && d <= plan.effectiveBounds.max;
    }), RUNS);
  });

  it('a step never exceeds its limits when the group starts inside its bounds', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => {
      const plan = decide(snapshot, config, now);
      const current = snapshot.group.desired;
      const { min, max } = plan.effectiveBounds;
      if (readOverrides(snapshot.group.tags, now).desired || current < min || current > max || busy(plan)) return true;
      const d = finalDesired(plan);
      if (d > current) return d - current <= stepLimit(current, config.stepLimits.out, 'out');
      return current - d <= stepLimit(current, config.stepLimits.in, 'in');
    }), RUNS);
  });

  it('missing data never scales in (below the bounds the schedule sets; an operator override is not data)', () => {
    fc.assert(fc.property(inputsArb({ noMetrics: true }), ({ snapshot, config, now }) => {
      if (readOverrides(snapshot.group.tags, now).desired) return true;
      const plan = decide(snapshot, config, now);
      return finalDesired(plan) >= Math.min(snapshot.group.desired, plan.effectiveBounds.max);
    }), RUNS);
  });

  it('an open breaker replaces nothing', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => {
      const plan = decide(snapshot, config, now);
      return !plan.reasons.some((r) => r.code === 'BREAKER_OPEN') || plan.replace.length === 0;
    }), RUNS);
  });

  it('replacements never take in-service capacity below the floor, and only touch unhealthy in-service targets', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => {
      for (const scope of ['all', 'health'] as const) {
        const plan = decide(snapshot, config, now, scope);
        if (plan.replace.length === 0) continue;
        const inService = snapshot.group.instances.filter((i) => i.lifecycle === 'InService');
        if (inService.length - plan.replace.length < healthFloor(snapshot.group.desired, config.health)) return false;
        if (plan.replace.length > config.health.maxReplacementsPerRun) return false;
        const unhealthy = new Set(snapshot.targets.filter((t) => t.state === 'unhealthy').map((t) => t.instanceId));
        if (!plan.replace.every((id) => unhealthy.has(id) && inService.some((i) => i.id === id))) return false;
      }
      return true;
    }), RUNS);
  });

  it('the same inputs give the same plan', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => {
      const a = decide(snapshot, config, now);
      const b = decide(structuredClone(snapshot), structuredClone(config), now);
      expect(b).toEqual(a);
    }), RUNS);
  });

  it('every plan explains itself with at least one reason', () => {
    fc.assert(fc.property(inputsArb(), ({ snapshot, config, now }) => decide(snapshot, config, now).reasons.length > 0), RUNS);
  });
});
