import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { labTable, shot, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/** What has keyboard focus, and whether it is drawn (a focus ring that nobody sees is no focus ring). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return { id: el.id, step: el.getAttribute('data-step'), tag: el.tagName, ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 };
  });

describe('wizard: keyboard only, and a steady layout while results stream in', () => {
  const env = useBrowserAndLab();

  it('runs a whole diagnosis with the keyboard, every focus visible', async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await page.locator('[data-step="target"]').waitFor();
    // Tab from the top: the step list comes first, each step focusable with a visible ring.
    await page.keyboard.press('Tab');
    let f = await focused(page);
    expect(f?.step).toBe('target');
    expect(f?.ring).toBe(true);
    let guard = 0;
    while ((await focused(page))?.id !== 'url' && guard++ < 20) {
      await page.keyboard.press('Tab');
      expect((await focused(page))?.ring, JSON.stringify(await focused(page))).toBe(true);
    }
    expect((await focused(page))?.id).toBe('url');
    await page.keyboard.type(env.lab.url('/openai/v1/models'));
    await shot(page, 'en-light-keyboard-focus');
    // Enter submits the form.
    await page.keyboard.press('Enter');
    await waitForReport(page);
    // Screen readers hear the outcome without hunting for it.
    await expect.poll(() => page.getByTestId('announcer').innerText()).toMatch(/^Diagnosis finished: (Healthy|Works, with warnings|Failing)\. \S/);
    // Back to a step through the keyboard: focus the nav and press Enter on "DNS".
    await page.locator('[data-step="dns"]').focus();
    f = await focused(page);
    expect(f?.ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('main[data-current="dns"]').waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps what is already shown in place while later results arrive', async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await page.locator('#url').fill(env.lab.url('/s/slow'));
    await page.locator('[data-action="start"]').click();
    // Stay on Network (the user picked it: the wizard stops following).
    await page.locator('[data-step="network"]').click();
    const row = page.locator('[data-probe="environment"]');
    await row.waitFor();
    const before = await row.boundingBox();
    const head = await page.locator('main h1').boundingBox();
    // A later probe is on screen, waiting, before it runs; it changes in place.
    const later = page.locator('[data-probe="proxy"]');
    const laterBefore = await later.boundingBox();
    expect(laterBefore).not.toBeNull();
    await page.locator('[data-stage="proxy"][data-status="pass"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-action="again"]').waitFor({ timeout: 20_000 });
    const after = await row.boundingBox();
    expect(after?.y).toBe(before?.y);
    expect((await later.boundingBox())?.y).toBe(laterBefore?.y);
    expect((await page.locator('main h1').boundingBox())?.y).toBe(head?.y);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
