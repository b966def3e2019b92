// Pacing: Auto Scaling and ELBv2 calls wait for a token of the documented bucket (40, refilled at 10 per second).
import { categoryOf, tokenBucket } from '../../aws/pacing';

/** A virtual clock: sleeping advances it, so no test waits in real time. */
const virtualTime = () => {
  let now = 0;
  const slept: number[] = [];
  return { clock: () => now, sleep: async (ms: number) => { slept.push(ms); now += ms; }, slept, at: () => now };
};

describe('pacing', () => {
  it('lets a burst of 40 through at once, then one call per 100 ms', async () => {
    // Prepare
    const t = virtualTime();
    const bucket = tokenBucket({ burst: 40, perSecond: 10 }, t.clock, t.sleep);
    // Act
    for (let i = 0; i < 40; i += 1) await bucket.take();
    const afterBurst = t.at();
    for (let i = 0; i < 10; i += 1) await bucket.take();
    // Assess: 40 free, then 10 more take 10 x 100 ms
    expect(afterBurst).toBe(0);
    expect(t.at()).toBe(1000);
  });

  it('serves concurrent callers in order, 250 calls in (250 - 40) / 10 = 21 s', async () => {
    const t = virtualTime();
    const bucket = tokenBucket({ burst: 40, perSecond: 10 }, t.clock, t.sleep);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 250 }, (_, i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(t.at()).toBe(21_000);
  });

  it('refills while idle, never above the burst', async () => {
    const t = virtualTime();
    const bucket = tokenBucket({ burst: 40, perSecond: 10 }, t.clock, t.sleep);
    for (let i = 0; i < 40; i += 1) await bucket.take();
    await t.sleep(60_000); // a minute idle refills to 40, not 600
    t.slept.length = 0;
    for (let i = 0; i < 41; i += 1) await bucket.take();
    expect(t.slept).toEqual([100]);
  });

  it.each([
    ['DescribeScalingActivitiesCommand', 'describe'], ['DescribeTargetHealthCommand', 'describe'], ['GetMetricDataCommand', 'describe'],
    ['SetDesiredCapacityCommand', 'mutate'], ['SetInstanceHealthCommand', 'mutate'], ['CreateOrUpdateTagsCommand', 'mutate'],
  ])('puts %s in the %s bucket', (name, category) => {
    expect(categoryOf(name)).toBe(category);
  });
});
