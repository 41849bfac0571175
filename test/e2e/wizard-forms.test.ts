import { describe, expect, it } from 'vitest';
import { err } from '../../src-main/common/result.js';
import type { CredentialStore } from '../../src-main/credentials/store.js';
import { LAB_KEYS } from '../lab/http-lab.js';
import { openApp, pageErrorsOf } from './harness.js';
import { diagnose, labTable, shot, useBrowserAndLab, waitForReport } from './wizard-helpers.js';

/** The Target step's plain-words errors, recent targets and copy buttons. */
describe('wizard forms: errors from main, recent targets, copy', () => {
  const env = useBrowserAndLab();

  it('shows a bad URL inline, in plain words, in either language', async () => {
    const page = await openApp(env.browser, labTable());
    await page.locator('#url').fill('api.example.com/v1 models');
    await page.locator('[data-action="start"]').click();
    const alert = page.locator('#start-error[role="alert"]');
    await expect.poll(() => alert.innerText()).toMatch(/is not a URL: give the full address, starting with https:\/\//);
    expect(await alert.innerText()).not.toMatch(/at \w+ \(|Error:|ZodError/);
    await expect.poll(() => page.locator('main').getAttribute('data-current')).toBe('target');
    await shot(page, 'en-light-target-bad-url');
    await page.locator('[data-testid="lang"]').selectOption('zh-CN');
    await expect.poll(() => alert.innerText()).toMatch(/^操作失败/);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('says so when the keychain cannot be opened, and still lets the user diagnose', async () => {
    const broken: CredentialStore = {
      kind: 'keychain',
      list: async () => err('unavailable', 'The OS keychain is locked or missing (no Secret Service)'),
      get: async () => err('unavailable', 'The OS keychain is locked or missing (no Secret Service)'),
      save: async () => err('unavailable', 'The OS keychain is locked or missing (no Secret Service)'),
      rename: async () => err('unavailable', 'x'),
      delete: async () => err('unavailable', 'x'),
      reset: async () => err('unavailable', 'x'),
    };
    const page = await openApp(env.browser, labTable({ credentialStore: () => broken }));
    await expect.poll(() => page.locator('.field + .error[role="alert"], p.error[role="alert"]').first().innerText()).toMatch(/keychain is locked or missing/);
    await diagnose(page, env.lab.url('/openai/v1/models'), { timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    expect(await page.locator('[data-testid="root-cause"]').innerText()).toBe('AUTH_MISSING');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('remembers recent targets without secrets and refills the form from one', async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: LAB_KEYS.openai } }));
    const url = `${env.lab.url('/openai/v1/models')}?api_key=${LAB_KEYS.openai}&model=gpt`;
    await diagnose(page, url, { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    const stored = await page.evaluate(() => localStorage.getItem('api-doctor.recent-targets') ?? '');
    expect(stored).toContain('/openai/v1/models');
    expect(stored).toContain('LAB_KEY'); // the variable's name, not its value
    expect(stored).not.toContain(LAB_KEYS.openai);
    await page.locator('[data-step="target"]').click();
    await page.locator('#url').fill('');
    await page.locator('#credential').selectOption('none');
    await page.locator('.recent button.link').first().click();
    expect(await page.locator('#url').inputValue()).toBe(`${env.lab.url('/openai/v1/models')}?api_key=&model=gpt`);
    expect(await page.locator('#credential').inputValue()).toBe('env');
    expect(await page.locator('#env-var').inputValue()).toBe('LAB_KEY');
    await shot(page, 'en-light-target-recent');
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('copies a fix’s command chip, and the summary from the share bar', async () => {
    const page = await openApp(env.browser, labTable({ env: { LAB_KEY: `"${LAB_KEYS.openai}"` } }));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await diagnose(page, env.lab.url('/openai/v1/models'), { envVar: 'LAB_KEY', timeoutMs: 5000, samples: 1 });
    await waitForReport(page);
    // Commands are chips with their own Copy, and never raw backticks in the sentence.
    const chip = page.locator('[data-testid="root-fixes"] [data-command]').first();
    const command = await chip.locator('code').innerText();
    expect(command).toMatch(/^export LAB_KEY=/);
    await chip.locator('button.copy').click();
    await expect.poll(() => chip.locator('button.copy').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    expect((await page.locator('[data-testid="root-fixes"]').innerText())).not.toContain('`');
    await page.locator('[data-testid="share-bar"] button.copy').click();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain('AUTH_MALFORMED');
    expect(summary).toContain(await page.locator('[data-testid="headline"]').innerText());
    expect(summary).not.toContain(LAB_KEYS.openai);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('sends what the form says, and never asks a public resolver unless the user opts in', async () => {
    const base = labTable();
    const sent: unknown[] = [];
    const table = { ...base, startDiagnosis: (ctx: Parameters<typeof base.startDiagnosis>[0], ...a: unknown[]) => (sent.push(a[0]), base.startDiagnosis(ctx, ...a)) };
    const page = await openApp(env.browser, table);
    await page.locator('details.advanced > summary').click();
    expect(await page.getByLabel(/public resolvers/).isChecked()).toBe(false);
    await page.locator('#dns').fill('127.0.0.1:5399');
    await page.locator('#samples').fill('2');
    await page.getByLabel('No proxy').check();
    await page.locator('#url').fill(env.lab.url('/openai/v1/models'));
    await page.locator('[data-action="start"]').click();
    await waitForReport(page);
    expect(sent[0]).toMatchObject({ url: env.lab.url('/openai/v1/models'), dnsServers: ['127.0.0.1:5399'], referenceDns: [], samples: 2, proxy: null, credential: { kind: 'none' }, lang: 'en' });
    await page.context().close();
  });
});
