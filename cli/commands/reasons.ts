// `reasons`: the catalogue of reason codes, the vocabulary of every decision record.
import type { Command } from 'commander';
import { REASONS } from '../../policies/reasons';

import { globals, print, type CliContext } from '../context';

export const reasonsCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('reasons')
    .description('list every reason code a decision can carry')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler reasons | grep HOLD_')
    .action((_o: unknown, cmd: Command) => {
      print(ctx, globals(cmd), REASONS, () => Object.entries(REASONS).map(([code, text]) => `${code.padEnd(32)} ${text}`).join('\n'));
    });
};
