// The EventBridge and SNS envelopes, as zod schemas of our own: the same fields and checks as Powertools'
// parser schemas (@aws-lambda-powertools/parser/schemas eventbridge.ts, sns.ts), without their `import { z }`,
// which keeps all of zod's 63 locales in every bundle (about 250 KB; measured in `npm run bench:bundle`).
import * as z from 'zod/mini';

/** https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html */
export const eventBridgeEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.optional(z.string()),
});

/** https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html (the event a subscribed function receives) */
const snsNotification = z.object({
  Subject: z.nullish(z.string()),
  TopicArn: z.string(),
  UnsubscribeUrl: z.url(),
  Type: z.literal('Notification'),
  MessageAttributes: z.optional(z.record(z.string(), z.object({ Type: z.string(), Value: z.string() }))),
  Message: z.string(),
  MessageId: z.string(),
  Signature: z.optional(z.string()),
  SignatureVersion: z.optional(z.string()),
  SigningCertUrl: z.optional(z.url()),
  Timestamp: z.iso.datetime(),
});

export const snsEnvelope = z.object({
  Records: z.array(z.object({
    EventSource: z.literal('aws:sns'),
    EventVersion: z.string(),
    EventSubscriptionArn: z.string(),
    Sns: snsNotification,
  })).check(z.minLength(1)),
});
