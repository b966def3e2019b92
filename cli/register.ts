// The CLI's commands, each in its own file; this file only registers them, in the order --help lists them.
import type { Command } from 'commander';
import { applyCommand } from './commands/apply';
import { decideCommand } from './commands/decide';
import { invokeCommand } from './commands/invoke';
import { manualActionCommands } from './commands/manual-actions';
import { planCommand } from './commands/plan';
import { reasonsCommand } from './commands/reasons';
import { replayCommand } from './commands/replay';
import { simulateCommand } from './commands/simulate';
import { statusCommand } from './commands/status';
import { validateConfigCommand } from './commands/validate-config';
import type { CliContext } from './context';

export const registerCommands = (program: Command, ctx: CliContext): void => {
  for (const register of [statusCommand, planCommand, applyCommand, manualActionCommands, decideCommand, replayCommand, simulateCommand, validateConfigCommand, invokeCommand, reasonsCommand]) {
    register(program, ctx);
  }
};
