// Progress on stderr for long commands (simulate): silent for the first second and off a terminal, so quick runs,
// pipes and CI logs stay clean; one line rewritten in place, cleared when done.
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  /** done of total units of work so far, and what is being worked on. */
  update(done: number, total: number, what?: string): void;
  /** Clears the line (if one was shown). */
  end(): void;
}

export interface ProgressOptions {
  readonly stream?: ProgressStream;
  readonly now?: () => number;
  /** Show nothing until this long has passed (ms). */
  readonly delayMs?: number;
  /** Redraw at most this often (ms). */
  readonly everyMs?: number;
}

export const createProgress = (label: string, o: ProgressOptions = {}): Progress => {
  const stream = o.stream ?? process.stderr;
  const now = o.now ?? (() => Date.now());
  const delay = o.delayMs ?? 1000;
  const every = o.everyMs ?? 100;
  const start = now();
  let drawnAt = -Infinity;
  let shown = false;
  const width = Math.max(20, Math.min(stream.columns ?? 80, 80) - 1);
  return {
    update: (done, total, what) => {
      const t = now();
      if (!stream.isTTY || t - start < delay || t - drawnAt < every) return;
      drawnAt = t;
      shown = true;
      const pct = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
      const line = `${label} ${pct}% (${done}/${total})${what ? ` ${what}` : ''}, ${Math.round((t - start) / 1000)} s`;
      stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    },
    end: () => {
      if (shown) stream.write(`\r${' '.repeat(width)}\r`);
      shown = false;
    },
  };
};
