// The readiness stage: how many instances count as ready (in service, past warm-up) and how many still warm up.
import type { GroupConfig } from './config';
import type { Snapshot } from './snapshot';

export interface Readiness {
  readonly ready: number;
  readonly warming: number;
}

export const readiness = (snapshot: Snapshot, config: GroupConfig, now: number): Readiness => {
  let ready = 0;
  let warming = 0;
  for (const i of snapshot.group.instances) {
    if (i.lifecycle === 'Pending' || (i.lifecycle === 'InService' && i.launchedAt + config.warmupSeconds * 1000 > now)) warming += 1;
    else if (i.lifecycle === 'InService') ready += 1;
  }
  return { ready, warming };
};
