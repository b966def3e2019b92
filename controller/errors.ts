// The shell's named errors: each carries its cause, and says what is wrong and how to fix it.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly source: string, readonly problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid configuration in ${source}:\n${problems.map((p) => `  ${p}`).join('\n')}`, options);
  }
}

export class EventParseError extends Error {
  override readonly name = 'EventParseError';
  constructor(readonly problems: readonly string[], options?: { cause?: unknown }) {
    super(`malformed event or payload:\n${problems.map((p) => `  ${p}`).join('\n')}`, options);
  }
}

export class UnknownGroupError extends Error {
  override readonly name = 'UnknownGroupError';
  constructor(readonly group: string, readonly known: readonly string[]) {
    super(`unknown group "${group}": the configuration manages ${known.map((k) => `"${k}"`).join(', ') || 'no group'}`);
  }
}

/** CloudError code for a PutWarmPool the API refused because the group cannot have a warm pool (Spot). */
export const WARM_POOL_REFUSED = 'WarmPoolUnsupported';

export class CloudError extends Error {
  override readonly name = 'CloudError';
  constructor(message: string, readonly code: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A run in which some groups failed: thrown after every group has been tried and logged, so Lambda reports it. */
export class RunFailedError extends Error {
  override readonly name = 'RunFailedError';
  constructor(readonly failures: readonly { readonly group: string; readonly error: string }[]) {
    super(`${failures.length} group(s) failed: ${failures.map((f) => `${f.group}: ${f.error}`).join('; ')}`);
  }
}
