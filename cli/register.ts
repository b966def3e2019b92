// The CLI's commands, each in its own file; this file only registers them.
import type { Command } from 'commander';
import { decideCommand } from './commands/decide';
import { reasonsCommand } from './commands/reasons';
import { validateConfigCommand } from './commands/validate-config';
import type { Io, SetExit } from './io';

export const registerCommands = (program: Command, io: Io, setExit: SetExit): void => {
  for (const register of [validateConfigCommand, decideCommand, reasonsCommand]) register(program, io, setExit);
};
