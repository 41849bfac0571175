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
  constructor(message: string) {
    // The reason echoes what the user typed: keep it one line and free of terminal escapes.
    super(oneLine(message));
  }
}

/** Shows control characters (CR, LF, ESC, …) escaped, so a message is one safe line. */
export function oneLine(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
