// The world functions the simulator's Cloud adapter maps the controller's warm-pool and Capacity Rebalancing writes
// onto, and the Spot events it hands the spot handler: each drives the documented physics of the world.
import { CloudError } from '../../controller/errors';
import { parseSpotEvent } from '../../events/spot-interruption-event';
import type { WorldParams } from '../../sim/params';
import { createWorld, stepMinute, type World } from '../../sim/world';
import {
  capacityRebalanceOf, describeWorldWarmPool, setCapacityRebalance, spotEventsOf, warmPoolConfigurationOf, worldDeleteWarmPool, worldPutWarmPool,
} from '../../sim/world-controls';
import { CALM_PARAMS, at, load, steps, worldOptions } from '../fixtures/sim-world';

const allSpot = { onDemandBaseCapacity: 0, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };
/** The controller's absolute-size form: MinSize = MaxGroupPreparedCapacity = 2, stopped, reused on scale-in. */
const POOL = { minSize: 2, maxGroupPreparedCapacity: 2, poolState: 'Stopped', reuseOnScaleIn: true } as const;

/** The calm world at 3 instances' load (all On-Demand: no window at 10:00 New York on a Wednesday). */
const calmWorld = (params: WorldParams = CALM_PARAMS, minutes = 10): World => createWorld({ ...worldOptions(steps([minutes, load(3)]), { calm: true }), params });

/** Every instance of the world made Spot, under an all-Spot distribution. */
const allSpotWorld = (params: WorldParams): World => {
  const w = calmWorld(params);
  w.group.distribution = allSpot;
  for (const i of w.group.instances) (i as { market: string }).market = 'spot';
  return w;
};

