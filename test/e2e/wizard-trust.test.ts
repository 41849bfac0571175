import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeLabPki, startTlsServer, type LabPki } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, waitForReport } from './wizard-helpers.js';

/** Issue #15 walks: actions that do the fix, presets, history without secrets, the menu, samples under Server. */
describe('wizard a stressed developer trusts (real engine, loopback lab)', () => {
  let browser: Browser;
  let pki: LabPki;
  let lab: HttpLab;
  beforeAll(async () => {
    browser = await launchChromium();
    pki = await makeLabPki();
    lab = await startHttpLab();
  });
  afterAll(async () => {
    await lab?.close();
    await browser?.close();
  });

  it('an untrusted CA: the hero’s first action picks the CA file and re-runs; TLS then names the file', async () => {
    const server = await startTlsServer(pki, 'healthy');
    const page = await openApp(browser, labTable({ chooseCaFile: async () => pki.caFile }));
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    expect(await page.locator('[data-testid="root-cause"]').innerText()).toBe('TLS_UNTRUSTED_CERT');
    const action = page.locator('[data-testid="first-action"]');
    expect(await action.innerText()).toBe('Choose CA file… and re-run');
    // The GUI user is never told to type the CLI flag the app offers as this button.
    expect(await page.locator('[data-testid="root-fixes"]').innerText()).not.toContain('--ca-file');
    await action.click();
    await expect.poll(() => page.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 20_000 }).not.toBe('failing');
    await page.locator('[data-step="tls"]').click();
    expect(await page.locator('[data-testid="ca-used"]').innerText()).toContain(pki.caFile);
    expect(await page.locator('[data-step="tls"]').getAttribute('data-status')).toBe('pass');
    expect(pageErrorsOf(page)).toEqual([]);
    await server.close();
    await page.context().close();
  });

  it('503 samples sit under Server, numbered and labelled in the waterfall with the failure in red', async () => {
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, lab.url('/s/unavailable'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 3 });
    await waitForReport(page);
    const rows = page.locator('.waterfall li:not(.axis)');
    expect(await rows.count()).toBeGreaterThan(1);
    // The user's own call is sample 1 (as the engine counts: "2 of 3 requests failed", "sample 2 of 3" live); the server's follow.
    expect(await rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^1\s*sample 1/), expect.stringMatching(/^2\s*sample 2/)]));
    expect(await page.locator('.waterfall li[data-bad] .status.bad').count()).toBeGreaterThan(0);
    // No legend entry for a phase no request had (plain http: no TLS).
    expect(await page.locator('.legend').innerText()).not.toContain('TLS');
    await page.locator('[data-step="server"]').click();
    expect(await page.locator('[data-stage="server"] .exchanges li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-stage="server"] .exchanges').innerText()).toContain('503');
    // And the Server step never says "no problems" with errors in its samples.
    expect(await page.locator('[data-testid="no-problems"]').count()).toBe(0);
    expect(await page.locator('[data-stage="server"] [data-probe="server"] [data-icon]').getAttribute('data-icon')).not.toBe('pass');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('provider presets fill the form; a bad URL says what was meant, next to the field', async () => {
    const page = await openApp(browser, labTable());
    await page.locator('[data-testid="preset"]').selectOption('anthropic');
    expect(await page.locator('#url').inputValue()).toBe('https://api.anthropic.com/v1/models');
    expect(await page.locator('#credential').inputValue()).toBe('env');
    expect(await page.locator('#env-var').inputValue()).toBe('ANTHROPIC_API_KEY');
    await page.locator('[data-testid="preset"]').selectOption('zhipu');
    expect(await page.locator('#method').inputValue()).toBe('POST');
    expect(JSON.parse(await page.locator('#body').inputValue())).toMatchObject({ model: 'glm-4-flash', max_tokens: 1 });
    await page.locator('#url').fill('api.example.com/v1/models');
    await page.locator('[data-action="start"]').click();
    expect(await page.locator('[data-testid="url-issue"]').innerText()).toMatch(/must start with https:\/\//);
    await page.locator('[data-testid="did-you-mean"]').click();
    expect(await page.locator('#url').inputValue()).toBe('https://api.example.com/v1/models');
    await expect.poll(() => page.locator('[data-testid="url-issue"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the last runs without secrets: open, re-run, delete, clear', async () => {
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await diagnose(page, lab.url('/s/quota'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await page.locator('[data-testid="root-cause"]').filter({ hasText: 'SERVER_QUOTA_EXHAUSTED' }).waitFor({ timeout: 20_000 });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain('SERVER_QUOTA_EXHAUSTED');
    expect(stored).not.toContain(LAB_KEYS.openai);
    expect(stored).not.toContain(LAB_KEYS.openai.slice(8, 24));
    await page.locator('[data-step="target"]').click();
    const items = page.locator('[data-testid="history"] li');
    await expect.poll(() => items.count()).toBe(2);
    await items.nth(1).getByRole('button', { name: /^Open the report/ }).click();
    await page.locator('main[data-current="report"]').waitFor();
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('failing');
    await page.locator('[data-step="target"]').click();
    // Run again: the same target and credential name, a new entry on top.
    await items.nth(0).getByRole('button', { name: 'Run again' }).click();
    await page.locator('[data-testid="root-cause"]').filter({ hasText: 'SERVER_QUOTA_EXHAUSTED' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-step="target"]').click();
    await expect.poll(() => items.count()).toBe(3);
    await items.nth(0).getByRole('button', { name: /Delete/ }).click();
    await expect.poll(() => items.count()).toBe(2);
    await page.locator('[data-action="clear-history"]').click();
    await expect.poll(() => items.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('api-doctor.history'))).toBeNull();
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('the application menu drives the wizard: theme, language, new diagnosis; the title names target and verdict', async () => {
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await expect.poll(() => page.title()).toMatch(/^(Healthy|Works, with warnings) — 127\.0\.0\.1:\d+ — API Doctor$/);
    const menu = (command: string) => page.evaluate((c) => (globalThis as unknown as { __doctorEmit(e: string, p: unknown): void }).__doctorEmit('menu', { command: c }), command);
    await menu('toggle-theme');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await menu('lang:zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await menu('new-diagnosis');
    await page.locator('main[data-current="target"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('url');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
