// Client-side pacing for Auto Scaling and ELBv2: a token bucket per API category, shaped like the one AWS
// throttles with, so a run of 250 groups spends its time waiting for tokens instead of collecting throttles.
// ELB documents a bucket of 40 tokens refilled at 10 per second for non-mutating (Describe*) actions, and a bucket
// of its own for mutating ones (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html);
// EC2 Auto Scaling publishes no numbers, so the same shape is assumed. The account's bucket is shared with every
// other caller, so throttles can still happen: the SDK's retry (aws/clients.ts) handles those.

export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

export const DOCUMENTED_RATE: Rate = { burst: 40, perSecond: 10 };

/** A FIFO token bucket: take() resolves when a token is free. The clock and the sleep are injectable for tests. */
export const tokenBucket = (rate: Rate, clock: () => number = () => performance.now(), sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) => {
  let level = rate.burst;
  let at = clock();
  let queue: Promise<void> = Promise.resolve();
  const refill = (): void => {
    const now = clock();
    level = Math.min(rate.burst, level + ((now - at) / 1000) * rate.perSecond);
    at = now;
  };
  const takeNow = async (): Promise<void> => {
    refill();
    while (level < 1) {
      await sleep(Math.ceil(((1 - level) / rate.perSecond) * 1000));
      refill();
    }
    level -= 1;
  };
  return {
    take: (): Promise<void> => {
      const turn = queue.then(takeNow);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
};

export const categoryOf = (commandName: string): 'describe' | 'mutate' => (/^(Describe|Get|List)/.test(commandName) ? 'describe' : 'mutate');

interface Stack {
  readonly middlewareStack: { add(mw: unknown, options: Record<string, unknown>): void };
}

/**
 * Adds pacing to a client: every attempt (retries included, since it sits inside the retry step) waits for a
 * token of its category.
 */
export const pace = <C extends Stack>(client: C, rate: Rate = DOCUMENTED_RATE): C => {
  const buckets = { describe: tokenBucket(rate), mutate: tokenBucket(rate) };
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      await buckets[categoryOf(context.commandName ?? '')].take();
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'autoscalerPacing' },
  );
  return client;
};
