// The CLI's own errors (bad flags and arguments), and how any error is shown: one message, its problems, a fix.
import { CommanderError } from 'commander';
import { CloudError, ConfigError, EventParseError, UnknownGroupError } from '../controller/errors';
import { EXIT } from './exit-codes';
import { hintFor } from './fix-hints';

/** A flag or argument the operator typed is wrong; each problem names the flag. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly problems: readonly string[], options?: { cause?: unknown }) {
    super(problems.join('\n'), options);
  }
}

export interface ShownError {
  readonly type: string;
  readonly message: string;
  readonly problems: readonly string[];
  readonly hint: string | null;
  readonly exitCode: number;
}

const USAGE = [ConfigError, EventParseError, UnknownGroupError, UsageError];

export const showError = (error: unknown): ShownError => {
  if (error instanceof CommanderError) {
    return { type: 'UsageError', message: error.message.replace(/^error: /, ''), problems: [], hint: 'add --help for usage and an example', exitCode: EXIT.usage };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  // A payload error raised for a CLI argument or file names the argument in each problem; its generic heading
  // ("malformed event or payload") is for Lambda events, not for a command line.
  const problems = e instanceof EventParseError || e instanceof UsageError ? e.problems : e instanceof ConfigError ? e.problems : [];
  const message = e instanceof EventParseError || e instanceof UsageError ? problems.join('; ') : e.message.split('\n')[0]!;
  const hint = hintFor(`${e.message} ${e instanceof CloudError ? e.code : ''}`)
    ?? (e instanceof ConfigError ? '`npx autoscaler validate-config FILE` lists every problem; --config picks another file' : null);
  return { type: e.name, message, problems, hint, exitCode: USAGE.some((E) => e instanceof E) ? EXIT.usage : EXIT.failed };
};

/** The human form: `error: ...`, each problem indented, then `hint: ...`. */
export const errorText = (s: ShownError): string[] => {
  const head = s.problems.length > 1 || (s.problems.length === 1 && s.type === 'ConfigError') ? [`error: ${s.type === 'ConfigError' ? s.message.replace(/:$/, '') : 'invalid input'}:`, ...s.problems.map((p) => `  ${p}`)] : [`error: ${s.message}`];
  return s.hint ? [...head, `hint: ${s.hint}`] : head;
};
