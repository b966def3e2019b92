// Spot risk in the simulated world: the Advisor band's rate, the rebalance recommendation before the two-minute
// warning, the events policies receive, and Capacity Rebalancing (Auto Scaling User Guide, "Capacity Rebalancing").
import { parseSpotEvent } from '../../events/spot-interruption-event';
import { active, addWarmInstance, asgTick, createGroup } from '../../sim/fleet';
import { DEFAULT_PARAMS, SPOT_ADVISOR_BANDS, spotRatePerHour, type WorldParams } from '../../sim/params';
import { createRng } from '../../sim/rng';
import { spotEventOf, spotMinute, type SpotSignal } from '../../sim/spot';
import { createWorld, stepMinute } from '../../sim/world';
import { CALM_PARAMS, at, load, steps, worldOptions } from '../fixtures/sim-world';

const T0 = Date.parse('2026-03-04T15:00:00Z');
const min = (n: number) => T0 + n * 60_000;
const allSpot = { onDemandBaseCapacity: 0, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };
/** Every eligible Spot Instance is interrupted at the first draw (a probability of 1 a minute); no false alarms. */
const certain: WorldParams = { ...DEFAULT_PARAMS, spotInterruptionPerHour: 60, spotFalseRebalanceRatio: 0 };

describe('spot interruptions', () => {
  it('takes the hourly rate from the Advisor band: 5 % of instances a month is -ln(0.95) / 730 per hour', () => {
    const r = spotRatePerHour(SPOT_ADVISOR_BANDS['<5%']);
    expect(r).toBeCloseTo(0.051293 / 730, 9);
    expect(1 - Math.exp(-730 * r)).toBeCloseTo(0.05, 12);
    expect(DEFAULT_PARAMS.spotInterruptionPerHour).toBe(r);
  });

  it('interrupts at the rate asked for, with the same draws for the same seed', () => {
    // Prepare: 200 Spot Instances for 500 minutes at 1 % a minute: 1,000 expected, standard deviation ~31.5.
    const p: WorldParams = { ...DEFAULT_PARAMS, spotInterruptionPerHour: 0.6, spotFalseRebalanceRatio: 0 };
    const count = (seed: number): number => {
      const g = createGroup('web', 0, 200, 200, allSpot);
      for (let k = 0; k < 200; k += 1) addWarmInstance(g, 'spot', min(-60));
      const rng = createRng(seed);
      let n = 0;
      for (let m = 0; m < 500; m += 1) {
        const s: SpotSignal[] = [];
        spotMinute(g, min(m), false, p, rng, s);
        n += s.filter((x) => x.kind === 'rebalance').length;
        for (const i of g.instances) i.warnAt = undefined; // keep all 200 eligible
        for (const i of g.instances) i.atRisk = false;
      }
      return n;
    };
    // Act
    const a = count(7);
    // Assess: within 4 standard deviations, and bit for bit again with the same seed.
    expect(Math.abs(a - 1000)).toBeLessThan(126);
    expect(count(7)).toBe(a);
    expect(count(8)).not.toBe(a);
  });

  it('sends the rebalance recommendation, then the two-minute warning 17 min later, then interrupts', () => {
    // Prepare
    const g = createGroup('web', 0, 10, 1, allSpot);
    addWarmInstance(g, 'spot', min(-60));
    const id = g.instances[0]!.id;
    const rng = createRng(1);
    const signals: SpotSignal[][] = [];
    // Act
    for (let m = 0; m <= 20; m += 1) {
      const s: SpotSignal[] = [];
      spotMinute(g, min(m), false, certain, rng, s);
      signals.push(s);
      asgTick(g, min(m), certain);
    }
    // Assess
    expect(signals[0]).toEqual([{ kind: 'rebalance', instanceId: id, at: min(0) }]);
    expect(signals.slice(1, 17).flat()).toEqual([]);
    expect(signals[17]).toEqual([{ kind: 'interruption', instanceId: id, at: min(17) }]);
    expect(g.instances.find((i) => i.id === id)).toBeUndefined(); // gone at minute 19
    expect(g.activities.some((a) => a.description === `Terminating EC2 instance: ${id} (Spot interruption)`)).toBe(true);
  });

  it('without Capacity Rebalancing, replaces the instance only after it is interrupted', () => {
    const g = createGroup('web', 0, 10, 1, allSpot);
    g.capacityRebalance = false;
    addWarmInstance(g, 'spot', min(-60));
    const rng = createRng(1);
    const launchedAt: number[] = [];
    for (let m = 0; m <= 20; m += 1) {
      spotMinute(g, min(m), false, { ...certain, spotInterruptionPerHour: m === 0 ? 60 : 0 }, rng, []);
      const before = g.launched;
      asgTick(g, min(m), certain);
      if (g.launched > before) launchedAt.push(m);
    }
    expect(launchedAt).toEqual([19]);
  });

  it('with Capacity Rebalancing, launches the replacement on the recommendation and terminates the old one once the new one is healthy', () => {
    // Prepare: one Spot Instance, Capacity Rebalancing on, no further interruptions after minute 0.
    const g = createGroup('web', 0, 10, 1, allSpot);
    g.capacityRebalance = true;
    addWarmInstance(g, 'spot', min(-60));
    const old = g.instances[0]!;
    const rng = createRng(1);
    // Act: minute 0, the recommendation; the ASG launches at once.
    spotMinute(g, min(0), false, certain, rng, []);
    asgTick(g, min(0), certain);
    const replacement = g.instances[1]!;
    // Assess: two instances, desired still 1; the old one serves until the replacement is in service and healthy.
    expect(g.desired).toBe(1);
    expect(active(g)).toHaveLength(2);
    for (let m = 1; m <= 4; m += 1) {
      spotMinute(g, min(m), false, { ...certain, spotInterruptionPerHour: 0 }, rng, []);
      asgTick(g, min(m), certain);
      if (replacement.state === 'in-service' && m === 4) replacement.target = 'healthy'; // its two checks passed
    }
    expect(old.state).toBe('in-service');
    spotMinute(g, min(5), false, { ...certain, spotInterruptionPerHour: 0 }, rng, []);
    expect(old.state).toBe('draining');
    asgTick(g, min(5), certain);
    expect(active(g).map((i) => i.id)).toEqual([replacement.id]);
  });

  it('delivers the signals as the EventBridge events the spot handler parses', () => {
    const e = spotEventOf({ kind: 'interruption', instanceId: 'i-0000000000000000a', at: min(0) });
    expect(parseSpotEvent(e)).toEqual({ instanceId: 'i-0000000000000000a', kind: 'interruption', action: 'terminate', at: min(0), region: 'us-east-1' });
    const r = spotEventOf({ kind: 'rebalance', instanceId: 'i-0000000000000000b', at: min(1) });
    expect(parseSpotEvent(r)).toEqual({ instanceId: 'i-0000000000000000b', kind: 'rebalance', at: min(1), region: 'us-east-1' });
  });

  it("puts a forced interruption's two signals in the world's minute, and the instance is gone two minutes later", () => {
    // Prepare: the spot config's group at night would be spot; here a forced interruption on the world's spot instance.
    const o = worldOptions(steps([10, load(3)]), { calm: true, faults: { spotInterruptions: [at(2)] } });
    const w = createWorld({ ...o, params: { ...CALM_PARAMS, spotInterruptionPerHour: 0 } });
    w.group.distribution = allSpot;
    for (const i of w.group.instances) (i as { market: string }).market = 'spot';
    // Act
    stepMinute(w, 0);
    stepMinute(w, 1);
    stepMinute(w, 2);
    const signals = [...w.spotSignals];
    // Assess
    expect(signals.map((s) => s.kind)).toEqual(['rebalance', 'interruption']);
    const id = signals[0]!.instanceId;
    stepMinute(w, 3);
    expect(w.spotSignals).toEqual([]);
    stepMinute(w, 4);
    expect(w.group.instances.some((i) => i.id === id && i.state !== 'terminated')).toBe(false);
  });
});
