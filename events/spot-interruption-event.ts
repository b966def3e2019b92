// EC2's at-risk signals for a Spot Instance, from EventBridge, as one shape: "EC2 Spot Instance Interruption Warning"
// (two minutes' notice; instance-action hibernate | stop | terminate) and "EC2 Instance Rebalance Recommendation".
// Shapes: Amazon EC2 User Guide, "Spot Instance interruption notices" and "EC2 instance rebalance recommendations".
import * as z from 'zod/mini';
import { eventBridgeEnvelope as EventBridgeSchema } from './envelopes';
import type { AtRiskSignal } from '../policies/spot-interruption';
import { parseWith } from './parse';

const INSTANCE_ID = z.string().check(z.regex(/^i-[0-9a-f]{8,17}$/, 'expected an EC2 instance id (i- and 8 or 17 hex digits)'));

const interruption = z.extend(EventBridgeSchema, {
  source: z.literal('aws.ec2'),
  'detail-type': z.literal('EC2 Spot Instance Interruption Warning'),
  detail: z.looseObject({ 'instance-id': INSTANCE_ID, 'instance-action': z.enum(['hibernate', 'stop', 'terminate']) }),
});

const rebalance = z.extend(EventBridgeSchema, {
  source: z.literal('aws.ec2'),
  'detail-type': z.literal('EC2 Instance Rebalance Recommendation'),
  detail: z.looseObject({ 'instance-id': INSTANCE_ID }),
});

const spotEvent = z.discriminatedUnion('detail-type', [interruption, rebalance]);

export interface SpotEvent extends AtRiskSignal {
  /** The interruption's action; absent for a rebalance recommendation. */
  readonly action?: 'hibernate' | 'stop' | 'terminate';
  /** When EC2 emitted the signal (epoch ms). */
  readonly at: number;
  readonly region: string;
}

export const parseSpotEvent = (raw: unknown): SpotEvent => {
  const e = parseWith(spotEvent, raw, 'event');
  const base = { instanceId: e.detail['instance-id'], at: Date.parse(e.time), region: e.region };
  return e['detail-type'] === 'EC2 Spot Instance Interruption Warning'
    ? { ...base, kind: 'interruption', action: e.detail['instance-action'] }
    : { ...base, kind: 'rebalance' };
};

/**
 * The EventBridge event EC2 sends for a signal, as the samples beside this file: for callers that are not EventBridge
 * (the simulator's controller adapter) so they drive the real handler with what production receives.
 */
export const spotEventOf = (s: { readonly kind: AtRiskSignal['kind']; readonly instanceId: string; readonly at: number; readonly region?: string }): Record<string, unknown> => {
  const region = s.region ?? 'us-east-1';
  return {
    version: '0', id: `spot-${s.kind}-${s.instanceId}-${s.at}`, source: 'aws.ec2', account: '123456789012', time: new Date(s.at).toISOString(), region,
    resources: [`arn:aws:ec2:${region}:123456789012:instance/${s.instanceId}`],
    ...(s.kind === 'interruption'
      ? { 'detail-type': 'EC2 Spot Instance Interruption Warning', detail: { 'instance-id': s.instanceId, 'instance-action': 'terminate' } }
      : { 'detail-type': 'EC2 Instance Rebalance Recommendation', detail: { 'instance-id': s.instanceId } }),
  };
};
