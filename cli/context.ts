// What every command gets: output, exit reporting, global options, and (lazily) config and the AWS Cloud.
import type { Command } from 'commander';
import { createAwsCloud } from '../aws/aws-cloud';
import { createClients } from '../aws/clients';
import { loadConfig } from '../controller/config';
import type { Cloud } from '../controller/port';
import type { Config } from '../policies/config';
import type { Io, SetExit } from './io';
import { WIDTH } from './table';

export interface GlobalOptions {
  readonly config: string;
  readonly json?: boolean;
  /** -o text|wide|json; `--json` is the same as `-o json`. */
  readonly output?: 'text' | 'wide' | 'json';
  readonly debug?: boolean;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
}

/** Test seams: the clock, and how the Cloud is built (real SDK clients by default; tests mock them). */
export interface CliDeps {
  readonly now: () => number;
  readonly cloud: (g: GlobalOptions) => Cloud;
}

export const defaultDeps: CliDeps = {
  now: () => Date.now(),
  cloud: (g) => createAwsCloud(createClients({ region: g.region, profile: g.profile, endpoint: g.endpointUrl })),
};

export interface CliContext {
  readonly io: Io;
  readonly setExit: SetExit;
  readonly deps: CliDeps;
}

export const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

export const configOf = (g: GlobalOptions): Config => loadConfig(g.config);

/** Human output fits 80 columns unless -o wide. */
export const widthOf = (g: GlobalOptions): number => (g.output === 'wide' ? Infinity : WIDTH);

export const print = (ctx: CliContext, g: GlobalOptions, json: unknown, human: () => string): void => {
  ctx.io.out(g.json ? JSON.stringify(json, null, 2) : human());
};
