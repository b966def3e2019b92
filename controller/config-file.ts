// Reads a config file's text, or throws the ConfigError an operator reads: the path and why it cannot be read.
// Shared by the YAML loader (CLI, simulator) and the packaged JSON reader (the functions), which import nothing else alike.
import { readFileSync } from 'node:fs';
import { ConfigError } from './errors';

export const readConfigText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(path, [`(file): cannot read: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`], { cause });
  }
};
