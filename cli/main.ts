// The operator's command line: parses arguments, runs one command, maps errors to exit codes without stack traces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { defaultDeps, type CliDeps, type GlobalOptions } from './context';
import { errorText, showError } from './errors';
import { EXIT } from './exit-codes';
import { processIo, type Io } from './io';
import { errorJson } from './json';
import { DEFAULT_CONFIG, ROOT } from './paths';
import { quietSdk } from './quiet-sdk';
import { registerCommands } from './register';
import { WIDTH, wrap } from './table';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Help text fits 80 columns: commander wraps its own columns; a long example command continues on the next line
 * with a shell `\`, and any other long line wraps under its description column.
 */
const fitHelp = (text: string): string =>
  text.split('\n').map((l) => {
    if (l.length <= WIDTH) return l;
    if (/^\s*\$ /.test(l)) return wrap(l, WIDTH - 2, '      ').split('\n').join(' \\\n');
    const column = /^\s+\S+(?: \S+)*\s{2,}/.exec(l)?.[0].length ?? 2;
    return wrap(l, WIDTH, ' '.repeat(column < WIDTH / 2 ? column : 2));
  }).join('\n');

/** JSON mode is known before commander parses (its own errors come first), so read it off the arguments. */
const wantsJson = (argv: readonly string[]): boolean =>
  argv.includes('--json') || argv.some((a, i) => a === '-ojson' || a === '--output=json' || ((a === '-o' || a === '--output') && argv[i + 1] === 'json'));

export const main = async (argv: readonly string[], io: Io = processIo, deps: CliDeps = defaultDeps): Promise<number> => {
  quietSdk(argv);
  const json = wantsJson(argv);
  const program = new Command('autoscaler')
    .description('CinemaHint autoscaler: plan, apply and explain scaling decisions for EC2 Auto Scaling groups behind an ALB')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--config <file>', 'configuration file', DEFAULT_CONFIG)
    .addOption(new Option('-o, --output <format>', 'text (80 columns), wide, or json').choices(['text', 'wide', 'json']).default('text'))
    .option('--json', 'machine-readable output (same as -o json)')
    .option('--profile <name>', 'AWS profile (standard credential chain otherwise)')
    .option('--region <region>', 'AWS region (AWS_REGION otherwise)')
    .addOption(new Option('--endpoint-url <url>', 'any AWS-compatible endpoint'))
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    // Commands listed without "[options]", so the description column is wide enough for commander to wrap it.
    .configureHelp({ helpWidth: WIDTH, subcommandTerm: (c) => [c.name(), ...c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))].join(' ') })
    // In JSON mode commander's own messages are held back: the error is printed once, as JSON, below.
    .configureOutput({ writeOut: (s) => io.out(fitHelp(s.trimEnd())), writeErr: (s) => { if (!json) io.err(fitHelp(s.trimEnd())); } })
    .showHelpAfterError('(add --help for usage and an example)')
    .hook('preAction', (cmd) => {
      const g = cmd.opts<GlobalOptions>();
      if (g.json) cmd.setOptionValue('output', 'json');
      if (g.output === 'json') cmd.setOptionValue('json', true);
    })
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
    if (error instanceof CommanderError && (error.exitCode === 0 || !json)) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const shown = showError(error);
    if (json) io.out(JSON.stringify(errorJson(shown), null, 2));
    else for (const line of errorText(shown)) io.err(line);
    if (program.opts<{ debug?: boolean }>().debug && error instanceof Error && error.stack) io.err(error.stack);
    return shown.exitCode;
  }
};
