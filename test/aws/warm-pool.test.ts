import {
  AutoScalingClient, DeleteWarmPoolCommand, DescribeWarmPoolCommand, PutWarmPoolCommand, type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { createClients } from '../../aws/clients';
import { deleteWarmPool, putWarmPool, readWarmPool, warmPoolConfigOf, warmPoolGroupOf, warmPoolRefused } from '../../aws/warm-pool';
import { CloudError } from '../../controller/errors';
import { planWarmPool, warmPoolSupport } from '../../policies/warm-pool';

const asg = mockClient(AutoScalingClient);
const clients = createClients({ region: 'eu-west-1' });
const GROUP = 'web-asg';

describe('warm pool over Auto Scaling', () => {
  beforeEach(() => asg.reset());

  it('PutWarmPool writes the absolute size: MinSize = MaxGroupPreparedCapacity = 4, Stopped, reuse as configured', async () => {
    // Prepare
    asg.on(PutWarmPoolCommand).resolves({});
    // Act
    await putWarmPool(clients, GROUP, { minSize: 4, maxGroupPreparedCapacity: 4, poolState: 'Stopped' }, true);
    // Assess
    expect(asg).toHaveReceivedCommandTimes(PutWarmPoolCommand, 1);
    expect(asg.commandCalls(PutWarmPoolCommand)[0]!.args[0].input).toEqual({
      AutoScalingGroupName: GROUP, MinSize: 4, MaxGroupPreparedCapacity: 4, PoolState: 'Stopped', InstanceReusePolicy: { ReuseOnScaleIn: true },
    });
  });

  it('DescribeWarmPool reads the configuration and every warm instance, following NextToken', async () => {
    // Prepare
    const configuration = { MinSize: 2, MaxGroupPreparedCapacity: 2, PoolState: 'Stopped' as const };
    asg.on(DescribeWarmPoolCommand, { AutoScalingGroupName: GROUP, NextToken: undefined })
      .resolves({ WarmPoolConfiguration: configuration, Instances: [{ InstanceId: 'i-00000011', LifecycleState: 'Warmed:Stopped' }] as never, NextToken: 'p2' })
      .on(DescribeWarmPoolCommand, { AutoScalingGroupName: GROUP, NextToken: 'p2' })
      .resolves({ WarmPoolConfiguration: configuration, Instances: [{ InstanceId: 'i-00000012', LifecycleState: 'Warmed:Pending' }] as never });
    // Act
    const reading = await readWarmPool(clients, GROUP);
    // Assess
    expect(reading).toEqual({
      config: { minSize: 2, maxGroupPreparedCapacity: 2, poolState: 'Stopped' },
      instances: [{ id: 'i-00000011', lifecycle: 'Warmed:Stopped' }, { id: 'i-00000012', lifecycle: 'Warmed:Pending' }],
    });
    expect(asg).toHaveReceivedCommandTimes(DescribeWarmPoolCommand, 2);
    expect(asg.commandCalls(DescribeWarmPoolCommand).map((c) => c.args[0].input)).toEqual([
      { AutoScalingGroupName: GROUP, MaxRecords: 50 }, { AutoScalingGroupName: GROUP, MaxRecords: 50, NextToken: 'p2' },
    ]);
  });

  it('reads a pool marked for deletion, or none, as no pool', async () => {
    asg.on(DescribeWarmPoolCommand).resolves({ WarmPoolConfiguration: { MinSize: 2, Status: 'PendingDelete' }, Instances: [] });
    expect(await readWarmPool(clients, GROUP)).toEqual({ config: null, instances: [] });
    expect(warmPoolConfigOf({ AutoScalingGroupName: GROUP } as AutoScalingGroup)).toBeNull();
  });

  it('DeleteWarmPool never forces: the pool drains through its lifecycle hooks', async () => {
    asg.on(DeleteWarmPoolCommand).resolves({});
    await deleteWarmPool(clients, GROUP);
    expect(asg).toHaveReceivedCommandWith(DeleteWarmPoolCommand, { AutoScalingGroupName: GROUP, ForceDelete: false });
  });

  it('reports a refusal as a CloudError the controller can tell apart, with the SDK error as its cause', async () => {
    // Prepare
    const refusal = Object.assign(new Error('You cannot add a warm pool to an Auto Scaling group that launches Spot Instances.'), { name: 'ValidationError' });
    asg.on(PutWarmPoolCommand).rejects(refusal);
    // Act
    const error = await putWarmPool(clients, GROUP, { minSize: 1, maxGroupPreparedCapacity: 1, poolState: 'Stopped' }, false).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'ValidationError', cause: refusal });
    expect(warmPoolRefused(error as CloudError)).toBe(true);
    expect(warmPoolRefused(new CloudError('PutWarmPool web-asg: Throttling: Rate exceeded', 'Throttling'))).toBe(false);
  });

  it('reads a described group into the pure inputs, with the API defaults for unset distribution fields', () => {
    // Prepare: a mixed instances policy that sets only the base; the percentage defaults to 100 (On-Demand).
    const described = {
      AutoScalingGroupName: GROUP, MinSize: 2, MaxSize: 10, DesiredCapacity: 4,
      MixedInstancesPolicy: { InstancesDistribution: { OnDemandBaseCapacity: 2 } },
      WarmPoolConfiguration: { MinSize: 1, MaxGroupPreparedCapacity: 1, PoolState: 'Stopped' },
    } as AutoScalingGroup;
    // Act
    const group = warmPoolGroupOf(described);
    // Assess: all On-Demand, so supported since November 2025; the existing pool of 1 is read from the description.
    expect(group).toEqual({ mixedInstances: { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 100 }, launchTemplateRequestsSpot: false });
    expect(warmPoolSupport(group).supported).toBe(true);
    expect(warmPoolConfigOf(described)).toEqual({ minSize: 1, maxGroupPreparedCapacity: 1, poolState: 'Stopped' });
  });

  it('end to end over the mock: a plan that holds sends no PutWarmPool; a resize sends exactly one', async () => {
    // Prepare
    asg.on(PutWarmPoolCommand).resolves({});
    const policy = { targetPerInstance: 100, minSize: 1, maxSize: 5, volatilityMinutes: 1 };
    const support = { supported: true, reason: null };
    const existing = { minSize: 2, maxGroupPreparedCapacity: 2, poolState: 'Stopped' as const };
    // Act: forecast peak 600 on desired 4 needs ceil(6) - 4 = 2 (hold); a peak of 800 needs 4 (resize)
    for (const peak of [600, 800]) {
      const plan = planWarmPool(policy, { desired: 4, max: 10 }, support, existing, peak, [], 0);
      if (plan.put) await putWarmPool(clients, GROUP, plan.put, false);
    }
    // Assess
    expect(asg).toHaveReceivedCommandTimes(PutWarmPoolCommand, 1);
    expect(asg).toHaveReceivedCommandWith(PutWarmPoolCommand, { AutoScalingGroupName: GROUP, MinSize: 4, MaxGroupPreparedCapacity: 4 });
  });
});
