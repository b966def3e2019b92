// Where the CLI writes and reads: the process in real use, a buffer in tests.
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Asks a yes/no question; false when there is no terminal to ask. */
  readonly confirm: (question: string) => Promise<boolean>;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  confirm: async (question) => {
    if (!process.stdin.isTTY) return false;
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

/** Commands report a non-zero outcome through this instead of throwing. */
export type SetExit = (code: number) => void;
