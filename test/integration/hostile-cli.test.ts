import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Hostile input on the command line itself: files that never end. The built CLI runs in a child
// process (a hang must not take the test runner with it), killed after a short grace.

const CLI = path.resolve('dist/cli/api-doctor.cjs');

function runCli(args: string[], killAfterMs: number): Promise<{ code: number | null; killed: boolean; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: {} });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stderr, ms: performance.now() - t0 });
    });
  });
}

describe.skipIf(!existsSync(CLI) || process.platform === 'win32')('files that never end, given on the command line', () => {
  it('a directory as --ca-file is a usage error (exit 2)', async () => {
    const r = await runCli(['diagnose', 'http://127.0.0.1:9/', '--ca-file', '/'], 20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^api-doctor: --ca-file/);
  });

  // `-d @file` and `--ca-file` accept only regular files of bounded size: /dev/zero (or a
  // multi-GB file) is refused at once instead of being read until memory runs out.
  it('--ca-file /dev/zero is refused at once with exit 2', async () => {
    const r = await runCli(['diagnose', 'http://127.0.0.1:9/', '--ca-file', '/dev/zero'], 3000);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(2);
  });
});
