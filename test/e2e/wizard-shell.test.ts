import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src-main/common/report.js';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/**
 * Issue #15 item 11, the desktop's manners the page is part of: the application menu speaks the
 * page's language (the page tells main on start and on each switch), tooltips name shortcuts the
 * way the platform main reports writes them, the window title names target and verdict.
 */
describe('wizard: the desktop shell around the page', () => {
  const env = useBrowserAndLab();
  const emitMenu = (command: string) => (globalThis as unknown as { __doctorEmit(e: string, p: unknown): void }).__doctorEmit('menu', { command });

  it('the menu follows the page language: on start, on the switch, and on the menu’s own Language item', async () => {
    const calls: Lang[] = [];
    const page = await openApp(env.browser, labTable({ setMenuLanguage: (l) => void calls.push(l) }));
    await expect.poll(() => calls).toEqual(['en']);
    await page.locator('[data-testid="lang"]').selectOption('zh-CN');
    await expect.poll(() => calls.at(-1)).toBe('zh-CN');
    await page.evaluate(emitMenu, 'lang:en');
    await expect.poll(() => calls.at(-1)).toBe('en');
    await page.context().close();
    // A page that opens in Chinese (the OS locale) builds the menu in Chinese at once.
    const zhCalls: Lang[] = [];
    const zh = await openApp(env.browser, labTable({ setMenuLanguage: (l) => void zhCalls.push(l) }), { locale: 'zh-CN' });
    await expect.poll(() => zhCalls).toEqual(['zh-CN']);
    expect(pageErrorsOf(zh)).toEqual([]);
    await zh.context().close();
  });

  for (const [platform, keys] of [
    ['darwin', { theme: '⇧⌘L', export: '⌘E', rerun: '⌘R', copy: '⇧⌘C', newTarget: '⌘N' }],
    ['linux', { theme: 'Ctrl+Shift+L', export: 'Ctrl+E', rerun: 'Ctrl+R', copy: 'Ctrl+Shift+C', newTarget: 'Ctrl+N' }],
  ] as const) {
    it(`tooltips name shortcuts as ${platform} writes them (platform from main, not the user agent); the title names target and verdict`, { timeout: 60_000 }, async () => {
      const page = await openApp(env.browser, labTable({ platform, env: { LAB_KEY: LAB_KEYS.openai } }));
      const tip = (sel: string) => page.locator(sel).getAttribute('title');
      await expect.poll(() => tip('label.theme')).toContain(`(${keys.theme} toggles)`);
      await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
      await waitForReport(page);
      expect(await tip('[data-action="share-export"]')).toMatch(new RegExp(`\\(${keys.export.replace(/[+]/g, '\\+')}\\)$`));
      expect(await tip('[data-action="again"]')).toContain(`(${keys.rerun})`);
      expect(await tip('.copy-summary')).toContain(`(${keys.copy})`);
      expect(await tip('[data-action="new-target"]')).toContain(`(${keys.newTarget})`);
      for (const t of [await tip('label.theme'), await tip('[data-action="again"]')]) expect(t).not.toMatch(platform === 'darwin' ? /Ctrl/ : /⌘/);
      await expect.poll(() => page.title()).toMatch(/^(Healthy|Works, with warnings) — 127\.0\.0\.1:\d+ — API Doctor$/);
      await page.locator('[data-testid="lang"]').selectOption('zh-CN');
      await expect.poll(() => tip('label.theme')).toContain(`（${keys.theme} 切换）`);
      await expect.poll(() => page.title()).toMatch(/^(正常|.+) — 127\.0\.0\.1:\d+ — API Doctor$/);
      expect(await page.title()).toMatch(/[\u4e00-\u9fff]/);
      expect(pageErrorsOf(page)).toEqual([]);
      await page.context().close();
    });
  }
});
