// `invoke FUNCTION --event FILE`: runs a Lambda handler here, on an event file, against AWS (or --endpoint-url).
import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Command } from 'commander';
import { makeManual } from '../../functions/manual';
import { makeOnAlarm } from '../../functions/on-alarm';
import { makeOnSchedule } from '../../functions/on-schedule';
import { makeReplaceUnhealthy } from '../../functions/replace-unhealthy';
import { logDecision, SERVICE, type Runtime } from '../../functions/runtime';
import { configOf, globals, print, type CliContext } from '../context';
import { UsageError } from '../errors';
import { envelope } from '../json';

const HANDLERS = { onAlarm: makeOnAlarm, onSchedule: makeOnSchedule, replaceUnhealthy: makeReplaceUnhealthy, manual: makeManual } as const;

export const invokeCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('invoke')
    .argument('<function>', Object.keys(HANDLERS).join(' | '))
    .requiredOption('--event <file>', 'event JSON (see events/)')
    .option('--dry-run', 'log the plans and write nothing')
    .description('run a Lambda handler locally on an event file')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler invoke onAlarm --event events/alarm-cpu-high.json --dry-run')
    .action(async (fn: string, o: { event: string; dryRun?: boolean }, cmd: Command) => {
      const make = HANDLERS[fn as keyof typeof HANDLERS];
      if (!make) throw new UsageError([`function: "${fn}" is not one of ${Object.keys(HANDLERS).join(', ')}`]);
      let event: unknown;
      try {
        event = JSON.parse(readFileSync(o.event, 'utf8'));
      } catch (cause) {
        throw new UsageError([`--event ${o.event}: ${(cause as Error).message}`], { cause });
      }
      const g = globals(cmd);
      const config = configOf(g);
      const runtime: Runtime = {
        config, cloud: ctx.deps.cloud(g), now: ctx.deps.now, dryRun: o.dryRun === true || config.dryRun,
        record: logDecision(new Logger({ serviceName: SERVICE, logLevel: g.json ? 'SILENT' : 'INFO' })),
      };
      const result = await make(() => runtime)(event);
      print(ctx, g, envelope('invoke', { function: fn, result }), () => JSON.stringify(result, null, 2));
    });
};
