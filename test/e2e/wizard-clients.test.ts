import { describe, expect, it } from 'vitest';
import { LAB_KEYS } from '../lab/http-lab.js';
import { startConnectProxy } from '../lab/proxy-server.js';
import { openApp, pageErrorsOf } from './harness.js';
import { labTable, seriousViolations, shot, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/** The client matrix on the report and the "what will make this call?" picker (issue 13). */
describe('wizard: client matrix and client picker', () => {
  const env = useBrowserAndLab();

  it('shows every client on the report; choosing Node.js makes the run meet what Node meets (CLIENT_PROXY_IGNORED)', async () => {
    const proxy = await startConnectProxy({ kind: 'tunnel' });
    try {
      // curl reads http_proxy; Node's fetch does not: with the picker on Node.js the run goes direct and says so.
      const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai }, engine: { platform: { env: { http_proxy: proxy.proxyUrl(), LAB_KEY: LAB_KEYS.openai } } } }));
      await page.locator('[data-step="target"]').click();
      await page.locator('#url').fill(env.lab.url('/openai/v1/models'));
      await page.locator('#credential').selectOption('env');
      await page.locator('#env-var').fill('LAB_KEY');
      await page.locator('details.advanced > summary').click();
      await page.locator('#samples').fill('1');
      // The default is curl, as on the command line: the hint says it never reads the system proxy settings.
      expect(await page.locator('#client-hint').innerText()).toContain('never the system proxy settings');
      await page.locator('[data-testid="client-picker"]').selectOption('node');
      expect(await page.locator('#client-hint').innerText()).not.toContain('never the system proxy settings');
      await page.locator('[data-action="start"]').click();
      await waitForReport(page);
      const matrix = page.locator('[data-testid="client-matrix"]');
      await matrix.waitFor();
      expect(await matrix.locator('tbody tr').count()).toBe(8);
      expect(await matrix.locator('tr[data-client="node"]').getAttribute('data-outcome')).toBe('ok');
      expect(await matrix.locator('tr[data-client="node"]').innerText()).toContain('CLIENT_PROXY_IGNORED');
      expect(await page.locator('main').innerText()).toMatch(/node does not use the proxy/);
      await matrix.scrollIntoViewIfNeeded();
      await shot(page, 'en-light-report-clients');
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[data-testid="lang"]').selectOption('zh-CN');
      await expect.poll(() => matrix.locator('h2').innerText()).toBe('本机其他客户端');
      expect(pageErrorsOf(page)).toEqual([]);
      await page.context().close();
    } finally {
      await proxy.close();
    }
  });
});
