// The operator's command line: parses arguments, runs one command, maps errors to exit codes without stack traces.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, EventParseError, UnknownGroupError } from '../controller/errors';
import { defaultDeps, type CliDeps } from './context';
import { EXIT } from './exit-codes';
import { processIo, type Io } from './io';
import { DEFAULT_CONFIG } from './paths';
import { registerCommands } from './register';

const USAGE_ERRORS = [ConfigError, EventParseError, UnknownGroupError];

export const main = async (argv: readonly string[], io: Io = processIo, deps: CliDeps = defaultDeps): Promise<number> => {
  const program = new Command('autoscaler')
    .description('CinemaHint autoscaler: plan, apply and explain scaling decisions for EC2 Auto Scaling groups behind an ALB')
    .option('--config <file>', 'configuration file', DEFAULT_CONFIG)
    .option('--json', 'machine-readable output')
    .option('--profile <name>', 'AWS profile (standard credential chain otherwise)')
    .option('--region <region>', 'AWS region (AWS_REGION otherwise)')
    .addOption(new Option('--endpoint-url <url>', 'any AWS-compatible endpoint'))
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(add --help for usage and an example)')
    .addHelpText('after', `
Example session:
  $ npx autoscaler status --profile prod --region us-east-1
  $ npx autoscaler plan --group cinemahint-web
  $ npx autoscaler apply --group cinemahint-web
  $ npx autoscaler pause cinemahint-web --for 1h
  $ npx autoscaler decide --snapshot examples/snapshots/evening-rush.json

Exit codes: 0 done, 1 failed, 2 usage or configuration error.`);
  let code: number = EXIT.ok;
  registerCommands(program, { io, deps, setExit: (c) => { code = Math.max(code, c); } });
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.err(`error: ${(error as Error).message}`);
    if (program.opts<{ debug?: boolean }>().debug && error instanceof Error && error.stack) io.err(error.stack);
    return USAGE_ERRORS.some((E) => error instanceof E) ? EXIT.usage : EXIT.failed;
  }
};
