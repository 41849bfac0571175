import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../cli-run.js';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { labTable, rootCauseOf, seriousViolations, shot, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/** The Target step's paste box (curl, error text, HAR) and the report's "Compare with…". */
describe('wizard: start from what the user has', () => {
  const env = useBrowserAndLab();

  it('a pasted curl command: shows what it understood with the key masked, then runs it', async () => {
    const page = await openApp(env.browser, labTable());
    const cmd = `curl '${env.lab.url('/openai/v1/models')}' \\\n  -H 'Authorization: Bearer ${LAB_KEYS.openai}' \\\n  -H 'accept: application/json' -sS --compressed`;
    await page.locator('[data-testid="paste"]').fill(cmd);
    const preview = page.locator('[data-testid="paste-preview"]');
    await preview.waitFor();
    expect(await page.locator('[data-testid="paste-call"]').innerText()).toBe(`GET ${env.lab.url('/openai/v1/models')}`);
    const shown = await preview.innerText();
    expect(shown).toMatch(/Authorization: Bearer sk-…0001/);
    expect(shown).not.toContain(LAB_KEYS.openai);
    expect(await page.locator('[data-testid="paste-ignored"]').innerText()).toMatch(/-s: only changes what curl prints/);
    await shot(page, 'en-light-target-paste-curl');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-action="paste-use"]').click();
    expect(await page.locator('#url').inputValue()).toBe(env.lab.url('/openai/v1/models'));
    await page.locator('[data-testid="paste-applied"]').waitFor();
    await page.locator('details.advanced > summary').click();
    await page.locator('#samples').fill('1');
    await page.locator('[data-action="start"]').click();
    await waitForReport(page);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('failing');
    // The key went to the lab (auth passed) but never onto the page.
    expect(await page.content()).not.toContain(LAB_KEYS.openai);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('an error text: the likely codes and the run that confirms it', async () => {
    const page = await openApp(env.browser, labTable());
    await page.locator('[data-testid="paste"]').fill(`request to ${env.lab.url('/openai/v1/models')} failed, reason: connect ECONNREFUSED 127.0.0.1:7890`);
    const box = page.locator('[data-testid="paste-explain"]');
    await box.waitFor();
    expect(await box.innerText()).toMatch(/TCP_REFUSED/);
    await shot(page, 'en-light-target-paste-error');
    await page.locator('[data-action="paste-run"]').click();
    await waitForReport(page);
    expect(await rootCauseOf(page)).toBe('AUTH_MISSING');
    await page.context().close();
  });

  it('zh-CN: the paste box speaks Chinese', async () => {
    const page = await openApp(env.browser, labTable(), { locale: 'zh-CN' });
    await page.locator('[data-testid="lang"]').selectOption('zh-CN');
    await page.locator('[data-testid="paste"]').fill('openai.APIConnectionError: Connection error.');
    await page.locator('[data-testid="paste-explain"]').waitFor();
    expect(await page.locator('[data-testid="paste-explain"]').innerText()).toMatch(/这个错误最可能的含义/);
    await page.context().close();
  });

  it('a dropped HAR picks the failed call; "Compare with…" shows what differs from another bundle', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wiz-intake-'));
    try {
      const works = path.join(dir, 'works.zip');
      const r = await cli(['diagnose', env.lab.url('/openai/v1/models'), '-H', `Authorization: Bearer ${LAB_KEYS.openai}`, '--samples', '1', '--json', '--bundle', works]);
      expect(r.code).toBe(0);
      const har = JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [{ request: { method: 'GET', url: env.lab.url('/openai/v1/models'), headers: [{ name: 'Authorization', value: 'Bearer sk-proj-wrongWrongWrongWrong0000' }] }, response: { status: 401 } }] } });
      const page = await openApp(env.browser, labTable());
      const dt = await page.evaluateHandle((text) => {
        const d = new DataTransfer();
        d.items.add(new File([text], 'failing.har', { type: 'application/json' }));
        return d;
      }, har);
      await page.locator('[data-testid="paste"]').dispatchEvent('drop', { dataTransfer: dt });
      await page.locator('[data-testid="paste-preview"]').waitFor();
      expect(await page.locator('[data-testid="paste-preview"]').innerText()).not.toContain('wrongWrongWrong');
      await page.locator('[data-action="paste-use"]').click();
      await page.locator('details.advanced > summary').click();
      await page.locator('#samples').fill('1');
      await page.locator('[data-action="start"]').click();
      await waitForReport(page);
      expect(await rootCauseOf(page)).toBe('AUTH_REJECTED');
      await page.locator('[data-testid="compare-file"]').setInputFiles({ name: 'works.zip', mimeType: 'application/zip', buffer: await readFile(works) });
      const result = page.locator('[data-testid="compare-result"]');
      await result.waitFor();
      const text = await result.innerText();
      expect(text).toMatch(/works\.zip/);
      expect(text).toMatch(/summary\.verdict[\s\S]*failing[\s\S]*healthy/);
      expect(text).toMatch(/summary\.rootCause/);
      await result.scrollIntoViewIfNeeded();
      await shot(page, 'en-light-report-compare');
      // A language switch words the same rows again (main computes this one: it has both environments).
      await page.locator('[data-testid="lang"]').selectOption('zh-CN');
      await expect.poll(() => result.locator('tr[data-path="summary.verdict"]').innerText()).toMatch(/失败\s+正常\s+一边正常一边失败/);
      expect(pageErrorsOf(page)).toEqual([]);
      await page.context().close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

