import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';

/** Ctrl-C on the real bin: the summary is printed and the process exits on its own, cleanly. */
const BIN = 'dist/cli/api-doctor.cjs';
let lab: WatchLab;
beforeAll(async () => {
  lab = await startWatchLab();
  lab.script('/flaky', (n) => (n % 3 === 0 ? { status: 503 } : {}));
});
afterAll(async () => {
  await lab?.close();
});

function runUntil(args: string[], lines: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }> {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
  let stdout = '';
  let stderr = '';
  let sentAt = 0;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    if (!sentAt && stdout.split('\n').filter(Boolean).length >= lines) {
      sentAt = performance.now();
      child.kill('SIGINT');
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - sentAt })));
}

describe('watch and Ctrl-C (the built bin)', () => {
  it('--json: SIGINT prints the summary as the last line and exits by itself (0: no failure so far)', async () => {
    expect(existsSync(BIN), 'run npm run build first').toBe(true);
    // --every 30: sitting out the wait would take 30 s.
    const r = await runUntil([lab.url('/ok'), '--every', '30', '--json'], 1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = lines.at(-1)!.summary as { samples: number; failures: number };
    expect(summary.samples).toBe(lines.length - 1);
    expect(summary.samples).toBe(1);
    expect(summary.failures).toBe(0);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    // It stopped at once: the wait for the next tick was cut, not sat out.
    expect(r.ms).toBeLessThan(10_000);
  });

  it('human text: SIGINT after a failure → "stopped." summary with the root cause, exit 1', async () => {
    const r = await runUntil([lab.url('/flaky'), '--every', '1', '--timeout', '2000'], 5);
    expect(r.stdout).toMatch(/FAIL {2}503 .*SERVER_UNAVAILABLE/);
    expect(r.stdout).toMatch(/stopped\. \d+ samples, \d+ failed .*root causes: SERVER_UNAVAILABLE ×\d/);
    expect(r.code).toBe(1);
  });
});
