import type { DiagnoseDeps } from './diagnose.js';

/** What the CLI touches of the outside world: injected so tests run it in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Injected into `diagnose` by tests (platform adapters, keychain) and by the bin (Ctrl-C). */
  diagnose?: DiagnoseDeps;
}

export const EXIT = {
  ok: 0,
  failing: 1,
  usage: 2,
  internal: 3,
} as const;

/** Bad usage or bad input: one line on stderr, exit 2 (contract, section 4). */
export class UsageError extends Error {
  override name = 'UsageError';
}
