// DescribeTargetHealth per target group, and the target group -> load balancer mapping for metric dimensions.
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { TargetHealth, TargetState } from '../policies/snapshot';
import type { Clients } from './clients';
import { readBatch } from './batch-fallback';
import { chunks } from './map-limit';

const STATES: readonly string[] = ['healthy', 'unhealthy', 'initial', 'draining', 'unused', 'unavailable'];

export const describeTargetHealth = async (clients: Clients, targetGroupArn: string): Promise<TargetHealth[]> => {
  const out = await clients.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (out.TargetHealthDescriptions ?? []).map((d) => {
    const state = d.TargetHealth?.State ?? 'unavailable';
    return {
      instanceId: d.Target?.Id ?? '',
      targetGroupArn,
      state: (STATES.includes(state) ? state : 'unavailable') as TargetState,
      ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
    };
  });
};

// Conservative batch size for DescribeTargetGroups by ARN.
export const TARGET_GROUPS_PER_CALL = 20;

export interface LoadBalancersRead {
  /** Target group ARN -> the ARN of its (first) load balancer. */
  readonly found: ReadonlyMap<string, string>;
  /** Target group ARN -> why it could not be read (a stale ARN: TargetGroupNotFound). */
  readonly failed: ReadonlyMap<string, Error>;
}

const describeBatch = async (clients: Clients, arns: readonly string[], found: Map<string, string>): Promise<void> => {
  const out = await clients.elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [...arns] }));
  for (const tg of out.TargetGroups ?? []) {
    const lb = tg.LoadBalancerArns?.[0];
    if (tg.TargetGroupArn && lb) found.set(tg.TargetGroupArn, lb);
  }
};

/**
 * One stale ARN makes DescribeTargetGroups refuse the whole call (TargetGroupNotFound): the batch is then
 * asked again one ARN at a time, so only the groups that name the stale one fail.
 */
export const describeLoadBalancers = async (clients: Clients, targetGroupArns: readonly string[]): Promise<LoadBalancersRead> => {
  const found = new Map<string, string>();
  const failed = new Map<string, Error>();
  for (const batch of chunks(targetGroupArns, TARGET_GROUPS_PER_CALL)) {
    const refused = await readBatch(batch, (arns) => describeBatch(clients, arns, found), (arn) => `DescribeTargetGroups ${arn}`);
    for (const [arn, e] of refused) failed.set(arn, e);
  }
  return { found, failed };
};
