/** What the CLI touches of the outside world: injected so tests run it in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
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
