// The warm pool over Auto Scaling: PutWarmPool, DescribeWarmPool and DeleteWarmPool as exact commands, the thin
// calls over the client, and the reading of a described group into the pure warm-pool inputs.
// API reference: PutWarmPool, DescribeWarmPool, DeleteWarmPool, WarmPoolConfiguration, InstancesDistribution.
import {
  DeleteWarmPoolCommand,
  DescribeWarmPoolCommand,
  PutWarmPoolCommand,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import type { CloudError } from '../controller/errors';
import type { WarmPoolConfig, WarmPoolGroup } from '../policies/warm-pool';
import type { Clients } from './clients';
import { toCloudError } from './cloud-error';

export interface WarmInstance {
  readonly id: string;
  /** Warmed:Pending, Warmed:Stopped, Warmed:Running, ... as the API reports it. */
  readonly lifecycle: string;
}

export interface WarmPoolReading {
  /** null: no warm pool, or one already marked for deletion. */
  readonly config: WarmPoolConfig | null;
  readonly instances: readonly WarmInstance[];
}

/** MinSize = MaxGroupPreparedCapacity = size: the API reference's absolute pool size. Stopped: paid for EBS only. */
export const putWarmPoolCommand = (group: string, pool: WarmPoolConfig, reuseOnScaleIn: boolean): PutWarmPoolCommand =>
  new PutWarmPoolCommand({
    AutoScalingGroupName: group,
    MinSize: pool.minSize,
    MaxGroupPreparedCapacity: pool.maxGroupPreparedCapacity,
    PoolState: pool.poolState,
    InstanceReusePolicy: { ReuseOnScaleIn: reuseOnScaleIn },
  });

export const describeWarmPoolCommand = (group: string, nextToken?: string): DescribeWarmPoolCommand =>
  new DescribeWarmPoolCommand({ AutoScalingGroupName: group, MaxRecords: 50, ...(nextToken ? { NextToken: nextToken } : {}) });

/** Without ForceDelete the pool drains through its lifecycle hooks; the controller never forces. */
export const deleteWarmPoolCommand = (group: string): DeleteWarmPoolCommand =>
  new DeleteWarmPoolCommand({ AutoScalingGroupName: group, ForceDelete: false });

const configOf = (c: AutoScalingGroup['WarmPoolConfiguration']): WarmPoolConfig | null => {
  if (!c || c.Status === 'PendingDelete') return null;
  // The controller only writes Stopped pools; a Running or Hibernated one reads back as what it is, so the plan
  // sees a difference and rewrites it.
  return { minSize: c.MinSize ?? 0, maxGroupPreparedCapacity: c.MaxGroupPreparedCapacity ?? -1, poolState: c.PoolState ?? 'Stopped' };
};

/** The group's warm pool as DescribeAutoScalingGroups already reports it: no extra call for the configuration. */
export const warmPoolConfigOf = (group: AutoScalingGroup): WarmPoolConfig | null => configOf(group.WarmPoolConfiguration);

/**
 * The inputs of warmPoolSupport. Unset InstancesDistribution fields take the API's defaults (base 0, 100 % On-Demand
 * above it). Whether the launch template itself requests Spot is not in the group description (it needs
 * ec2:DescribeLaunchTemplateVersions): read as false here, with PutWarmPool's own refusal as the backstop.
 */
export const warmPoolGroupOf = (group: AutoScalingGroup): WarmPoolGroup => {
  const d = group.MixedInstancesPolicy ? group.MixedInstancesPolicy.InstancesDistribution ?? {} : null;
  return {
    mixedInstances: d === null ? null : { onDemandBaseCapacity: d.OnDemandBaseCapacity ?? 0, onDemandPercentageAboveBaseCapacity: d.OnDemandPercentageAboveBaseCapacity ?? 100 },
    launchTemplateRequestsSpot: false,
  };
};

export const readWarmPool = async (clients: Clients, group: string): Promise<WarmPoolReading> => {
  const instances: WarmInstance[] = [];
  let config: WarmPoolConfig | null = null;
  let token: string | undefined;
  try {
    do {
      const out = await clients.autoScaling.send(describeWarmPoolCommand(group, token));
      config = configOf(out.WarmPoolConfiguration);
      for (const i of out.Instances ?? []) if (i.InstanceId) instances.push({ id: i.InstanceId, lifecycle: i.LifecycleState ?? 'Unknown' });
      token = out.NextToken;
    } while (token);
  } catch (error) {
    throw toCloudError(error, `DescribeWarmPool ${group}`);
  }
  return { config, instances };
};

export const putWarmPool = async (clients: Clients, group: string, pool: WarmPoolConfig, reuseOnScaleIn: boolean): Promise<void> => {
  try {
    await clients.autoScaling.send(putWarmPoolCommand(group, pool, reuseOnScaleIn));
  } catch (error) {
    throw toCloudError(error, `PutWarmPool ${group}`);
  }
};

export const deleteWarmPool = async (clients: Clients, group: string): Promise<void> => {
  try {
    await clients.autoScaling.send(deleteWarmPoolCommand(group));
  } catch (error) {
    throw toCloudError(error, `DeleteWarmPool ${group}`);
  }
};

/**
 * PutWarmPool refuses groups it cannot pair with a warm pool (Spot) with a ValidationError: the controller reports
 * that as WARM_POOL_UNSUPPORTED and carries on, instead of failing the group's run.
 */
export const warmPoolRefused = (error: CloudError): boolean => error.code === 'ValidationError' && /warm pool/i.test(error.message);
