import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closedPort, listen, makeLabPki, startSilentServer, startTlsServer, type LabPki } from '../lab/index.js';
import type { HandlerTable } from '../../src-main/app/handlers.js';
import { launchChromium, openApp, pageErrorsOf } from './harness.js';
import { LAB_KEYS, startHttpLab } from '../lab/http-lab.js';
import { cli } from '../cli-run.js';
import { diagnose, labTable, rootCauseOf, shot, waitForReport } from './wizard-helpers.js';

/** Counts calls per method, so a test can prove what did (or did not) reach main. */
function counted(table: HandlerTable) {
  const calls: Record<string, number> = {};
  const wrapped = Object.fromEntries(
    Object.entries(table).map(([k, fn]) => [k, (...a: unknown[]) => ((calls[k] = (calls[k] ?? 0) + 1), (fn as (...x: unknown[]) => unknown)(...a))]),
  ) as unknown as HandlerTable;
  return { table: wrapped, calls };
}

describe('wizard controls: cancel, re-run a step, language switch, credentials, bundles', () => {
  let browser: Browser;
  let pki: LabPki;
  beforeAll(async () => {
    browser = await launchChromium();
    pki = await makeLabPki();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('cancels mid-run: the report comes at once, unfinished checks are not reached', async () => {
    const silent = await startSilentServer();
    const page = await openApp(browser, labTable());
    await diagnose(page, `https://localhost:${silent.port}/v1/models`, { timeoutMs: 20_000 });
    await page.locator('[data-probe="tls"][data-status="running"]').waitFor({ timeout: 15_000 }).catch(async (e: unknown) => (await shot(page, 'debug-cancel'), Promise.reject(e)));
    await shot(page, 'en-light-running-tls');
    // What is being waited for, from where, against its budget — in the probe's own row.
    await expect.poll(() => page.locator('[data-probe="tls"] [data-testid="live-wait"]').textContent()).toMatch(/^waiting for the TLS handshake from localhost:\d+ — \d.* of 20\.0 s$/);
    expect(await page.locator('[data-action="cancel"]').innerText()).toBe('Cancel diagnosis — stops the TLS handshake now');
    const t0 = Date.now();
    await page.locator('[data-action="cancel"]').click();
    await waitForReport(page, 10_000);
    expect(Date.now() - t0).toBeLessThan(10_000); // the handshake budget was 20 s
    await page.locator('[data-step="tls"]').click();
    await expect.poll(() => page.locator('[data-stage="tls"]').getAttribute('data-status')).not.toBe('pass');
    await expect.poll(() => page.getByText('Cancelled:').count()).toBeGreaterThan(0);
    // The stage says it was not judged (issue #10 item 8), and the report says Cancelled, not Failing.
    await expect.poll(() => page.locator('[data-stage="tls"]').getByText(/Not judged: cancelled after/).count()).toBeGreaterThan(0);
    await page.locator('[data-step="report"]').click();
    await expect.poll(() => page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('cancelled');
    expect(await page.locator('#verdict').textContent()).toBe('Cancelled');
    expect(await page.locator('[data-testid="root-cause"]').count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await silent.close();
    await page.context().close();
  });

  it('re-runs one step: a port that was closed now listens, Connection passes and the root cause goes', async () => {
    const port = await closedPort();
    const page = await openApp(browser, labTable());
    await diagnose(page, `http://127.0.0.1:${port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('TCP_REFUSED');
    const server = await listen(http.createServer((_q, s) => s.end('{}')), '127.0.0.1', port);
    await page.locator('[data-step="connection"]').click();
    await page.locator('[data-action="rerun"]').click();
    await expect.poll(() => page.locator('[data-stage="tcp"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('pass');
    await page.locator('[data-step="report"]').click();
    await expect.poll(() => page.locator('[data-testid="root-cause"]').count(), { timeout: 20_000 }).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await server.close();
    await page.context().close();
  });

  it('switches language mid-report without running again', async () => {
    const server = await startTlsServer(pki, 'self-signed');
    const { table, calls } = counted(labTable());
    const page = await openApp(browser, table);
    await diagnose(page, `https://localhost:${server.port}/v1/models`, { timeoutMs: 3000 });
    await waitForReport(page);
    const before = await page.locator('[data-testid="headline"]').innerText();
    expect(before).not.toMatch(/[\u4e00-\u9fff]/);
    const callsBefore = { ...calls };
    await page.locator('[data-testid="lang"]').selectOption('zh-CN');
    await expect.poll(() => page.locator('[data-testid="headline"]').innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('#fixes-h').innerText()).toBe('修复方法');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await rootCauseOf(page)).toBe('TLS_UNTRUSTED_CERT');
    expect(calls.startDiagnosis).toBe(1);
    // Re-rendered in the page by report/text: the switch made no call to main, except telling it
    // which language the application menu should now speak.
    expect(calls).toEqual({ ...callsBefore, setMenuLanguage: (callsBefore.setMenuLanguage ?? 0) + 1 });
    await shot(page, 'zh-CN-light-report-switched');
    expect(pageErrorsOf(page)).toEqual([]);
    await server.close();
    await page.context().close();
  });

  it('adds a key: write-only, only its fingerprint shown afterwards, never in the page again', async () => {
    const secret = 'sk-lab-0123456789abcdefWXYZ';
    const page = await openApp(browser, labTable());
    await page.locator('#url').fill('https://api.lab.test/v1/models');
    await page.locator('[data-action="add-credential"]').click();
    await page.locator('#cred-name').fill('lab key');
    await page.locator('#cred-secret').fill(secret);
    await page.locator('[data-action="save-credential"]').click();
    await expect.poll(() => page.getByTestId('credential-saved').innerText()).toMatch(/lab key.*sk-…WXYZ/);
    const selected = await page.locator('#credential option:checked').innerText();
    expect(selected).toContain('lab key');
    expect(selected).toContain('sk-…WXYZ');
    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate((s) => JSON.stringify(localStorage).includes(s), secret)).toBe(false);
    await shot(page, 'en-light-credential-saved');
    await page.context().close();
  });

  it('exports a bundle after a redaction preview, and opens it again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-bundle-'));
    const file = path.join(dir, 'lab.zip');
    const lab = await startHttpLab();
    const page = await openApp(browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai }, chooseBundleSavePath: async () => file, chooseBundleOpenPath: async () => file }));
    await diagnose(page, lab.url('/s/unavailable'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    await page.locator('[data-action="export-bundle"]').click();
    await page.getByTestId('bundle-preview').waitFor();
    const preview = await page.getByTestId('bundle-preview').innerText();
    expect(preview).toMatch(/report\.json[\s\S]*requests\.har/);
    // The Authorization header the run sent shows up as a redaction, by place, never by value.
    expect(preview).toMatch(/Redacted values \([1-9]\d*\)/);
    expect(preview).not.toContain(LAB_KEYS.openai);
    await shot(page, 'en-light-bundle-preview');
    await page.locator('[data-action="save-bundle"]').click();
    await expect.poll(() => page.getByTestId('bundle-saved').innerText()).toContain('lab.zip');
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(100);
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.json', 'report.md', 'requests.har', 'environment.json']));
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).not.toContain(LAB_KEYS.openai);
    // A fresh window: nothing but the bundle to show.
    const fresh = await openApp(browser, labTable({ chooseBundleOpenPath: async () => file }));
    await fresh.locator('[data-step="report"]').click();
    await fresh.locator('[data-action="open-bundle"]').click();
    await fresh.getByTestId('bundle-opened').waitFor();
    expect(await rootCauseOf(fresh)).toBe('SERVER_UNAVAILABLE');
    expect(await fresh.getByTestId('bundle-opened').innerText()).toContain('lab.zip');
    await expect.poll(() => fresh.locator('[data-action="rerun"]').count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    expect(pageErrorsOf(fresh)).toEqual([]);
    await lab.close();
    await page.context().close();
    await fresh.context().close();
  });

  it('opens a bundle the CLI made (English, on a "server") in a Chinese window, in Chinese', async () => {
    const lab = await startHttpLab();
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-cli-bundle-'));
    const made = await cli(['diagnose', lab.url('/s/unavailable'), '--token-env', 'K', '--samples', '1', '--lang', 'en', '--bundle', path.join(dir, 'server.zip')], { K: LAB_KEYS.openai });
    expect(made.code).toBe(1);
    const page = await openApp(browser, labTable({ chooseBundleOpenPath: async () => path.join(dir, 'server.zip') }), { locale: 'zh-CN' });
    await page.locator('[data-step="report"]').click();
    await page.locator('[data-action="open-bundle"]').click();
    await page.getByTestId('bundle-opened').waitFor({ timeout: 15_000 });
    expect(await rootCauseOf(page)).toBe('SERVER_UNAVAILABLE');
    await expect.poll(() => page.locator('[data-testid="headline"]').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'zh-CN-light-opened-cli-bundle');
    expect(pageErrorsOf(page)).toEqual([]);
    await lab.close();
    await page.context().close();
  });

  it('opens a bundle dropped on the window, and says so in words when a dropped file is not one', async () => {
    const lab = await startHttpLab();
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-drop-'));
    const zip = path.join(dir, 'dropped.zip');
    expect((await cli(['diagnose', lab.url('/s/quota'), '--token-env', 'K', '--samples', '1', '--bundle', zip], { K: LAB_KEYS.openai })).code).toBe(1);
    const page = await openApp(browser, labTable());
    const drop = (name: string, base64: string) =>
      page.evaluate(
        ([n, b]) => {
          const bytes = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], n, { type: 'application/zip' }));
          document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        [name, base64] as const,
      );
    await drop('notes.zip', Buffer.from('this is not a zip').toString('base64'));
    await expect.poll(() => page.getByTestId('drop-error').innerText()).toMatch(/notes\.zip|zip|bundle/i);
    await drop('dropped.zip', readFileSync(zip).toString('base64'));
    await page.getByTestId('bundle-opened').waitFor({ timeout: 15_000 });
    expect(await rootCauseOf(page)).toBe('SERVER_QUOTA_EXHAUSTED');
    await expect.poll(() => page.getByTestId('drop-error').count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await lab.close();
    await page.context().close();
  });
});
