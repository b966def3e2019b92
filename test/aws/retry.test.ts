// Throttling is retried by the SDK's own retry strategy, as configured in aws/clients.ts. aws-sdk-client-mock
// replaces send() and so bypasses retries; here a fake HTTP handler answers instead, with no network, and jest's fake
// timers stand in for the backoff's setTimeout, so the retries' real delays (seconds for throttling) are not waited.
import { Readable } from 'node:stream';
import { SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { createClients } from '../../aws/clients';

const xml = (body: string) => Readable.from([Buffer.from(body)]);
const THROTTLED = '<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>';
const OK = '<SetDesiredCapacityResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></SetDesiredCapacityResponse>';
const VALIDATION = '<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad</Message></Error><RequestId>r3</RequestId></ErrorResponse>';

/** Sends on the fake clock: runs every timer the retry strategy schedules (its backoff) until the call settles. */
const settled = async <T>(call: Promise<T>): Promise<{ result: PromiseSettledResult<T>; waitedMs: number }> => {
  const start = Date.now();
  let result: PromiseSettledResult<T> | undefined;
  void Promise.allSettled([call]).then(([r]) => { result = r; });
  // The body is parsed on real ticks between attempts: yield to them, then fire whatever backoff is due.
  while (!result) {
    await new Promise((r) => setImmediate(r));
    await jest.runOnlyPendingTimersAsync();
  }
  return { result, waitedMs: Date.now() - start };
};

const fakeHandler = (answers: [number, string][]) => {
  const bodies: string[] = [];
  return {
    bodies,
    handler: {
      handle: async (request: { body?: string }) => {
        bodies.push(String(request.body));
        const [statusCode, body] = answers.shift() ?? [500, ''];
        return { response: { statusCode, headers: { 'content-type': 'text/xml' }, body: xml(body) } };
      },
    },
  };
};

describe('SDK retry configuration', () => {
  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
  });
  // Only the timers and the clock are fake: streams and promises (the response body's parsing) run as usual.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('retries a throttled SetDesiredCapacity and succeeds on the next attempt', async () => {
    const fake = fakeHandler([[400, THROTTLED], [400, THROTTLED], [200, OK]]);
    const { autoScaling } = createClients({ region: 'us-east-1', requestHandler: fake.handler });
    const { result, waitedMs } = await settled(autoScaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'web', DesiredCapacity: 5 })));
    expect(result.status).toBe('fulfilled');
    const out = (result as PromiseFulfilledResult<{ $metadata: { attempts?: number } }>).value;
    expect(fake.bodies).toHaveLength(3);
    // Two backoffs were scheduled before the third attempt (on the fake clock, not waited for).
    expect(waitedMs).toBeGreaterThan(0);
    expect(fake.bodies.every((b) => b.includes('Action=SetDesiredCapacity') && b.includes('DesiredCapacity=5'))).toBe(true);
    expect(out.$metadata.attempts).toBe(3);
  });

  it('does not retry a validation error: it is reported at once', async () => {
    const fake = fakeHandler([[400, VALIDATION], [200, OK]]);
    const { autoScaling } = createClients({ region: 'us-east-1', requestHandler: fake.handler });
    const { result, waitedMs } = await settled(autoScaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'web', DesiredCapacity: 5 })));
    expect(result).toMatchObject({ status: 'rejected', reason: { name: 'ValidationError' } });
    expect(fake.bodies).toHaveLength(1);
    expect(waitedMs).toBe(0);
  });
});
