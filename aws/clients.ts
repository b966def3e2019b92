// The three SDK v3 clients, built once per container. Region, credentials and endpoint come from the
// standard AWS chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL...) unless the CLI passes them.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DOCUMENTED_RATE, pace, type Rate } from './pacing';

export interface Clients {
  readonly autoScaling: AutoScalingClient;
  readonly cloudWatch: CloudWatchClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
}

export interface ClientOptions {
  readonly region?: string;
  readonly endpoint?: string;
  readonly profile?: string;
  /** Test seam: an HTTP handler, to exercise the SDK's own retry without a network. */
  readonly requestHandler?: unknown;
  /** Client-side pacing of Auto Scaling and ELBv2; default on, at the documented rate. */
  readonly pacing?: Rate | false;
}

// Auto Scaling and ELBv2 are paced to the documented token bucket (aws/pacing.ts); what still gets throttled (the
// account's bucket is shared) is retried with the standard mode's exponential backoff and jitter, five attempts.
// Not 'adaptive': after one throttle its client-side limiter cut a 250-group run's rate to half what the bucket
// allows (bench:scale: 45 s instead of 25 s).
const RETRY = { maxAttempts: 5, retryMode: 'standard' } as const;

export const createClients = (opts: ClientOptions = {}): Clients => {
  const common = {
    ...RETRY,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.requestHandler ? { requestHandler: opts.requestHandler as never } : {}),
  };
  const rate = opts.pacing ?? DOCUMENTED_RATE;
  const paced = <C extends Parameters<typeof pace>[0]>(c: C): C => (rate ? pace(c, rate) : c);
  return {
    autoScaling: paced(new AutoScalingClient(common)),
    cloudWatch: new CloudWatchClient(common),
    elbv2: paced(new ElasticLoadBalancingV2Client(common)),
  };
};
