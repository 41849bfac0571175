import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedPort, startConnectProxy, type LabProxy } from '../lab/index.js';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, waitForReport } from './wizard-helpers.js';

/**
 * In-app actions and live sampling progress, walked in Chromium against loopback servers:
 * "sample 2 of N" in the Server row while a slow server is sampled (before the report), a Cancel
 * that names what it stops, "Re-run with 20 samples" that takes exactly 20, and "Use the proxy
 * from the system settings" when the environment's proxy is gone and the OS names one that works.
 * Screenshots of the new states in both languages, both themes and two widths (ACT_SHOTS, default
 * /tmp/shots/h15-act), axe clean on each.
 */
const SHOTS = process.env.ACT_SHOTS ?? '/tmp/shots/h15-act';
const COMBOS = (['en', 'zh-CN'] as const).flatMap((lang) => (['light', 'dark'] as const).flatMap((scheme) => [1100, 800].map((width) => ({ lang, scheme, width }))));

/** Every language × theme × width of the screen as it is now (the run goes on meanwhile), axe on each. */
async function shotsOfState(page: Page, state: string, scrollTo?: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const c of COMBOS) {
    await page.locator('[data-testid="lang"]').selectOption(c.lang);
    await page.locator('[data-testid="theme"]').selectOption(c.scheme);
    await page.setViewportSize({ width: c.width, height: 760 });
    if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${state}-${c.lang}-${c.scheme}-${c.width}.png`) });
    const v = await seriousViolations(page);
    expect(v, `${state} ${c.lang} ${c.scheme} ${c.width}: ${JSON.stringify(v)}`).toEqual([]);
  }
  await page.locator('[data-testid="lang"]').selectOption('en');
  await page.locator('[data-testid="theme"]').selectOption('light');
  await page.setViewportSize({ width: 1100, height: 760 });
}

describe('wizard: live sampling progress and in-app actions', () => {
  let browser: Browser;
  let lab: WatchLab;
  let proxy: LabProxy;
  beforeAll(async () => {
    browser = await launchChromium();
    lab = await startWatchLab();
    // A slow, flaky server: every answer takes 700 ms, every odd one is a 503 (so sampling goes on).
    lab.script('/v1/flaky', (n) => ({ delayMs: 700, ...(n % 2 === 1 ? { status: 503 } : {}) }));
    lab.script('/v1/fast', () => ({}));
    proxy = await startConnectProxy({ kind: 'tunnel' });
  });
  afterAll(async () => {
    await proxy?.close();
    await lab?.close();
    await browser?.close();
  });

  it('shows "sample 2 of 3" while a slow server is sampled, then re-runs with exactly 20 samples and cancels mid-sampling', async () => {
    const page = await openApp(browser, labTable());
    await diagnose(page, lab.url('/v1/flaky'), { timeoutMs: 5000 });
    const wait = page.locator('[data-probe="server"] [data-testid="live-wait"]');
    // Seen while the run is on: no report yet.
    await expect.poll(() => wait.getAttribute('data-sample').catch(() => null), { timeout: 20_000, interval: 50 }).toBe('2/3');
    expect(await wait.textContent()).toMatch(/^sample 2 of 3: (waiting for the answer from 127\.0\.0\.1|answered).* — \d.* of \d.*s$/);
    expect(await page.locator('[data-testid="headline"]').count()).toBe(0);
    expect(await page.locator('[data-action="cancel"]').innerText()).toMatch(/^Cancel diagnosis — stops the server sampling now \(at sample [23] of 3\)$/);
    await waitForReport(page);
    expect(await page.locator('[data-code="SERVER_FLAKY"]').count()).toBeGreaterThan(0);

    // The flaky finding's fix is a button, never "--samples 20" to type.
    const before = lab.hits.get('/v1/flaky')!.length;
    const more = page.locator('[data-fix-action="samples"]').first();
    expect(await page.locator('main').innerText()).not.toMatch(/--samples/);
    await more.scrollIntoViewIfNeeded();
    await shotsOfState(page, 'report-flaky-samples-button', '[data-fix-action="samples"]');
    await more.click();
    await page.locator('main[data-current="server"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => wait.getAttribute('data-sample').catch(() => null), { timeout: 20_000, interval: 50 }).toMatch(/^[2-4]\/20$/);
    expect(await wait.textContent()).toMatch(/^sample \d+ of 20/);
    expect(await page.locator('[data-action="cancel"]').innerText()).toMatch(/^Cancel diagnosis — stops the server sampling now \(at sample \d+ of 20\)$/);
    await shotsOfState(page, 'server-sampling-live');
    await page.locator('[data-testid="lang"]').selectOption('zh-CN');
    expect(await wait.textContent()).toMatch(/^第 \d+\/20 次采样/);
    expect(await page.locator('[data-action="cancel"]').innerText()).toMatch(/^取消诊断 — 立即停止服务端采样（当前第 \d+\/20 次采样）$/);
    await page.locator('[data-testid="lang"]').selectOption('en');
    // The form shows what was sent.
    await page.locator('[data-action="cancel"]').click();
    await waitForReport(page, 15_000);
    const sent = lab.hits.get('/v1/flaky')!.length - before;
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThan(20);
    await page.locator('[data-step="target"]').click();
    expect(await page.locator('#samples').inputValue()).toBe('20');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a healthy, fast answer taken as the only sample: the Server step says so and offers 20 samples, which are taken', async () => {
    const page = await openApp(browser, labTable());
    await diagnose(page, lab.url('/v1/fast'), { timeoutMs: 5000 });
    await waitForReport(page);
    await page.locator('[data-step="server"]').click();
    const note = page.locator('[data-testid="sample-more"]');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/One sample says little/);
    expect(await page.locator('[data-probe="server"]').innerText()).toMatch(/1 sample: .*the first answer was healthy and fast/);
    // The app's words, not the CLI's "--samples N takes N".
    expect(await page.locator('main').innerText()).not.toMatch(/--samples/);
    await shotsOfState(page, 'server-one-sample', '[data-testid="sample-more"]');
    const before = lab.hits.get('/v1/fast')!.length;
    await note.locator('button').click();
    await waitForReport(page, 30_000);
    expect(lab.hits.get('/v1/fast')!.length - before).toBe(20);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the environment’s proxy is gone, the OS names one that works: one click re-runs through it', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const table = labTable({ engine: { platform: { env: { http_proxy: dead, https_proxy: dead }, resolveSystemProxy: async () => `PROXY 127.0.0.1:${proxy.port}` } } });
    const page = await openApp(browser, table);
    await diagnose(page, lab.url('/v1/fast'), { timeoutMs: 3000 });
    await waitForReport(page);
    expect(await page.locator('[data-testid="root-cause"]').innerText()).toBe('PROXY_UNREACHABLE');
    const first = page.locator('[data-testid="first-action"]');
    expect(await first.getAttribute('data-fix-action')).toBe('system-proxy');
    expect(await first.innerText()).toBe('Use the proxy from the system settings');
    // The sentence names the OS proxy; no "--proxy"/"--no-proxy" flag is left for a GUI user to type.
    const fixes = await page.locator('[data-testid="root-fixes"]').innerText();
    expect(fixes).toContain(proxy.proxyUrl());
    expect(fixes).not.toMatch(/--(?:no-)?proxy/);
    // The OS proxy is the first fix (its button is the hero's); the other fixes follow.
    expect(await page.locator('[data-testid="root-fixes"] li').first().locator('[data-fix-action="system-proxy"]').count()).toBe(1);
    await shotsOfState(page, 'report-system-proxy');
    const before = proxy.forwards.length;
    await first.click();
    await waitForReport(page, 30_000);
    expect(await page.locator('[data-testid="root-cause"]').count()).toBe(0);
    expect(proxy.forwards.slice(before)).toContain(`GET ${lab.url('/v1/fast')}`);
    await page.locator('[data-step="target"]').click();
    expect(await page.locator('input[name="proxy"][value="custom"]').isChecked()).toBe(true);
    expect(await page.getByLabel('Proxy URL').inputValue()).toBe(proxy.proxyUrl());
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
