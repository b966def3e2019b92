// `validate-config [FILE]`: every problem of a config file as `path: reason`.
import type { Command } from 'commander';
import { loadConfig } from '../../controller/config';
import { ConfigError } from '../../controller/errors';

import { EXIT } from '../exit-codes';
import { globals, type CliContext } from '../context';
import { envelope } from '../json';

export const validateConfigCommand = (program: Command, ctx: CliContext): void => {
  const { io, setExit } = ctx;
  program
    .command('validate-config')
    .argument('[file]', 'configuration file (default: --config)')
    .description('check a configuration file and list every problem as path: reason')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler validate-config config/autoscaler.yaml')
    .action((arg: string | undefined, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const file = arg ?? opts.config;
      try {
        const config = loadConfig(file);
        if (opts.json) io.out(JSON.stringify(envelope('config-validation', { valid: true, file, groups: config.groups.map((g) => g.name), problems: [] }), null, 2));
        else io.out(`${file}: valid (${config.groups.length} group(s): ${config.groups.map((g) => g.name).join(', ')})`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        if (opts.json) io.out(JSON.stringify(envelope('config-validation', { valid: false, file, groups: [], problems: [...error.problems] }), null, 2));
        else {
          io.err(`${file}: ${error.problems.length} problem(s)`);
          for (const p of error.problems) io.err(`  ${p}`);
        }
        setExit(EXIT.usage);
      }
    });
};
