import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { cli as runCliIn } from '../cli-run.js';
import type { Report } from '../../src-main/common/report.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { harValidator } from '../unit/bundle/har-validate.js';
import { findLeak, randomCanary } from './canary-forms.js';

/**
 * Bundles made by the CLI, end to end: written by `diagnose --bundle`, valid HAR 1.2, opened by
 * `api-doctor open`, and replayed by a third-party HAR consumer (Playwright's routeFromHAR in
 * Chromium) with the lab server already gone.
 */
const KEY = randomCanary('sk-lab');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let api: CanaryApi;
let dir: string;

const cli = (args: string[]) => runCliIn(args, { LAB_KEY: KEY }, { cwd: dir });

beforeAll(async () => {
  api = await startCanaryApi({ accessToken: 'unused-access-token', validKey: KEY });
  dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-it-'));
});
afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bundles from the CLI', () => {
  let okUrl: string;
  let deniedUrl: string;
  let okReport: Report;

  it('diagnose --bundle writes a bundle whose HAR is valid HAR 1.2 and whose report is the printed one', async () => {
    okUrl = api.url('http', '/v1/models');
    deniedUrl = api.url('http', '/v1/unauthorized');
    const run = await cli(['diagnose', okUrl, '--token-env', 'LAB_KEY', '--json', '--samples', '1', '--bundle', 'ok.zip']);
    expect(run.stderr).toContain('diagnostic bundle written to');
    okReport = JSON.parse(run.stdout) as Report;
    const files = unzipSync(await readFile(path.join(dir, 'ok.zip')));
    const bundled = JSON.parse(strFromU8(files['report.json']!)) as Report;
    expect(bundled.findings.map((f) => f.code)).toEqual(okReport.findings.map((f) => f.code));
    expect(bundled.summary).toEqual(okReport.summary);
    const har = JSON.parse(strFromU8(files['requests.har']!));
    expect(harValidator()(har)).toEqual([]);
    expect(har.log.entries.length).toBe(okReport.exchanges.length);
    expect(har.log.entries.length).toBeGreaterThan(0);
    const first = har.log.entries[0];
    expect(first.serverIPAddress).toBe('127.0.0.1');
    expect(first.timings.wait).toBeGreaterThanOrEqual(0);
    expect(first.request.headers.find((h: { name: string }) => h.name.toLowerCase() === 'authorization')?.value).toBe('Bearer [REDACTED]');
    for (const [name, data] of Object.entries(files)) expect(findLeak(strFromU8(data), [KEY]), name).toBeNull();

    const denied = await cli(['diagnose', deniedUrl, '--token-env', 'LAB_KEY', '--samples', '1', '--bundle', 'denied.zip', '--lang', 'zh-CN']);
    expect(denied.code).toBe(1);
    const md = strFromU8(unzipSync(await readFile(path.join(dir, 'denied.zip')))['report.md']!);
    expect(md).toContain('AUTH_REJECTED');
    expect(md).toMatch(/[\u4e00-\u9fff]/);
  });

  it('api-doctor open prints the same report (JSON and human), and refuses a hostile file with exit 2', async () => {
    const json = await cli(['open', 'ok.zip', '--json']);
    expect(json.code).toBe(0);
    const opened = JSON.parse(json.stdout) as Report;
    expect(opened.findings.map((f) => f.code)).toEqual(okReport.findings.map((f) => f.code));
    expect(opened.target.url).toBe(okReport.target.url);
    const human = await cli(['open', 'denied.zip']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('AUTH_REJECTED');
    expect(human.stdout).toMatch(/Bundle: denied\.zip|诊断包: denied\.zip/);
    await writeFile(path.join(dir, 'evil.zip'), 'PK\u0003\u0004 definitely not a bundle');
    const evil = await cli(['open', 'evil.zip']);
    expect(evil.code).toBe(2);
    expect(evil.stderr).toMatch(/^api-doctor: Cannot open this bundle: .+\n$/);
    expect((await cli(['open', 'missing.zip'])).code).toBe(2);
  });

  it.skipIf(!existsSync(CHROMIUM))('Playwright routeFromHAR serves the recorded responses back (the lab server is gone)', async () => {
    const files = unzipSync(await readFile(path.join(dir, 'ok.zip')));
    const harFile = path.join(dir, 'requests.har');
    await writeFile(harFile, files['requests.har']!);
    const deniedHar = path.join(dir, 'denied.har');
    await writeFile(deniedHar, unzipSync(await readFile(path.join(dir, 'denied.zip')))['requests.har']!);
    await api.close();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    try {
      const context = await browser.newContext();
      await context.routeFromHAR(harFile, { notFound: 'abort', url: `${new URL(okUrl).origin}/v1/models` });
      await context.routeFromHAR(deniedHar, { notFound: 'abort', url: `${new URL(okUrl).origin}/v1/unauthorized` });
      const page = await context.newPage();
      const ok = await page.goto(okUrl);
      expect(ok?.status()).toBe(200);
      expect(JSON.parse(await ok!.text())).toEqual({ object: 'list', data: [{ id: 'lab-model', object: 'model' }] });
      const denied = await page.goto(deniedUrl);
      expect(denied?.status()).toBe(401);
      const body = await denied!.text();
      expect(body).toContain('Incorrect API key provided');
      expect(findLeak(body, [KEY])).toBeNull();
    } finally {
      await browser.close();
    }
  });
});
