import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main.js';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';

/**
 * A real Prometheus (Debian's `prometheus` package) scrapes `watch --metrics` every second, on
 * loopback, and the values are read back through its HTTP query API. In CI a missing binary
 * fails the test; locally it is skipped with the package to install.
 */
const PROMETHEUS = '/usr/bin/prometheus';
const missing = existsSync(PROMETHEUS) ? null : `${PROMETHEUS} not found (apt-get install prometheus)`;
if (missing && process.env.CI === 'true') throw new Error(`watch Prometheus test cannot run in CI: ${missing}`);
if (missing) console.warn(`skipping the Prometheus test: ${missing}`);

let lab: WatchLab;
let dir: string;
let prom: ChildProcess | null = null;
beforeAll(async () => {
  lab = await startWatchLab();
  lab.script('/flaky', (n) => (n % 3 === 0 ? { status: 503 } : {}));
  dir = await mkdtemp(path.join(os.tmpdir(), 'watch-prom-'));
});
afterAll(async () => {
  if (prom && prom.exitCode === null) {
    prom.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    if (prom.exitCode === null) prom.kill('SIGKILL');
  }
  await lab?.close();
  await rm(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function startPrometheus(target: string): Promise<string> {
  const cfg = (await readFile('test/lab/prometheus.yml.tmpl', 'utf8')).replace('{{TARGET}}', target);
  await writeFile(path.join(dir, 'prometheus.yml'), cfg);
  const port = await freePort();
  prom = spawn(PROMETHEUS, [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  prom.stderr!.on('data', () => {});
  return `http://127.0.0.1:${port}`;
}

interface Vector {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(api: string, q: string): Promise<Vector[] | null> {
  try {
    const res = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { status: string; data?: { result: Vector[] } };
    return body.status === 'success' ? body.data!.result : null;
  } catch {
    return null;
  }
}

describe.skipIf(missing !== null)('watch --metrics scraped by a real Prometheus', () => {
  it('probe_success, phases, status, root cause and the outcome counter arrive through the query API', async () => {
    const ac = new AbortController();
    let api: string | null = null;
    let started: Promise<string> | null = null;
    const results: Record<string, Vector[]> = {};
    const poll = async () => {
      api = await started!;
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline) {
        const fails = await query(api, 'api_doctor_samples_total{outcome="fail"}');
        const oks = await query(api, 'api_doctor_samples_total{outcome="ok"}');
        if (fails?.length && Number(fails[0]!.value[1]) >= 1 && oks?.length && Number(oks[0]!.value[1]) >= 2) {
          for (const q of ['probe_success', 'probe_duration_seconds', 'probe_http_status_code', 'api_doctor_root_cause', 'api_doctor_samples_total', 'api_doctor_last_full_diagnosis_timestamp_seconds', 'up']) results[q] = (await query(api, q)) ?? [];
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      ac.abort();
    };
    let polling: Promise<void> | null = null;
    const code = await runCli(['watch', lab.url('/flaky'), '--every', '1', '--for', '60s', '--timeout', '2000', '--metrics', '127.0.0.1:0', '--json'], {
      stdout: { write: () => true },
      stderr: {
        write: (s: string) => {
          const m = /metrics at http:\/\/(127\.0\.0\.1:\d+)\/metrics/.exec(s);
          if (m && !started) {
            started = startPrometheus(m[1]!);
            polling = poll();
          }
          return true;
        },
      },
      env: {},
      cwd: process.cwd(),
      diagnose: { signal: ac.signal },
    });
    await polling;
    expect(api).not.toBeNull();
    expect(results.up?.[0]?.value[1], 'Prometheus scraped the watch').toBe('1');
    expect(results.up?.[0]?.metric.job).toBe('api-doctor-watch');
    expect(['0', '1']).toContain(results.probe_success?.[0]?.value[1]);
    expect(results.probe_duration_seconds?.map((v) => v.metric.phase).sort()).toEqual(['connect', 'processing', 'resolve', 'tls', 'transfer']);
    expect(['200', '503']).toContain(results.probe_http_status_code?.[0]?.value[1]);
    expect(results.api_doctor_root_cause?.map((v) => v.metric.code)).toEqual(['SERVER_UNAVAILABLE']);
    const outcomes = Object.fromEntries(results.api_doctor_samples_total!.map((v) => [v.metric.outcome, Number(v.value[1])]));
    expect(outcomes.ok).toBeGreaterThanOrEqual(2);
    expect(outcomes.fail).toBeGreaterThanOrEqual(1);
    expect(Number(results.api_doctor_last_full_diagnosis_timestamp_seconds?.[0]?.value[1])).toBeGreaterThan(Date.now() / 1000 - 120);
    expect(code).toBe(1);
  }, 90_000);
});
