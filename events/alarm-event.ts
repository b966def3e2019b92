// CloudWatch alarm state changes, from EventBridge or from the classic SNS notification, as one shape.
import * as z from 'zod/mini';
import { EventParseError } from '../controller/errors';
import { eventBridgeEnvelope } from './envelopes';
import { snsEnvelope } from './sns-envelope';
import { parseWith } from './parse';

const STATE = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
const dimension = z.object({ name: z.string(), value: z.string() });

const eventBridgeAlarm = z.extend(eventBridgeEnvelope, {
  source: z.literal('aws.cloudwatch'),
  'detail-type': z.literal('CloudWatch Alarm State Change'),
  detail: z.looseObject({
    alarmName: z.string().check(z.minLength(1)),
    state: z.object({ value: STATE, reason: z.optional(z.string()) }),
    configuration: z.optional(z.looseObject({
      metrics: z.optional(z.array(z.looseObject({
        metricStat: z.optional(z.object({ metric: z.optional(z.object({ dimensions: z.optional(z.record(z.string(), z.string())) })) })),
      }))),
    })),
  }),
});

const snsAlarmMessage = z.looseObject({
  AlarmName: z.string().check(z.minLength(1)),
  NewStateValue: STATE,
  NewStateReason: z.optional(z.string()),
  Trigger: z.optional(z.looseObject({ Dimensions: z.optional(z.array(dimension)) })),
});

export interface AlarmEvent {
  readonly alarmName: string;
  readonly state: z.infer<typeof STATE>;
  readonly source: 'eventbridge' | 'sns';
  readonly dimensions: readonly { readonly name: string; readonly value: string }[];
}

export const parseAlarmEvent = (raw: unknown): AlarmEvent => {
  if (raw && typeof raw === 'object' && 'Records' in raw) {
    const sns = parseWith(snsEnvelope, raw, 'event');
    const record = sns.Records[0];
    if (!record) throw new EventParseError(['event.Records: no SNS record']);
    let message: unknown;
    try {
      message = JSON.parse(record.Sns.Message);
    } catch (cause) {
      throw new EventParseError(['event.Records.0.Sns.Message: not a JSON CloudWatch alarm notification'], { cause });
    }
    const m = parseWith(snsAlarmMessage, message, 'event.Records.0.Sns.Message');
    return { alarmName: m.AlarmName, state: m.NewStateValue, source: 'sns', dimensions: m.Trigger?.Dimensions ?? [] };
  }
  const e = parseWith(eventBridgeAlarm, raw, 'event');
  const dimensions = (e.detail.configuration?.metrics ?? []).flatMap((m) =>
    Object.entries(m.metricStat?.metric?.dimensions ?? {}).map(([name, value]) => ({ name, value })),
  );
  return { alarmName: e.detail.alarmName, state: e.detail.state.value, source: 'eventbridge', dimensions };
};
