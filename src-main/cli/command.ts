import type { Result } from '../../src-shared/result';

/** What a command prints: `json` for `--json` (scripts), `text` for a technician at a terminal. */
export type CommandOutput = { readonly json: unknown; readonly text: string };

export type CliCommand = {
  /** Words that select the command, e.g. ['calendar', 'due']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Usage lines shown by `motcua help` and on a usage error. */
  readonly usage: string;
  /**
   * `argv` holds the words after the command path, `--json` already removed.
   * A bad argument is an `err(failure('cli.usage' | …, vi, en))`; the runner prints it bilingually and exits 2.
   */
  run(argv: readonly string[]): Promise<Result<CommandOutput>>;
};
