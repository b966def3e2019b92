// The EventBridge envelope, as a zod schema of our own: the same fields and checks as Powertools' parser schema
// (@aws-lambda-powertools/parser/schemas eventbridge.ts), without its `import { z }`, which keeps all of zod's 63
// locales in every bundle (about 250 KB; measured in `npm run bench:bundle`). The SNS envelope is apart
// (sns-envelope.ts): a schema is built when its module loads, and only the alarm functions take SNS.
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
