// The ALB's view of the group: which targets get new requests, and the target group health checks.
// ELB User Guide, "Health checks for Application Load Balancer target groups": each node "routes requests only
// to the healthy targets", and "if a target group contains only unhealthy registered targets, the load balancer
// routes requests to all those targets, regardless of their health status" (fail open). Targets still in
// `initial` (registration in progress) and draining ones get no new requests; both keep serving their queue.
import type { SimGroup, SimInstance } from './fleet';
import type { WorldParams } from './params';

/** Registered and past the initial checks: counted by the ALB as healthy or unhealthy. */
export const isRegistered = (i: SimInstance): boolean => i.state === 'in-service' && (i.target === 'healthy' || i.target === 'unhealthy');

/** The number of healthy and of registered targets: fail open when there is no healthy one. */
export const routing = (g: SimGroup): { readonly healthy: number; readonly registered: number; readonly failOpen: boolean } => {
  let healthy = 0;
  let registered = 0;
  for (const i of g.instances) {
    if (!isRegistered(i)) continue;
    registered += 1;
    if (i.target === 'healthy') healthy += 1;
  }
  return { healthy, registered, failOpen: healthy === 0 };
};

/** Whether the ALB sends this target new requests. */
export const routes = (i: SimInstance, failOpen: boolean): boolean => (failOpen ? isRegistered(i) : i.state === 'in-service' && i.target === 'healthy');

/** One health check result: healthy after `healthyThreshold` passes in a row, unhealthy after `unhealthyThreshold` fails. */
export const healthCheck = (i: SimInstance, passed: boolean, p: WorldParams): void => {
  if (passed) {
    i.passes += 1;
    i.fails = 0;
    if (i.target !== 'healthy' && i.passes >= p.healthyThreshold) i.target = 'healthy';
  } else {
    i.fails += 1;
    i.passes = 0;
    if (i.fails >= p.unhealthyThreshold) i.target = 'unhealthy';
  }
};
