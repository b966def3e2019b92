// `decide --snapshot FILE`: the pure decision on a snapshot file, with no AWS at all.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { EventParseError } from '../../controller/errors';
import { parseSnapshot } from '../../controller/snapshot-schema';
import { decide } from '../../policies/decide';

import { formatPlan } from '../format-plan';
import { configOf, globals, print, widthOf, type CliContext } from '../context';
import { envelope, planJson } from '../json';
import { parseTime } from '../../controller/time-arg';

export const readSnapshotFile = (file: string) => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new EventParseError([`${file}: ${(cause as Error).message}`], { cause });
  }
  try {
    return parseSnapshot(raw);
  } catch (cause) {
    const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    throw new EventParseError(issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`), { cause });
  }
};

export const decideCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('decide')
    .requiredOption('--snapshot <file>', 'snapshot JSON (see examples/snapshots/)')
    .option('--group <name>', 'configured group (default: the one whose ASG the snapshot names)')
    .option('--at <time>', 'decide as of this ISO-8601 time (default: the snapshot time)')
    .description('run the pure decision on a snapshot file, with no AWS at all, and print the plan')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler decide --snapshot examples/snapshots/evening-rush.json --json')
    .action((opts: { snapshot: string; group?: string; at?: string }, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const snapshot = readSnapshotFile(opts.snapshot);
      const group = findGroup(config, opts.group ?? snapshot.group.name);
      const now = opts.at ? parseTime(opts.at, '--at') : snapshot.takenAt;
      const plan = decide(snapshot, group, now);
      print(ctx, g, envelope('decision', planJson(plan)), () => formatPlan(plan, widthOf(g)));
    });
};
