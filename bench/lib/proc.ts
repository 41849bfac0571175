import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Timed {
  wallMs: number;
  /** Peak resident set size in KB (from /usr/bin/time), NaN when unavailable. */
  maxRssKb: number;
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

const TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(TIME);

/**
 * Runs a command once, measuring wall time from spawn to exit, and its peak RSS through GNU time
 * (`%M`) when present. `killAfterMs` bounds every run: a hang is a measurement, not a stuck bench.
 */
export function timed(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; killAfterMs?: number } = {}): Promise<Timed> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  const out = path.join(dir, 'rusage');
  const [file, argv] = hasGnuTime ? [TIME, ['-f', '%M', '-o', out, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = opts.killAfterMs
      ? setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, opts.killAfterMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (timer) clearTimeout(timer);
      let maxRssKb = NaN;
      try {
        maxRssKb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
      } catch {
        // killed before GNU time wrote, or no GNU time
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ wallMs, maxRssKb, code, stdout, stderr, killed });
    });
  });
}

/** Runs `n` rounds of several commands interleaved (a, b, c, a, b, c, …) so drift hits all alike. */
export async function interleaved<K extends string>(n: number, runs: Record<K, () => Promise<Timed>>): Promise<Record<K, Timed[]>> {
  const keys = Object.keys(runs) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as Timed[]])) as Record<K, Timed[]>;
  for (let i = 0; i < n; i++) {
    for (const k of keys) out[k].push(await runs[k]());
  }
  return out;
}
