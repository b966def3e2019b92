// The operator's command line: parses arguments, runs one command, maps errors to exit codes without stack traces.
import { Command, CommanderError } from 'commander';
import { ConfigError, EventParseError, UnknownGroupError } from '../controller/errors';
import { EXIT } from './exit-codes';
import { registerCommands } from './register';
import type { Io } from './io';
import { processIo } from './io';

export const main = async (argv: readonly string[], io: Io = processIo): Promise<number> => {
  const program = new Command('autoscaler')
    .description('CinemaHint autoscaler: plan, apply and explain scaling decisions for EC2 Auto Scaling groups behind an ALB')
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(add --help for usage and an example)');
  let code: number = EXIT.ok;
  registerCommands(program, io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const debug = program.opts<{ debug?: boolean }>().debug === true;
    io.err(`error: ${(error as Error).message}`);
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    if (error instanceof ConfigError || error instanceof EventParseError || error instanceof UnknownGroupError) return EXIT.usage;
    return EXIT.failed;
  }
};
