// `plan`: what the controller would do now, with every reason; writes nothing (like `terraform plan`).
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { runManualFromCli } from '../run-manual';

export const planCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('plan')
    .option('--group <name>', 'only this group')
    .description('show what the controller would do now and why; writes nothing')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler plan --group cinemahint-web --profile prod')
    .action(async (opts: { group?: string }, cmd: Command) => {
      await runManualFromCli(ctx, cmd, { action: 'plan', ...(opts.group ? { group: opts.group } : {}) });
    });
};
