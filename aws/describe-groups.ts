// DescribeAutoScalingGroups for every group of a run: 100 names a call, following NextToken.
import { DescribeAutoScalingGroupsCommand, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Clients } from './clients';
import { chunks } from './map-limit';

export const MAX_NAMES_PER_CALL = 100;

export const describeGroups = async (clients: Clients, names: readonly string[]): Promise<Map<string, AutoScalingGroup>> => {
  const found = new Map<string, AutoScalingGroup>();
  for (const batch of chunks([...new Set(names)], MAX_NAMES_PER_CALL)) {
    let token: string | undefined;
    do {
      const out = await clients.autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: batch, MaxRecords: MAX_NAMES_PER_CALL, NextToken: token }));
      for (const g of out.AutoScalingGroups ?? []) if (g.AutoScalingGroupName) found.set(g.AutoScalingGroupName, g);
      token = out.NextToken;
    } while (token);
  }
  return found;
};
