import { Readable } from 'node:stream';
import { runCli } from '../src-main/cli/main.js';
import type { DiagnoseDeps } from '../src-main/cli/diagnose.js';

export interface CliRunOptions {
  /** What the user pipes in (e.g. a secret for `credentials add`). */
  stdin?: string;
  cwd?: string;
  /** Whether stderr claims to be a terminal (live progress is drawn only then). */
  tty?: boolean;
  diagnose?: DiagnoseDeps;
}

/** Runs the CLI in-process and captures what it printed. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, opts: CliRunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    env,
    cwd: opts.cwd ?? process.cwd(),
    ...(opts.stdin !== undefined ? { stdin: Readable.from([Buffer.from(opts.stdin)]) } : {}),
    ...(opts.diagnose ? { diagnose: opts.diagnose } : {}),
  });
  return { code, stdout, stderr };
}
