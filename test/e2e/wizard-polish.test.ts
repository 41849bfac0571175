import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { diagnose, fixesOf, labTable, seriousViolations, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/**
 * Issue #15 polish, walked in Chromium against the loopback lab: the malformed-key hero (which key,
 * what is wrong, the fix for that, one fingerprint in both languages), probe rows that mark
 * "not applicable" apart from ✓, and code that keeps its lines and scrolls at 800 px while prose wraps.
 * Screenshots of each screen (en + zh-CN, light + dark, 1100 + 800 px) go to POLISH_SHOTS.
 */
const SHOTS = process.env.POLISH_SHOTS ?? '/tmp/shots/h15-polish';
const FP = 'sk-proj-…0001';

async function setLang(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.locator('[data-testid="lang"]').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** Screenshots of the current screen in both languages, both themes and both widths; axe at each. */
async function shots(page: Page, name: string, before: () => Promise<void> = async () => {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    await setLang(page, lang);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1100, 800]) {
        await page.setViewportSize({ width, height: 800 });
        await before();
        await page.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${scheme}-${width}.png`), fullPage: false });
        expect(await seriousViolations(page), `${name} ${lang} ${scheme} ${width}`).toEqual([]);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1100, height: 800 });
  await setLang(page, 'en');
}

/** No sideways scrolling of the page itself: only code boxes scroll. */
const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('wizard polish (real engine, loopback lab)', () => {
  const env = useBrowserAndLab();

  it('401 with a quoted key: the hero names $LAB_KEY and the quotes, shows the fingerprint in both languages, and its fix removes quotes', { timeout: 120_000 }, async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: `"${LAB_KEYS.openai}"` } }));
    await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    const hero = page.locator('[data-testid="hero"]');
    expect(await page.locator('[data-testid="headline"]').innerText()).toBe('The key in $LAB_KEY is wrapped in quotes');
    const en = await hero.innerText();
    expect(en).toContain(`$LAB_KEY (${FP})`);
    expect(en).not.toContain('REDACTED');
    expect(en).toMatch(/did not send it/);
    const fixes = (await fixesOf(page)).join('\n');
    expect(fixes).toContain('export LAB_KEY="${LAB_KEY//[\\"\\\']/}"');
    expect(fixes).not.toMatch(/tr -d/);
    // The first action is that command, with its own Copy.
    expect(await hero.locator('[data-code]').innerText()).toBe('export LAB_KEY="${LAB_KEY//[\\"\\\']/}"');
    // "Not sent" must not sit beside an exchange that sent it: the 401 went without a credential.
    await page.locator('[data-step="auth"]').click();
    await page.locator('main[data-current="auth"]').waitFor();
    const exchanges = await page.locator('.exchanges').innerText();
    expect(exchanges).toMatch(/401/);
    expect(exchanges.toLowerCase()).not.toContain('authorization');
    await page.locator('[data-step="report"]').click();

    await setLang(page, 'zh-CN');
    expect(await page.locator('[data-testid="headline"]').innerText()).toBe('环境变量 LAB_KEY 中的密钥被引号包住了');
    const zh = await hero.innerText();
    expect(zh).toContain(`LAB_KEY 中的密钥（${FP}）`);
    expect(zh).not.toContain('REDACTED');
    await setLang(page, 'en');
    expect(await hero.innerText()).toBe(en);
    expect(await page.content()).not.toContain(LAB_KEYS.openai);

    await shots(page, 'malformed-quotes-hero');
    await page.locator('#fixes-h').scrollIntoViewIfNeeded();
    await shots(page, 'malformed-quotes-fixes', () => page.locator('#fixes-h').scrollIntoViewIfNeeded());
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('a key with a trailing newline: "contains a line break", and the fix removes line breaks (not quotes)', async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: `${LAB_KEYS.openai}\n` } }));
    await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    expect(await page.locator('[data-testid="headline"]').innerText()).toBe('The key in $LAB_KEY contains a line break');
    expect(await page.locator('[data-testid="hero"]').innerText()).toContain(FP);
    const fixes = (await fixesOf(page)).join('\n');
    expect(fixes).toContain("export LAB_KEY=\"${LAB_KEY//[$'\\r\\n']/}\"");
    expect(fixes).not.toMatch(/quote/i);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('a pasted JSON that is not a HAR: the reason in the screen\'s language, never zod\'s words', async () => {
    const page = await openApp(env.browser, labTable(), { locale: 'zh-CN' });
    await page.locator('[data-testid="paste"]').fill('{"log": {"entries": [{"request": {}}]}}');
    const error = page.locator('[data-testid="paste-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('字段 log.entries[0].request.method 缺失或类型不对');
    expect(await error.innerText()).not.toMatch(/Invalid input|expected/);
    await shots(page, 'paste-not-a-har', async () => {
      // The message is worded when the text is read: read it again in this language.
      await page.locator('[data-testid="paste"]').fill('');
      await page.locator('[data-testid="paste"]').fill('{"log": {"entries": [{"request": {}}]}}');
      const zh = (await page.evaluate(() => document.documentElement.lang)) === 'zh-CN';
      await expect.poll(() => error.innerText()).toMatch(zh ? /字段/ : /the field/);
    });
    await page.locator('[data-testid="paste"]').fill('{"log": {"entries": [{"request": {}}]}}');
    await expect.poll(() => error.innerText()).toContain('the field log.entries[0].request.method is missing or of the wrong type');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('an http:// target: TLS, proxy (none) and streaming probes are marked "not applicable", apart from ✓', { timeout: 120_000 }, async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    const markOf = async (step: string, probe: string) => {
      await page.locator(`[data-step="${step}"]`).click();
      await page.locator(`main[data-current="${step}"]`).waitFor();
      const row = page.locator(`[data-probe="${probe}"]`);
      return { mark: await row.getAttribute('data-mark'), icon: await row.locator('[data-icon]').getAttribute('data-icon'), label: await row.locator('[data-icon]').getAttribute('aria-label') };
    };
    expect(await markOf('tls', 'tls')).toEqual({ mark: 'not-applicable', icon: 'na', label: 'not applicable' });
    expect(await markOf('network', 'proxy')).toEqual({ mark: 'not-applicable', icon: 'na', label: 'not applicable' });
    expect((await markOf('connection', 'tcp')).icon).toBe('pass');
    expect((await markOf('server', 'server')).icon).toBe('pass');
    const stream = await markOf('server', 'stream');
    expect(stream.mark).toBe('not-applicable');
    expect(stream.icon).toBe('na');
    await page.locator('[data-step="tls"]').click();
    await shots(page, 'http-target-tls-step');
    await page.locator('[data-step="network"]').click();
    await shots(page, 'http-target-network-step');
    await page.locator('[data-step="server"]').click();
    await setLang(page, 'zh-CN');
    expect(await page.locator('[data-probe="stream"] [data-icon]').getAttribute('aria-label')).toBe('不适用');
    await setLang(page, 'en');
    await shots(page, 'http-target-server-step');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('at 800 px code keeps its lines and scrolls sideways (chips, snippets, JSON), prose wraps, the page itself does not scroll sideways', { timeout: 120_000 }, async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: `"${LAB_KEYS.openai}"` } }), { viewport: { width: 800, height: 800 } });
    await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    // The client advice's snippets (the curl command and the code samples) are code blocks.
    await page.locator('details.advice > summary').click();
    await expect.poll(() => page.locator('details.advice').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    for (const lang of ['en', 'zh-CN'] as const) {
      await setLang(page, lang);
      const code = await page.locator('[data-code]').evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => {
            const s = getComputedStyle(e);
            return { tag: e.tagName, whiteSpace: s.whiteSpace, overflowX: s.overflowX, scrolls: e.scrollWidth > e.clientWidth, tabIndex: (e as HTMLElement).tabIndex };
          }),
      );
      expect(code.length, lang).toBeGreaterThan(1);
      for (const c of code) {
        expect(c.whiteSpace, JSON.stringify(c)).toBe('pre');
        expect(c.overflowX, JSON.stringify(c)).toBe('auto');
        // Scrollable code is reachable with the keyboard (axe: scrollable-region-focusable).
        expect(c.tabIndex).toBe(0);
      }
      // At least one line is longer than the box: it scrolls rather than wrapping.
      expect(code.some((c) => c.scrolls), `${lang}: ${JSON.stringify(code)}`).toBe(true);
      // Prose wraps: the hero's evidence sentence spans several lines at this width.
      const prose = await page.locator('[data-testid="hero-evidence"]').evaluate((e) => ({ h: e.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(e).lineHeight) }));
      expect(prose.h).toBeGreaterThan(prose.lh * 1.5);
      expect(await pageScrollsSideways(page), lang).toBe(false);
    }
    await setLang(page, 'en');
    await shots(page, 'code-advice', () => page.locator('details.advice [data-code]').first().evaluate((e) => e.scrollIntoView({ block: 'center' })));
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
