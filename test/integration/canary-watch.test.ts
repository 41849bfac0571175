import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli } from '../../src-main/cli/main.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { findLeak, randomCanary } from './canary-forms.js';

/**
 * `watch` is a new way out for secrets: JSON lines, the plain and live views, stderr, the metrics
 * page and the bundles of diagnosed failures. The canary API echoes the key everywhere it can.
 */
const TOKEN = randomCanary('tok');
const URL_KEY = randomCanary('url');
const ALL = [TOKEN, URL_KEY];

let api: CanaryApi;
let dir: string;
beforeAll(async () => {
  api = await startCanaryApi({ accessToken: randomCanary('acc') });
  dir = await mkdtemp(path.join(os.tmpdir(), 'canary-watch-'));
});
afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('canaries never leave a watch', () => {
  it.each([
    ['json', ['--json']],
    ['plain', []],
    ['live (TTY)', []],
  ] as const)('%s output, stderr, metrics page and bundles', async (mode, extra) => {
    const bundles = path.join(dir, mode.replace(/\W/g, ''));
    let stdout = '';
    let stderr = '';
    let metricsText = '';
    let metricsUrl: string | null = null;
    let scraped: Promise<void> | null = null;
    const url = `${api.url('http', '/v1/unauthorized')}?model=x&key=${URL_KEY}`;
    const code = await runCli(['watch', url, '--token-env', 'CANARY_TOKEN', '--every', '20ms', '--bench-min-interval-ms', '0', '--count', '3', '--timeout', '3000', '--bundle-dir', bundles, '--metrics', '127.0.0.1:0', ...extra], {
      stdout: {
        write: (s: string) => {
          stdout += s;
          // Scrape once, after the first sample is in, while the watch still runs.
          if (metricsUrl && !scraped && stdout.includes('AUTH_REJECTED')) scraped = fetch(metricsUrl).then(async (r) => void (metricsText += await r.text()));
          return true;
        },
        isTTY: mode === 'live (TTY)',
      },
      stderr: {
        write: (s: string) => {
          stderr += s;
          metricsUrl ??= /metrics at (http:\/\/\S+)/.exec(s)?.[1] ?? null;
          return true;
        },
      },
      env: { CANARY_TOKEN: TOKEN },
      cwd: process.cwd(),
    });
    await scraped;
    expect(metricsText).toContain('api_doctor_root_cause{code="AUTH_REJECTED"} 1');
    expect(code).toBe(1);
    expect(api.received.some((x) => x.path === '/v1/unauthorized' && x.auth?.includes(TOKEN))).toBe(true);
    expect(stdout).toContain('AUTH_REJECTED');
    const texts: Record<string, string> = { stdout, stderr, metrics: metricsText };
    const files = await readdir(bundles);
    expect(files.length).toBe(1);
    for (const f of files) {
      const zip = await readFile(path.join(bundles, f));
      texts[`${f}:bytes`] = zip.toString('latin1');
      for (const [name, data] of Object.entries(unzipSync(zip))) texts[`${f}/${name}`] = strFromU8(data);
    }
    for (const [where, text] of Object.entries(texts)) {
      const leak = findLeak(text, ALL);
      expect(leak, `${mode} ${where}: ${leak}`).toBeNull();
    }
  });
});
