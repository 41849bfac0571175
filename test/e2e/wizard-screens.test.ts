import { describe, expect, it } from 'vitest';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, shot, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

const STEPS = ['target', 'network', 'dns', 'connection', 'tls', 'auth', 'server', 'report'] as const;
const COMBOS = [
  { locale: 'en-US', lang: 'en', scheme: 'light' },
  { locale: 'en-US', lang: 'en', scheme: 'dark' },
  { locale: 'zh-CN', lang: 'zh-CN', scheme: 'light' },
  { locale: 'zh-CN', lang: 'zh-CN', scheme: 'dark' },
] as const;

/**
 * Every step in both languages and both themes: a screenshot each (test-results/screenshots/,
 * to be looked at), axe-core with no serious or critical violation, and no mixed-language screen.
 */
describe('wizard screens: languages × themes, axe', () => {
  const env = useBrowserAndLab();

  for (const c of COMBOS) {
    it(`${c.lang} ${c.scheme}: every step renders, passes axe, and uses the OS language`, async () => {
      const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }), { locale: c.locale, colorScheme: c.scheme, viewport: { width: 900, height: 600 } });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
      await shot(page, `${c.lang}-${c.scheme}-0-target-empty`);
      await page.locator('details.advanced > summary').click();
      await page.locator('[data-action="add-credential"]').click();
      await shot(page, `${c.lang}-${c.scheme}-0b-target-add-key`);
      await page.locator('#timeout').scrollIntoViewIfNeeded();
      await shot(page, `${c.lang}-${c.scheme}-0c-target-advanced`);
      expect(await seriousViolations(page), 'target with every option open').toEqual([]);
      await page.locator('[data-action="add-credential"]').click();
      await page.locator('details.advanced > summary').click();
      // A rate-limited API: every step has measured values, the report has fixes, exchanges and timing.
      await diagnose(page, env.lab.url('/s/rate'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 3 });
      await waitForReport(page);
      for (const [i, step] of STEPS.entries()) {
        await page.locator(`[data-step="${step}"]`).click();
        await page.locator(`main[data-current="${step}"]`).waitFor();
        await shot(page, `${c.lang}-${c.scheme}-${i + 1}-${step}`);
        const violations = await seriousViolations(page);
        expect(violations, `${step}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        const text = await page.locator('main').innerText();
        // Chinese screens carry no English UI words (codes, URLs and measured values are data, allowed).
        if (c.lang === 'zh-CN') expect(text, step).not.toMatch(/\b(Not reachable|Passed|Findings|Measured|Cancel|Re-run|Report|Target)\b/);
        else expect(text, step).not.toMatch(/[\u4e00-\u9fff]/);
      }
      await page.locator('#timing-h').scrollIntoViewIfNeeded();
      await shot(page, `${c.lang}-${c.scheme}-7b-report-timing`);
      await page.locator('#advice-h').scrollIntoViewIfNeeded();
      await shot(page, `${c.lang}-${c.scheme}-7c-report-advice`);
      await page.setViewportSize({ width: 1600, height: 1000 });
      await shot(page, `${c.lang}-${c.scheme}-8-report-wide`);
      expect(pageErrorsOf(page)).toEqual([]);
      await page.context().close();
    });
  }
});
