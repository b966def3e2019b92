// The SNS envelope, as a zod schema of our own: the same fields and checks as Powertools' parser schema
// (@aws-lambda-powertools/parser/schemas sns.ts). Apart from envelopes.ts so that only the functions an SNS topic
// wakes build it at cold start (about 3 ms of CPU with its URL checks; README, "Bundles").
import * as z from 'zod/mini';

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