describe('world controls: warm pool', () => {
  it('puts the pool and fills it by cold launches: Warmed:Pending for the 180 s first boot, then Warmed:Stopped', () => {
    // Prepare
    const w = calmWorld();
    // Act
    worldPutWarmPool(w, POOL);
    stepMinute(w, 0);
    const booting = describeWorldWarmPool(w);
    stepMinute(w, 1);
    stepMinute(w, 2);
    stepMinute(w, 3);
    const ready = describeWorldWarmPool(w);
    // Assess: MinSize 2 = MaxGroupPreparedCapacity 2 holds 2 whatever desired is.
    expect(booting.config).toEqual({ minSize: 2, maxGroupPreparedCapacity: 2, poolState: 'Stopped' });
    expect(booting.instances.map((i) => i.lifecycle)).toEqual(['Warmed:Pending', 'Warmed:Pending']);
    expect(ready.instances.map((i) => i.lifecycle)).toEqual(['Warmed:Stopped', 'Warmed:Stopped']);
    expect(ready.instances.map((i) => i.id)).toEqual(booting.instances.map((i) => i.id));
    expect(w.group.warmPool?.config.reuseOnScaleIn).toBe(true);
  });

  it('serves the next scale-out from the pool: the new instance is a pool instance on a 45 s warm start', () => {
    // Prepare: warm starts at their median too.
    const w = calmWorld({ ...CALM_PARAMS, warmStartSigma: 0 });
    worldPutWarmPool(w, POOL);
    for (let m = 0; m <= 3; m += 1) stepMinute(w, m);
    const pooled = describeWorldWarmPool(w).instances.map((i) => i.id);
    // Act
    w.group.desired += 1;
    stepMinute(w, 4);
    // Assess
    const launched = w.group.instances.filter((i) => i.state === 'pending');
    expect(launched.map((i) => i.id)).toEqual([pooled[0]]);
    expect(launched[0]!.bootMs).toBe(1000 * CALM_PARAMS.warmStartSeconds);
  });

  it('reads an unset MaxGroupPreparedCapacity (-1 written) back as -1, and no pool as null', () => {
    const w = calmWorld();
    expect(warmPoolConfigurationOf(w)).toBeNull();
    worldPutWarmPool(w, { ...POOL, maxGroupPreparedCapacity: -1 });
    expect(warmPoolConfigurationOf(w)).toEqual({ minSize: 2, maxGroupPreparedCapacity: -1, poolState: 'Stopped' });
  });

  it('is refused with a ValidationError naming the warm pool where the group runs Spot, leaving the group as it was', () => {
    // Prepare
    const w = calmWorld();
    worldPutWarmPool(w, POOL);
    w.group.distribution = allSpot;
    // Act
    let error: unknown;
    try {
      worldPutWarmPool(w, { ...POOL, minSize: 5, maxGroupPreparedCapacity: 5 });
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toBe('ValidationError');
    expect((error as CloudError).message).toMatch(/warm pool/i);
    expect(warmPoolConfigurationOf(w)).toEqual({ minSize: 2, maxGroupPreparedCapacity: 2, poolState: 'Stopped' });
  });

  it('deletes the pool with its instances, and a second delete changes nothing', () => {
    const w = calmWorld();
    worldPutWarmPool(w, POOL);
    stepMinute(w, 0);
    worldDeleteWarmPool(w);
    expect(describeWorldWarmPool(w)).toEqual({ config: null, instances: [] });
    expect(() => worldDeleteWarmPool(w)).not.toThrow();
    expect(stepMinute(w, 1).warmPool).toBe(0);
  });
});

describe('world controls: Capacity Rebalancing and Spot events', () => {
  // Every Spot Instance is at risk at the first draw (a probability of 1 a minute), with no false alarms.
  const certain: WorldParams = { ...CALM_PARAMS, spotInterruptionPerHour: 60, spotFalseRebalanceRatio: 0 };

  it('is on by default and launches a replacement per rebalance recommendation; off, it launches none', () => {
    // Prepare
    const on = allSpotWorld(certain);
    const off = allSpotWorld(certain);
    // Act
    setCapacityRebalance(off, false);
    stepMinute(on, 0);
    stepMinute(off, 0);
    // Assess: 3 in service, each recommended for rebalance in minute 0.
    expect(capacityRebalanceOf(on)).toBe(true);
    expect(capacityRebalanceOf(off)).toBe(false);
    expect(on.spotSignals.filter((s) => s.kind === 'rebalance')).toHaveLength(3);
    expect(on.group.instances.filter((i) => i.state === 'pending')).toHaveLength(3);
    expect(off.group.instances.filter((i) => i.state === 'pending')).toHaveLength(0);
  });

  it("hands over the latest minute's signals as EventBridge events the spot handler parses, then none the next minute", () => {
    // Prepare: a forced interruption at minute 2 sends both signals at once for the oldest Spot Instance.
    const o = worldOptions(steps([10, load(3)]), { calm: true, faults: { spotInterruptions: [at(2)] } });
    const w = createWorld({ ...o, params: { ...CALM_PARAMS, spotInterruptionPerHour: 0 } });
    w.group.distribution = allSpot;
    for (const i of w.group.instances) (i as { market: string }).market = 'spot';
    // Act
    stepMinute(w, 0);
    const quiet = spotEventsOf(w);
    stepMinute(w, 1);
    stepMinute(w, 2);
    const events = spotEventsOf(w, 'eu-west-1', '210987654321');
    stepMinute(w, 3);
    // Assess
    expect(quiet).toEqual([]);
    expect(events.map((e) => e['detail-type'])).toEqual(['EC2 Instance Rebalance Recommendation', 'EC2 Spot Instance Interruption Warning']);
    const parsed = events.map(parseSpotEvent);
    expect(parsed.map((e) => [e.kind, e.region, e.at])).toEqual([['rebalance', 'eu-west-1', at(2)], ['interruption', 'eu-west-1', at(2)]]);
    expect(parsed[0]!.instanceId).toBe(parsed[1]!.instanceId);
    expect(events[1]!.account).toBe('210987654321');
    expect(spotEventsOf(w)).toEqual([]);
  });
});
