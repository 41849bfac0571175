import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LAB_NAMES, makeLabPki, makeLeaf, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, seriousViolations, waitForReport } from './wizard-helpers.js';

/**
 * Issue #15 item 5, "see what happened": the certificate viewer in the TLS step and the report,
 * response headers in groups, exchanges under the stage that made them. Real engine, loopback lab.
 * Screenshots of the TLS step (en/zh-CN × light/dark × 1100/800) go to CERT_SHOTS (default
 * /tmp/shots/h15-see, never in git).
 */
const SHOTS = process.env.CERT_SHOTS ?? '/tmp/shots/h15-see';

const openTls = async (page: Page) => {
  await page.locator('[data-step="tls"]').click();
  await page.locator('main[data-current="tls"]').waitFor();
};
const certs = (page: Page) => page.locator('[data-stage="tls"] [data-testid="cert"]');
const setLang = async (page: Page, lang: 'en' | 'zh-CN') => {
  await page.locator('[data-testid="lang"]').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
};

describe('see what happened: certificates, header groups, exchanges by stage (real engine, loopback lab)', () => {
  let browser: Browser;
  let pki: LabPki;
  let lab: HttpLab;
  const servers: LabServer[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    pki = await makeLabPki();
    lab = await startHttpLab();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await lab?.close();
    await browser?.close();
  });

  it('an expired chain verified with a chosen CA file: the viewer shows the chain, days in both languages, fingerprint, stores; screenshots', { timeout: 120_000 }, async () => {
    const server = await startTlsServer(pki, 'expired');
    servers.push(server);
    const page = await openApp(browser, labTable({ chooseCaFile: async () => pki.caFile }));
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { chooseCa: true, timeoutMs: 3000 });
    await waitForReport(page);
    expect(await page.locator('[data-testid="root-cause"]').innerText()).toBe('TLS_CERT_EXPIRED');
    await openTls(page);
    // The server sent leaf + intermediate; the root came from the chosen CA file, and the viewer says so.
    expect(await certs(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))).toEqual(['leaf', 'intermediate', 'root']);
    expect(await certs(page).nth(0).locator('[data-testid="cert-subject"]').innerText()).toBe('localhost');
    expect(await certs(page).nth(0).locator('[data-testid="cert-issuer"]').innerText()).toMatch(/API Doctor Lab Intermediate/);
    expect(await certs(page).nth(0).locator('[data-testid="cert-names"] code').allInnerTexts()).toEqual(expect.arrayContaining(['localhost', '*.lab.test', '127.0.0.1']));
    expect(await certs(page).nth(2).locator('[data-testid="from-store"]').count()).toBe(1);
    expect(await certs(page).nth(0).locator('[data-testid="cert-days"]').innerText()).toBe('expired 10 days ago');
    expect(await certs(page).nth(0).locator('[data-testid="cert-days"]').getAttribute('data-state')).toBe('expired');
    expect(await certs(page).nth(1).locator('[data-testid="cert-days"]').getAttribute('data-state')).toBe('valid');
    expect(await certs(page).nth(0).locator('[data-testid="cert-key"]').innerText()).toBe('EC P-256 · 256 bits');
    // The fingerprint is the one of the certificate the server really sent, with its own Copy.
    const fp = new X509Certificate(server.leaf.cert).fingerprint256;
    expect(await certs(page).nth(0).locator('[data-testid="cert-fingerprint"]').innerText()).toBe(fp);
    expect(await certs(page).nth(0).locator(`button[data-copy="${fp}"]`).count()).toBe(1);
    // Verified with the chosen file, named in the viewer and in the finding.
    expect(await page.locator('[data-stage="tls"] [data-testid="ca-used"]').innerText()).toBe(`Verified with the CA file ${pki.caFile}`);
    expect(await page.locator('[data-stage="tls"] .findings').innerText()).toContain(`Verified with the CA file ${pki.caFile}`);
    // Which stores trust the chain: the CA file yes, Node's bundle no, every row answered.
    const stores = page.locator('[data-stage="tls"] [data-testid="cert-stores"] tbody tr');
    expect(await stores.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-store'), e.getAttribute('data-trusts')])))).toMatchObject({ 'node-bundled': 'false', 'ca-file': 'true' });
    expect(await stores.filter({ has: page.locator('th', { hasText: /^Operating system store$/ }) }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await setLang(page, 'zh-CN');
    expect(await certs(page).nth(0).locator('[data-testid="cert-days"]').innerText()).toBe('已过期 10 天');
    expect(await page.locator('[data-stage="tls"] [data-testid="ca-used"]').innerText()).toBe(`校验时使用的 CA 文件：${pki.caFile}`);
    expect(await page.locator('[data-stage="tls"] [data-testid="cert-stores"] caption').innerText()).toBe('哪些信任库接受这条证书链');
    expect(await page.locator('[data-stage="tls"] .findings').innerText()).toContain(`校验时使用了 CA 文件 ${pki.caFile}`);

    for (const lang of ['en', 'zh-CN'] as const) {
      await setLang(page, lang);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [1100, 800]) {
          await page.setViewportSize({ width, height: 760 });
          // The step scrolls inside the window: one shot at the top, one at the chain, one at the stores.
          await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
          await page.screenshot({ path: path.join(SHOTS, `tls-expired-${lang}-${scheme}-${width}-a-top.png`) });
          await page.locator('[data-stage="tls"] [data-testid="cert-viewer"] h3').scrollIntoViewIfNeeded();
          await page.locator('[data-stage="tls"] [data-testid="cert-viewer"] h3').evaluate((h) => h.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: path.join(SHOTS, `tls-expired-${lang}-${scheme}-${width}-b-chain.png`) });
          await page.locator('[data-stage="tls"] [data-testid="cert-stores"]').evaluate((t) => t.scrollIntoView({ block: 'end' }));
          await page.screenshot({ path: path.join(SHOTS, `tls-expired-${lang}-${scheme}-${width}-c-stores.png`) });
        }
      }
    }
    // The report's TLS section holds the same viewer, open because the verdict is about TLS.
    await setLang(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.locator('[data-step="report"]').click();
    const section = page.locator('[data-testid="report-certs"]');
    expect(await section.getAttribute('open')).not.toBeNull();
    expect(await section.locator('[data-testid="cert"]').count()).toBe(3);
    expect(await section.locator('[data-testid="ca-used"]').innerText()).toContain(pki.caFile);
    await section.evaluate((d) => d.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOTS, 'report-certs-en-light-1100.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('a self-signed leaf without a CA file: one certificate marked self-signed, no store trusts it, no CA-file line', { timeout: 60_000 }, async () => {
    const server = await startTlsServer(pki, 'self-signed');
    servers.push(server);
    const page = await openApp(browser, labTable(), { colorScheme: 'dark' });
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    await openTls(page);
    expect(await certs(page).count()).toBe(1);
    expect(await certs(page).nth(0).innerText()).toContain('self-signed');
    expect(await page.locator('[data-stage="tls"] [data-testid="ca-used"]').count()).toBe(0);
    const verdicts = await page.locator('[data-stage="tls"] [data-testid="cert-stores"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-trusts')));
    expect(verdicts.length).toBeGreaterThan(1);
    expect(verdicts).not.toContain('true');
    await page.locator('[data-stage="tls"] [data-testid="cert-viewer"]').evaluate((v) => v.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOTS, 'tls-self-signed-en-dark-1100.png') });
    // Not about TLS? It is: the report's section starts open here too; a healthy run's would start folded.
    await page.locator('[data-step="report"]').click();
    expect(await page.locator('[data-testid="report-certs"]').getAttribute('open')).not.toBeNull();
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('days left are plural-correct in English and counted like the findings: 1 day left, then 4 days left', { timeout: 90_000 }, async () => {
    const one = await makeLeaf(pki.intermediate, { names: LAB_NAMES, toDays: 1.5 });
    const oneDay = await startTlsServer(pki, 'healthy', '127.0.0.1', { key: one.key, cert: one.cert + pki.intermediate.cert });
    const fourDays = await startTlsServer(pki, 'expiring');
    servers.push(oneDay, fourDays);
    const page = await openApp(browser, labTable({ chooseCaFile: async () => pki.caFile }));
    for (const [server, en, zh] of [[oneDay, '1 day left', '剩余 1 天'], [fourDays, '4 days left', '剩余 4 天']] as const) {
      await diagnose(page, `https://localhost:${server.port}/v1/models`, { chooseCa: true, timeoutMs: 3000 });
      await waitForReport(page);
      await openTls(page);
      const days = certs(page).nth(0).locator('[data-testid="cert-days"]');
      expect(await days.innerText()).toBe(en);
      expect(await days.getAttribute('data-state')).toBe('expiring');
      // The finding says the same number.
      const finding = await page.locator('[data-stage="tls"] .findings').innerText();
      expect(finding).toContain(en === '1 day left' ? 'The certificate expires in 1 day\n' : 'The certificate expires in 4 days\n');
      await setLang(page, 'zh-CN');
      expect(await days.innerText()).toBe(zh);
      await setLang(page, 'en');
      // The lead finding (a warning) is about TLS: the report's certificate section starts open.
      await page.locator('[data-step="report"]').click();
      expect(await page.locator('[data-testid="report-certs"]').getAttribute('open')).not.toBeNull();
    }
    // A healthy chain: nothing about TLS to lead with, so the section starts folded, and says how long is left.
    const healthy = await startTlsServer(pki, 'healthy');
    servers.push(healthy);
    await diagnose(page, `https://localhost:${healthy.port}/v1/models`, { chooseCa: true, timeoutMs: 3000 });
    await waitForReport(page);
    const folded = page.locator('[data-testid="report-certs"]');
    expect(await folded.getAttribute('open')).toBeNull();
    await folded.locator('summary').click();
    expect(await folded.locator('[data-testid="cert"]').first().locator('[data-testid="cert-days"]').innerText()).toBe('89 days left');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('plain http:// has no certificate viewer', { timeout: 60_000 }, async () => {
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await openTls(page);
    expect(await page.locator('[data-testid="cert-viewer"]').count()).toBe(0);
    expect(await page.locator('[data-testid="not-applicable"]').count()).toBe(1);
    await page.context().close();
  });

  it('headers in groups: rate limits and ids shown (rate only when present), CDN/proxy and the rest folded; exchanges under their stage', { timeout: 90_000 }, async () => {
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    await diagnose(page, lab.url('/s/anthropic-rate'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await page.locator('[data-step="auth"]').click();
    // A red 429 is judged under Server: the HTTP stage above it never says "no problems", it points there.
    expect(await page.locator('[data-stage="http"] [data-testid="no-problems"]').count()).toBe(0);
    expect(await page.locator('[data-stage="http"] [data-testid="passed-here"]').innerText()).toMatch(/problem is under Server/);
    const first = page.locator('[data-stage="http"] .exchanges > li').first();
    expect(await first.locator('table[data-group="rate"] th').allInnerTexts()).toEqual(['retry-after', 'anthropic-ratelimit-requests-limit', 'anthropic-ratelimit-requests-remaining', 'anthropic-ratelimit-requests-reset']);
    expect(await first.locator('table[data-group="ids"] th').allInnerTexts()).toEqual(['request-id']);
    expect(await first.locator('table[data-group="rate"] caption').innerText()).toBe('Rate limits');
    // The rest is folded until asked for.
    expect(await first.locator('table[data-group="other"]').isVisible()).toBe(false);
    await first.locator('details.more-headers > summary').click();
    expect(await first.locator('table[data-group="other"] th').allInnerTexts()).toEqual(expect.arrayContaining(['content-type']));
    await first.evaluate((li) => li.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOTS, 'headers-anthropic-rate-en-light-1100.png') });
    // 503 samples sit under Server (the HTTP request counts as the first of the 3), tagged as the waterfall tags them; their Retry-After is a rate group of its own.
    await diagnose(page, lab.url('/s/unavailable'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 3 });
    await waitForReport(page);
    await page.locator('[data-step="server"]').click();
    const samples = page.locator('[data-stage="server"] .exchanges > li');
    expect(await samples.count()).toBe(2);
    // The user's own call (under HTTP & auth) is sample 1, as the waterfall and the engine count it.
    expect(await samples.locator('[data-testid="exchange-tag"]').allInnerTexts()).toEqual(['sample 2', 'sample 3']);
    expect(await samples.first().locator('.status').innerText()).toMatch(/^503/);
    expect(await samples.first().locator('table[data-group="rate"] th').allInnerTexts()).toEqual(['retry-after']);
    const waterfallTags = await page.locator('[data-step="report"]').click().then(() => page.locator('.waterfall li:not(.axis) .tag').allInnerTexts());
    expect(waterfallTags).toEqual(['sample 1', 'sample 2', 'sample 3']);
    await page.locator('[data-step="auth"]').click();
    expect(await page.locator('[data-stage="http"] [data-testid="exchange-tag"]').allInnerTexts()).toEqual(['sample 1']);
    await page.locator('[data-step="server"]').click();
    await setLang(page, 'zh-CN');
    expect(await samples.first().locator('table[data-group="rate"] caption').innerText()).toBe('限流');
    await setLang(page, 'en');

    // A gateway's 502: ids and CDN headers, and no rate-limit group at all.
    await diagnose(page, lab.url('/s/bad-gateway'), { envVar: 'LAB_KEY', timeoutMs: 3000, samples: 1 });
    await waitForReport(page);
    await page.locator('[data-step="auth"]').click();
    const gw = page.locator('[data-stage="http"] .exchanges > li').first();
    expect(await gw.locator('table[data-group="rate"]').count()).toBe(0);
    expect(await gw.locator('table[data-group="ids"] th').allInnerTexts()).toEqual(['cf-ray']);
    await gw.locator('details.more-headers > summary').click();
    expect(await gw.locator('table[data-group="cdn"] th').allInnerTexts()).toEqual(['server']);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
