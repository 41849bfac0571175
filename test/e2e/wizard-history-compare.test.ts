import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/**
 * Issue #15 item 10: "Compare" between two runs of the history (or a run and a bundle file), by
 * the same comparison as `api-doctor diff`. Two real runs of the same call against the loopback
 * lab, one with a good key and one with a revoked one: the comparison puts the verdict and the
 * root cause first, in English and in Chinese.
 */
const SHOTS = process.env.HIST_SHOTS ?? '/tmp/shots/h15-hist';

/** English UI sentences (three words or more) inside `root`, outside code and data. */
async function englishIn(page: Page, root: string): Promise<string[]> {
  return page.locator(root).evaluate((r) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('code, pre, [lang="en"], [data-data]')) continue;
      const text = (n.textContent ?? '').trim();
      if (/[\u3400-\u9fff]/.test(text)) continue;
      if (/\b[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{3,}\b/.test(text)) out.push(text);
    }
    return out;
  });
}

const cell = (page: Page, p: string, col: number) => page.locator(`[data-testid="history-compare"] tr[data-path="${p}"] td`).nth(col).innerText();

describe('wizard: compare two runs from the history', () => {
  const env = useBrowserAndLab();

  it('a healthy and a failing run of the same call: the root cause first, in en and zh-CN, light and dark, 1100 and 800 px', { timeout: 120_000 }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai, OLD_KEY: 'sk-proj-labLabLabLabLabLabLabLab9999' } }));
    const url = env.lab.url('/openai/v1/models');
    await diagnose(page, url, { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('failing');
    await diagnose(page, url, { envVar: 'OLD_KEY', timeoutMs: 3000, samples: 1 });
    await page.locator('[data-testid="root-cause"]').filter({ hasText: 'AUTH_REJECTED' }).waitFor({ timeout: 20_000 });

    await page.locator('[data-step="target"]').click();
    const items = page.locator('[data-testid="history"] li');
    await expect.poll(() => items.count()).toBe(2);
    // Nothing ticked: the hint says how; one ticked: compare with a file (or tick another); two: compare them.
    expect(await page.locator('[data-action="compare-runs"]').count()).toBe(0);
    await items.nth(0).locator('[data-action="pick-run"]').check();
    await page.locator('[data-action="compare-run-bundle"]').waitFor();
    await items.nth(1).locator('[data-action="pick-run"]').check();
    for (const width of [1100, 800]) {
      await page.setViewportSize({ width, height: 760 });
      await page.screenshot({ path: path.join(SHOTS, `history-picked-en-light-${width}.png`) });
    }
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.locator('[data-action="compare-runs"]').click();
    const box = page.locator('[data-testid="history-compare"]');
    await box.waitFor();

    // A is the older (healthy) run, B the newer (failing) one; the verdict, then the root cause, first.
    const paths = await box.locator('tr[data-path]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    expect(paths.slice(0, 2)).toEqual(['summary.verdict', 'summary.rootCause']);
    expect(paths).toContain('findings.AUTH_REJECTED');
    expect(paths.filter((p) => p?.startsWith('environment.'))).toEqual([]);
    expect(await cell(page, 'summary.verdict', 1)).toMatch(/^(healthy|degraded)$/);
    expect(await cell(page, 'summary.verdict', 2)).toBe('failing');
    expect(await cell(page, 'summary.rootCause', 2)).toBe('AUTH_REJECTED');
    expect(await cell(page, 'findings.AUTH_REJECTED', 1)).toBe('—');
    expect(await cell(page, 'findings.AUTH_REJECTED', 2)).toBe('found');
    expect(await cell(page, 'stages.auth', 2)).toMatch(/^failed/);
    expect(await box.innerText()).toMatch(/not compared: the history keeps none/);
    expect(await seriousViolations(page)).toEqual([]);

    const shots: string[] = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.locator('[data-testid="lang"]').selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [1100, 800]) {
          await page.setViewportSize({ width, height: 760 });
          await box.scrollIntoViewIfNeeded();
          const name = `compare-runs-${lang}-${scheme}-${width}.png`;
          await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
          shots.push(name);
        }
      }
      if (lang === 'zh-CN') {
        // Re-worded on the switch, by the same text module: values, why, headings.
        expect(await cell(page, 'summary.verdict', 2)).toBe('失败');
        expect(await cell(page, 'findings.AUTH_REJECTED', 2)).toBe('出现');
        expect(await cell(page, 'stages.auth', 2)).toMatch(/^失败/);
        expect(await box.locator('tr[data-path="summary.rootCause"] td.why').innerText()).toMatch(/最先失败的层不同/);
        expect(await englishIn(page, '[data-testid="history"]')).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
      }
    }
    expect(shots).toHaveLength(8);
    await page.locator('[data-testid="lang"]').selectOption('en');
    await page.locator('[data-action="close-compare"]').click();
    await expect.poll(() => box.count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('a run and the bundle exported from it: no differences', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hist-cmp-'));
    try {
      const file = path.join(dir, 'failing.zip');
      const page = await openApp(env.browser, labTable({ env: { OLD_KEY: 'sk-proj-labLabLabLabLabLabLabLab9999' }, chooseBundleSavePath: async () => file }));
      await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'OLD_KEY', timeoutMs: 3000, samples: 1 });
      await waitForReport(page);
      await page.locator('[data-action="share-export"]').click();
      await page.locator('[data-action="save-bundle"]').click();
      await page.locator('[data-testid="bundle-saved"]').waitFor();
      await page.locator('[data-step="target"]').click();
      await page.locator('[data-testid="history"] li [data-action="pick-run"]').check();
      await page.locator('[data-action="compare-run-bundle"]').waitFor();
      // Not a bundle: said in words, nothing compared.
      await page.locator('[data-testid="history-compare-file"]').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
      await page.locator('[data-testid="history"] [role="alert"]').waitFor();
      expect(await page.locator('[data-testid="history-compare"]').count()).toBe(0);
      await page.locator('[data-testid="history-compare-file"]').setInputFiles({ name: 'failing.zip', mimeType: 'application/zip', buffer: await readFile(file) });
      await page.locator('[data-testid="history-compare"] [data-testid="compare-none"]').waitFor();
      expect(await page.locator('[data-testid="history-compare"]').innerText()).toMatch(/failing\.zip[\s\S]*No differences\./);
      await page.locator('[data-testid="lang"]').selectOption('zh-CN');
      await expect.poll(() => page.locator('[data-testid="compare-none"]').innerText()).toBe('没有差异。');
      // The run's headline in the list follows the switch too (it was kept in the language it was made in).
      expect(await page.locator('[data-testid="history"] li .headline').innerText()).toBe('服务器拒绝了该凭据（401）');
      await page.locator('[data-testid="history-compare"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'compare-run-bundle-same-zh-CN-light-1100.png'), fullPage: true });
      expect(pageErrorsOf(page)).toEqual([]);
      await page.context().close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
