// `reasons`: the catalogue of reason codes, the vocabulary of every decision record.
import type { Command } from 'commander';
import { REASONS } from '../../policies/reasons';

import { globals, print, widthOf, type CliContext } from '../context';
import { envelope } from '../json';
import { wrap } from '../table';

export const reasonsCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('reasons')
    .description('list every reason code a decision can carry')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler reasons | grep HOLD_')
    .action((_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const w = Math.max(...Object.keys(REASONS).map((c) => c.length));
      // Code on the left, its meaning wrapped beside it: grep-able by code, readable at 80 columns.
      print(ctx, g, envelope('reasons', { reasons: Object.entries(REASONS).map(([code, description]) => ({ code, description })) }), () =>
        Object.entries(REASONS).map(([code, text]) => wrap(`${code.padEnd(w)}  ${text}`, widthOf(g), ' '.repeat(w + 2))).join('\n'));
    });
};
