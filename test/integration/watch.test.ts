import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src-main/cli/main.js';
import { startWatchLab, type Behaviour, type WatchLab } from '../lab/watch-lab.js';

let lab: WatchLab;
let dir: string;
beforeAll(async () => {
  lab = await startWatchLab();
  dir = await mkdtemp(path.join(os.tmpdir(), 'watch-'));
});
afterAll(async () => {
  await lab?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Line {
  at?: string;
  ok?: boolean;
  rootCause?: string | null;
  status?: number | null;
  timings?: Record<string, number | null>;
  diagnosis?: { rootCause: string | null; bundle: string | null };
  summary?: { samples: number; failures: number; p50Ms: number | null; p95Ms: number | null; rootCauses: Record<string, number> };
}

/** Runs `watch … --json` in-process; `onLine` sees each JSON line as it is printed (to change the lab mid-run). */
async function watch(args: string[], opts: { onLine?: (l: Line, n: number) => void; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  let n = 0;
  const code = await runCli(['watch', ...args, '--json', '--bench-min-interval-ms', '0'], {
    stdout: {
      write: (s: string) => {
        stdout += s;
        for (const l of s.split('\n').filter(Boolean)) opts.onLine?.(JSON.parse(l) as Line, ++n);
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    cwd: process.cwd(),
    ...(opts.signal ? { diagnose: { signal: opts.signal } } : {}),
  });
  const lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  return { code, lines, samples: lines.filter((l) => !l.summary), summary: lines.at(-1)!.summary!, stdout, stderr };
}

const path_ = (() => {
  let i = 0;
  return (script: (n: number) => Behaviour) => {
    const p = `/w${++i}`;
    lab.script(p, script);
    return p;
  };
})();

describe('api-doctor watch against a loopback lab', () => {
  it('a server that fails one tick in three: every line has the contract shape, counts add up, exit 1', async () => {
    const p = path_((n) => (n % 3 === 0 ? { status: 503 } : {}));
    // The diagnosis after the first failure makes requests too: script by time-independent count
    // only for the light probes, so the check is on what the watch reported.
    const r = await watch([lab.url(p), '--every', '30ms', '--count', '9', '--timeout', '2000']);
    expect(r.samples).toHaveLength(9);
    for (const s of r.samples) {
      expect(Object.keys(s).slice(0, 4)).toEqual(['at', 'ok', 'rootCause', 'timings']);
      expect(Number.isNaN(Date.parse(s.at!))).toBe(false);
      expect(s.rootCause === null).toBe(s.ok);
      expect(typeof s.timings!.totalMs).toBe('number');
    }
    const failed = r.samples.filter((s) => !s.ok);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((s) => s.rootCause === 'SERVER_UNAVAILABLE' && s.status === 503)).toBe(true);
    // One root cause: one full diagnosis, on the first failure.
    expect(r.samples.filter((s) => s.diagnosis)).toHaveLength(1);
    expect(r.samples.find((s) => !s.ok)!.diagnosis).toBeDefined();
    expect(r.summary).toMatchObject({ samples: 9, failures: failed.length, rootCauses: { SERVER_UNAVAILABLE: failed.length } });
    expect(r.summary.p50Ms).toBeGreaterThan(0);
    expect(r.summary.p95Ms).toBeGreaterThanOrEqual(r.summary.p50Ms!);
    expect(r.code).toBe(1);
  });

  it('a healthy server: exit 0, no diagnosis, null root causes', async () => {
    const p = path_(() => ({}));
    const r = await watch([lab.url(p), '--every', '20ms', '--count', '3']);
    expect(r.summary).toMatchObject({ samples: 3, failures: 0, rootCauses: {} });
    expect(r.samples.every((s) => s.ok && s.rootCause === null && !s.diagnosis)).toBe(true);
    expect(lab.hits.get(p)).toHaveLength(3);
    expect(r.code).toBe(0);
  });

  it('ticks never overlap: each request reaches the server after the previous answer ended (server timestamps)', async () => {
    // Answers take 120 ms, the interval is 20 ms: overlapping ticks would show as concurrent requests.
    const p = path_(() => ({ delayMs: 120 }));
    const r = await watch([lab.url(p), '--every', '20ms', '--count', '5']);
    expect(r.code).toBe(0);
    const hits = lab.hits.get(p)!;
    expect(hits).toHaveLength(5);
    for (let k = 1; k < hits.length; k++) expect(hits[k]!.start).toBeGreaterThanOrEqual(hits[k - 1]!.end!);
  });

  it('a server that hangs: the tick times out (HTTP_HEADERS_TIMEOUT), the watch goes on', async () => {
    const p = path_((n) => (n === 2 ? { hang: true } : {}));
    const t0 = Date.now();
    const r = await watch([lab.url(p), '--every', '20ms', '--count', '4', '--timeout', '300']);
    expect(r.samples.map((s) => s.rootCause)[1]).toBe('HTTP_HEADERS_TIMEOUT');
    expect(r.samples.filter((s) => s.ok).length).toBeGreaterThanOrEqual(2);
    expect(r.summary.rootCauses).toMatchObject({ HTTP_HEADERS_TIMEOUT: 1 });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.code).toBe(1);
  });

  it('the network disappears mid-watch (the server\'s port closes): TCP_REFUSED, diagnosed, the watch goes on to its count', async () => {
    const gone = await startWatchLab();
    const url = gone.url('/api');
    let closed = false;
    const r = await watch([url, '--every', '30ms', '--count', '6', '--timeout', '1000'], {
      onLine: (l, n) => {
        if (n === 2 && !closed) {
          closed = true;
          void gone.close();
        }
      },
    });
    await gone.close().catch(() => {});
    expect(r.samples.slice(0, 2).every((s) => s.ok)).toBe(true);
    const after = r.samples.slice(3);
    expect(after.every((s) => !s.ok && s.rootCause === 'TCP_REFUSED')).toBe(true);
    expect(r.samples.find((s) => s.rootCause === 'TCP_REFUSED')!.diagnosis!.rootCause).toBe('TCP_REFUSED');
    expect(r.summary.samples).toBe(6);
    expect(r.code).toBe(1);
  });

  it('--bundle-dir: a bundle on the first failure and on a change of root cause, not on repeats', async () => {
    let mode: Behaviour = {};
    const p = path_(() => mode);
    const bundles = path.join(dir, 'bundles');
    let unavailable = 0;
    const r = await watch([lab.url(p), '--every', '20ms', '--count', '8', '--timeout', '2000', '--bundle-dir', bundles], {
      onLine: (l, n) => {
        if (n === 2) mode = { status: 503 };
        if (l.rootCause === 'SERVER_UNAVAILABLE' && ++unavailable === 2) mode = { status: 500 };
      },
    });
    const files = (await readdir(bundles)).sort();
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.endsWith('-SERVER_UNAVAILABLE.zip'))).toBe(true);
    expect(files.some((f) => f.endsWith('-SERVER_ERROR.zip'))).toBe(true);
    const diagnosed = r.samples.filter((s) => s.diagnosis);
    expect(diagnosed.map((s) => s.rootCause)).toEqual(['SERVER_UNAVAILABLE', 'SERVER_ERROR']);
    expect(diagnosed.every((s) => s.diagnosis!.bundle && files.includes(path.basename(s.diagnosis!.bundle)))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('429 with Retry-After: the next tick waits for it', async () => {
    const p = path_((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : {}));
    const r = await watch([lab.url(p), '--every', '20ms', '--count', '2', '--timeout', '2000']);
    const hits = lab.hits.get(p)!;
    // The first hit is the rate-limited tick (its diagnosis does not sample a rate limit); the last is the next tick.
    expect(hits.at(-1)!.start - hits[0]!.start).toBeGreaterThanOrEqual(950);
    expect(r.samples[0]!.status).toBe(429);
  });

  it('an abort (Ctrl-C in the bin) ends the watch with the summary; exit reflects failures so far', async () => {
    const p = path_(() => ({}));
    const ac = new AbortController();
    const r = await watch([lab.url(p), '--every', '20ms'], { signal: ac.signal, onLine: (_l, n) => n === 3 && ac.abort() });
    expect(r.summary.samples).toBe(3);
    expect(r.code).toBe(0);
  });

  it('bad usage exits 2 with one line on stderr', async () => {
    let stderr = '';
    const code = await runCli(['watch', lab.url('/x'), '--every', '0.1'], { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: '/' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^api-doctor: --every 0\.1: at least 1 s/);
  });
});
