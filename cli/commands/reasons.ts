// `reasons`: the catalogue of reason codes, the vocabulary of every decision record.
import type { Command } from 'commander';
import { REASONS } from '../../policies/reasons';

import type { Io, SetExit } from '../io';

export const reasonsCommand = (program: Command, io: Io, _setExit: SetExit): void => {
  program
    .command('reasons')
    .option('--json', 'machine-readable output')
    .description('list every reason code a decision can carry')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler reasons | grep HOLD_')
    .action((opts: { json?: boolean }) => {
      if (opts.json) io.out(JSON.stringify(REASONS, null, 2));
      else for (const [code, text] of Object.entries(REASONS)) io.out(`${code.padEnd(32)} ${text}`);
    });
};
