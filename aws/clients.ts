// The three SDK v3 clients, built once per container. Region, credentials and endpoint come from the
// standard AWS chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL...) unless the CLI passes them.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

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
}

// Adaptive retry backs off on throttling (Throttling, RequestLimitExceeded) with client-side rate limiting;
// five attempts ride out a burst of 250 groups without hiding a real outage for long.
const RETRY = { maxAttempts: 5, retryMode: 'adaptive' } as const;

export const createClients = (opts: ClientOptions = {}): Clients => {
  const common = {
    ...RETRY,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.requestHandler ? { requestHandler: opts.requestHandler as never } : {}),
  };
  return {
    autoScaling: new AutoScalingClient(common),
    cloudWatch: new CloudWatchClient(common),
    elbv2: new ElasticLoadBalancingV2Client(common),
  };
};
