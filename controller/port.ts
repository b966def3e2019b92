// The Cloud port: what the controller needs from AWS (aws/) or from the simulator (sim/).
import type { GroupConfig } from '../policies/config';
import type { Snapshot } from '../policies/snapshot';
import type { Write } from './writes';

export interface Observation {
  /** Keyed by the configured group name. */
  readonly snapshots: ReadonlyMap<string, Snapshot>;
  /** Groups that could not be observed, with why; the others still proceed. */
  readonly failures: ReadonlyMap<string, Error>;
}

export interface Cloud {
  /** Observes every group of a run in batches. */
  observe(groups: readonly GroupConfig[], now: number): Promise<Observation>;
  /** Executes one write; throws CloudError (with a code) on failure. */
  write(write: Write): Promise<void>;
}
