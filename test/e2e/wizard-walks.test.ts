import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closedPort, makeLabPki, startDnsServer, startTlsServer, type LabDns, type LabPki } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { diagnose, fixesOf, labTable, rootCauseOf, waitForReport } from './wizard-helpers.js';

/** Full walks through the wizard against the loopback lab: Target → live steps → Report. */
describe('wizard walks (real engine, loopback lab)', () => {
  let browser: Browser;
  let pki: LabPki;
  let dns: LabDns;
  let lab: HttpLab;
  beforeAll(async () => {
    browser = await launchChromium();
    pki = await makeLabPki();
    dns = await startDnsServer({ 'api.lab.test': { A: ['127.0.0.1'] } });
    lab = await startHttpLab();
  });
  afterAll(async () => {
    await lab?.close();
    await dns?.close();
    await browser?.close();
  });

  it('a closed port: TCP refused is the root cause, later steps are not reachable', async () => {
    const port = await closedPort();
    const page = await openApp(browser, labTable());
    await diagnose(page, `http://127.0.0.1:${port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('TCP_REFUSED');
    expect((await fixesOf(page)).length).toBeGreaterThan(0);
    await page.locator('[data-step="auth"]').click();
    await expect.poll(() => page.locator('[data-stage="http"] [data-testid="unreachable"]').innerText()).toMatch(/Not reachable|Not checked/);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('DNS NXDOMAIN from the lab resolver', async () => {
    const page = await openApp(browser, labTable());
    await diagnose(page, 'https://missing.lab.test/v1/models', { dnsServers: dns.server, timeoutMs: 3000 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('DNS_NXDOMAIN');
    expect(await page.locator('[data-testid="headline"]').innerText()).toMatch(/missing\.lab\.test|exist/i);
    expect((await fixesOf(page)).length).toBeGreaterThan(0);
    expect(dns.asked.some((q) => q.endsWith('missing.lab.test'))).toBe(true);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('an untrusted (self-signed) certificate', async () => {
    const server = await startTlsServer(pki, 'self-signed');
    const page = await openApp(browser, labTable());
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('TLS_UNTRUSTED_CERT');
    expect((await fixesOf(page)).join('\n')).toMatch(/NODE_EXTRA_CA_CERTS|CA/);
    await page.locator('[data-step="tls"]').click();
    await expect.poll(() => page.locator('[data-stage="tls"]').getAttribute('data-status')).toBe('fail');
    expect(pageErrorsOf(page)).toEqual([]);
    await server.close();
    await page.context().close();
  });

  it('a healthy target, trusted through the CA file chosen in the dialog', async () => {
    const server = await startTlsServer(pki, 'healthy');
    const page = await openApp(browser, labTable({ chooseCaFile: async () => pki.caFile }));
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { chooseCa: true, timeoutMs: 3000 });
    await waitForReport(page);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('failing');
    await expect.poll(() => page.locator('[data-testid="root-cause"]').count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await server.close();
    await page.context().close();
  });

  /** The key reaches main's engine through an environment variable of main, never through the page. */
  const keyEnv = (value: string) => labTable({ env: { LAB_KEY: value } });

  it('a healthy API: every step passes with a valid key, the waterfall shows the requests', async () => {
    const page = await openApp(browser, keyEnv(LAB_KEYS.openai));
    await diagnose(page, lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 2 });
    await waitForReport(page);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('failing');
    await expect.poll(() => page.locator('[data-testid="root-cause"]').count()).toBe(0);
    expect(await page.locator('.waterfall svg rect.seg').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain(LAB_KEYS.openai);
    await page.locator('[data-step="auth"]').click();
    await expect.poll(() => page.locator('[data-stage="auth"]').getAttribute('data-status')).toBe('pass');
    expect(await page.locator('.exchanges').innerText()).toMatch(/200/);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('401 with a malformed key (pasted with quotes): AUTH_MALFORMED, the fix says how to clean it', async () => {
    const page = await openApp(browser, keyEnv(`"${LAB_KEYS.openai}"`));
    await diagnose(page, lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('AUTH_MALFORMED');
    expect((await fixesOf(page)).length).toBeGreaterThan(0);
    expect(await page.content()).not.toContain(LAB_KEYS.openai);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('429 quota exhausted: named as quota, not as a rate limit', async () => {
    const page = await openApp(browser, keyEnv(LAB_KEYS.openai));
    await diagnose(page, lab.url('/s/quota'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('SERVER_QUOTA_EXHAUSTED');
    expect((await fixesOf(page)).join('\n')).toMatch(/billing|quota|credit|balance/i);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('503 service unavailable', async () => {
    const page = await openApp(browser, keyEnv(LAB_KEYS.openai));
    await diagnose(page, lab.url('/s/unavailable'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('SERVER_UNAVAILABLE');
    expect((await fixesOf(page)).length).toBeGreaterThan(0);
    await page.locator('[data-step="server"]').click();
    await expect.poll(() => page.locator('[data-stage="server"]').getAttribute('data-status')).toBe('fail');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
