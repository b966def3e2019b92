// Which Auto Scaling group an instance belongs to: DescribeAutoScalingInstances, 50 ids a call (API reference,
// DescribeAutoScalingInstances: "If you specify an ID that does not exist, it is ignored with no error").
import { DescribeAutoScalingInstancesCommand } from '@aws-sdk/client-auto-scaling';
import type { Clients } from './clients';
import { toCloudError } from './cloud-error';
import { chunks } from './map-limit';

export const MAX_IDS_PER_CALL = 50;

/** Instance id -> its Auto Scaling group's name; an instance in no group (or gone) is simply absent. */
export const locateInstances = async (clients: Clients, instanceIds: readonly string[]): Promise<ReadonlyMap<string, string>> => {
  const found = new Map<string, string>();
  for (const batch of chunks([...new Set(instanceIds)], MAX_IDS_PER_CALL)) {
    let token: string | undefined;
    try {
      do {
        const out = await clients.autoScaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [...batch], MaxRecords: MAX_IDS_PER_CALL, ...(token ? { NextToken: token } : {}) }));
        for (const i of out.AutoScalingInstances ?? []) if (i.InstanceId && i.AutoScalingGroupName) found.set(i.InstanceId, i.AutoScalingGroupName);
        token = out.NextToken;
      } while (token);
    } catch (error) {
      throw toCloudError(error, `DescribeAutoScalingInstances ${batch.join(', ')}`);
    }
  }
  return found;
};
