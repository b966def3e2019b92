// The operator's manual actions: set-capacity, pause, resume, mode, replace. Same payloads, validation and
// limits as the manual function; an override with --for expires on its own.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { runManualFromCli } from '../run-manual';

const expiry = (o: { for?: string; until?: string }) => ({ ...(o.for ? { for: o.for } : {}), ...(o.until ? { until: o.until } : {}) });

export const manualActionCommands = (program: Command, ctx: CliContext): void => {
  program
    .command('set-capacity')
    .argument('<group>').argument('<desired>', 'instances, within the group bounds')
    .option('--for <duration>', 'how long the override lasts (default 1h, at most 7d)')
    .option('--until <time>', 'ISO-8601 end of the override')
    .description('override the desired capacity until the override expires')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler set-capacity cinemahint-web 6 --for 2h')
    .action(async (group: string, desired: string, o: { for?: string; until?: string }, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'set-capacity', group, desired: /^\d+$/.test(desired) ? Number(desired) : desired, ...expiry(o) });
    });
  program
    .command('pause')
    .argument('<group>')
    .option('--for <duration>', 'how long (e.g. 1h); required unless --until')
    .option('--until <time>', 'ISO-8601 end of the pause')
    .description('stop every change to a group until the pause expires')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler pause cinemahint-web --for 1h')
    .action(async (group: string, o: { for?: string; until?: string }, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'pause', group, ...expiry(o) });
    });
  program
    .command('resume')
    .argument('<group>')
    .description('end a pause and any capacity or mode override, and reconcile now')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler resume cinemahint-web')
    .action(async (group: string, _o: unknown, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'resume', group });
    });
  program
    .command('mode')
    .argument('<group>').argument('<mode>', 'spot | reserved | balanced')
    .option('--for <duration>', 'how long (default: until resume)')
    .option('--until <time>', 'ISO-8601 end of the override')
    .description('switch the capacity mode (instances distribution) of a group')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler mode cinemahint-web reserved --for 3h')
    .action(async (group: string, mode: string, o: { for?: string; until?: string }, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'set-mode', group, mode, ...expiry(o) });
    });
  program
    .command('replace')
    .argument('<group>').argument('<instance-id>')
    .description('hand one in-service instance to the ASG for replacement (refused below the in-service floor)')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler replace cinemahint-web i-0a1b2c3d4e5f60001')
    .action(async (group: string, instanceId: string, _o: unknown, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'replace', group, instanceId });
    });
};
