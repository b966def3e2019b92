// Injected events: what a scenario does to the world, at given times. None by default.
export interface Faults {
  /** Spot interruptions forced at these instants (the oldest running spot instance gets the warning). */
  readonly spotInterruptions?: readonly number[];
  /** An instance (the oldest in service) starts failing health checks and requests at this instant. */
  readonly brokenInstanceAt?: readonly number[];
  /** A shared dependency (MongoDB Atlas) is down: every health check and request fails. */
  readonly dependencyOutage?: readonly { readonly from: number; readonly to: number }[];
  /** An application bug: this share of requests fails fast with 500, whatever the load. */
  readonly appFault?: readonly { readonly from: number; readonly to: number; readonly errorShare: number }[];
}

export const within = <S extends { readonly from: number; readonly to: number }>(spans: readonly S[] | undefined, t: number): S | undefined =>
  spans?.find((s) => t >= s.from && t < s.to);
