import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWatchLab, type Behaviour, type WatchLab } from '../lab/watch-lab.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, waitForReport } from './wizard-helpers.js';

/** Watch mode in the wizard: live chart, a failed tick opens its diagnosis, stop/resume, export. */
describe('wizard watch mode (real engine, loopback lab)', () => {
  let browser: Browser;
  let lab: WatchLab;
  let mode: Behaviour = {};
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    lab = await startWatchLab();
    lab.script('/api', () => mode);
    dir = mkdtempSync(path.join(tmpdir(), 'wizard-watch-'));
  });
  afterAll(async () => {
    await lab?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('watches the run, marks a failure, opens its diagnosis, stops, resumes and exports', async () => {
    const saveAs = path.join(dir, 'watch.zip');
    const page = await openApp(browser, labTable({ chooseBundleSavePath: async () => saveAs }));
    await diagnose(page, lab.url('/api'), { timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await page.locator('#watch-every').fill('1');
    await page.locator('[data-testid="watch-start"]').click();
    await expect.poll(() => page.locator('[data-testid="watch-chart"] g[data-tick]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    mode = { status: 503 };
    await page.locator('[data-testid="watch-failure"]').first().waitFor({ timeout: 15_000 });
    mode = {};
    await expect.poll(() => page.locator('[data-testid="watch-summary"]').innerText()).toMatch(/1 failed/);
    await page.locator('[data-testid="watch-failure"]').first().click();
    const opened = page.locator('[data-testid="watch-diagnosis"]');
    await opened.waitFor();
    await expect.poll(() => opened.innerText()).toMatch(/SERVER_UNAVAILABLE/);

    await page.locator('[data-testid="watch-stop"]').click();
    await page.locator('[data-testid="watch-resume"]').waitFor();
    const before = await page.locator('[data-testid="watch-chart"] g[data-tick]').count();
    await page.locator('[data-testid="watch-resume"]').click();
    await expect.poll(() => page.locator('[data-testid="watch-chart"] g[data-tick]').count(), { timeout: 15_000 }).toBeGreaterThan(before);
    await page.locator('[data-testid="watch-stop"]').click();

    await page.locator('[data-testid="watch-export"]').click();
    await expect.poll(() => existsSync(saveAs)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  }, 90_000);
});
