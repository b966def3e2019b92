// DescribeAutoScalingGroups for every group of a run: 100 names a call, following NextToken.
import { DescribeAutoScalingGroupsCommand, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Clients } from './clients';
import { readBatch } from './batch-fallback';
import { chunks } from './map-limit';

export const MAX_NAMES_PER_CALL = 100;

export interface GroupsRead {
  readonly found: ReadonlyMap<string, AutoScalingGroup>;
  /** ASG name -> why it could not be described; a refused batch is asked again name by name. */
  readonly failed: ReadonlyMap<string, Error>;
}

const describeBatch = async (clients: Clients, batch: readonly string[], found: Map<string, AutoScalingGroup>): Promise<void> => {
  let token: string | undefined;
  do {
    const out = await clients.autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [...batch], MaxRecords: MAX_NAMES_PER_CALL, NextToken: token }));
    for (const g of out.AutoScalingGroups ?? []) if (g.AutoScalingGroupName) found.set(g.AutoScalingGroupName, g);
    token = out.NextToken;
  } while (token);
};

export const describeGroups = async (clients: Clients, names: readonly string[]): Promise<GroupsRead> => {
  const found = new Map<string, AutoScalingGroup>();
  const failed = new Map<string, Error>();
  for (const batch of chunks([...new Set(names)], MAX_NAMES_PER_CALL)) {
    const refused = await readBatch(batch, (names) => describeBatch(clients, names, found), (name) => `DescribeAutoScalingGroups ${name}`);
    for (const [name, e] of refused) failed.set(name, e);
  }
  return { found, failed };
};
