import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runCli } from '../../src-main/cli/main.js';
import type { Report } from '../../src-main/common/report.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { CHROMIUM, RENDERER_INDEX, launchChromium, openApp, pageErrorsOf } from '../e2e/harness.js';
import { labTable } from '../e2e/wizard-helpers.js';
import { randomCanary } from './canary-forms.js';

/** A bundle exported by the CLI (as on a server) opens in the desktop app and shows the same findings. */
const ready = existsSync(CHROMIUM) && existsSync(RENDERER_INDEX);
if (!ready) console.log(`[bundle-app test skipped] needs ${CHROMIUM} and a built renderer (${RENDERER_INDEX}): npm run build`);

const KEY = randomCanary('sk-lab');
let api: CanaryApi;
let dir: string;
let browser: Browser;

describe.skipIf(!ready)('CLI bundle → desktop app', () => {
  beforeAll(async () => {
    api = await startCanaryApi({ accessToken: 'unused-access-token', validKey: 'another-key-entirely' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-app-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens in the app and shows the same verdict, root cause and findings', async () => {
    let stdout = '';
    const code = await runCli(['diagnose', api.url('http', '/v1/models'), '--token-env', 'K', '--json', '--samples', '1', '--bundle', 'server.zip'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => {} },
      env: { K: KEY },
      cwd: dir,
    });
    expect(code).toBe(1);
    const cliReport = JSON.parse(stdout) as Report;
    expect(cliReport.summary.rootCause).toBe('AUTH_REJECTED');

    const page = await openApp(browser, labTable({ chooseBundleOpenPath: async () => path.join(dir, 'server.zip') }));
    await page.locator('[data-step="report"]').click();
    await page.locator('[data-action="open-bundle"]').click();
    await page.locator('[data-testid="bundle-opened"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="bundle-opened"]').innerText()).toContain('server.zip');
    expect(await page.locator('[data-testid="root-cause"]').innerText()).toBe('AUTH_REJECTED');
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe(cliReport.summary.verdict);
    // The root cause leads in the hero (its code in small print); the list below holds the other findings.
    const shown = await page.locator('article.finding[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    const lead = await page.locator('[data-testid="root-cause"]').innerText();
    expect([...new Set([lead, ...shown])].sort()).toEqual([...new Set(cliReport.findings.map((f) => f.code))].sort());
    expect(await page.content()).not.toContain(KEY);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
