// DescribeTargetHealth per target group, and the target group -> load balancer mapping for metric dimensions.
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { TargetHealth, TargetState } from '../policies/snapshot';
import type { Clients } from './clients';
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

/** Target group ARN -> the ARN of its (first) load balancer. */
export const describeLoadBalancers = async (clients: Clients, targetGroupArns: readonly string[]): Promise<Map<string, string>> => {
  const found = new Map<string, string>();
  for (const batch of chunks(targetGroupArns, TARGET_GROUPS_PER_CALL)) {
    const out = await clients.elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: batch }));
    for (const tg of out.TargetGroups ?? []) {
      const lb = tg.LoadBalancerArns?.[0];
      if (tg.TargetGroupArn && lb) found.set(tg.TargetGroupArn, lb);
    }
  }
  return found;
};
