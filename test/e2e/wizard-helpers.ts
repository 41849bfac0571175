import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHandlerTable, type AppDeps } from '../../src-main/app/handler-table.js';
import type { HandlerTable } from '../../src-main/app/handlers.js';
import { createMemoryStore } from '../../src-main/credentials/memory-store.js';
import { launchChromium, SCREENSHOT_DIR } from './harness.js';
import { startHttpLab, type HttpLab } from '../lab/http-lab.js';

/**
 * The real handler table as the app composes it, with what only a desktop provides injected:
 * the CA file "dialog" answers with a lab file, and the engine reads no proxy variables of the
 * machine running the tests (a developer's HTTPS_PROXY must not route lab traffic).
 */
export function labTable(over: Partial<AppDeps> = {}): HandlerTable {
  // A memory credential store: the real store interface and handlers, without touching the OS keychain.
  const store = createMemoryStore();
  return createHandlerTable({
    versions: { node: process.versions.node },
    platform: process.platform,
    engine: { platform: { env: {} } },
    env: {},
    credentialStore: () => store,
    ...over,
  });
}

export interface WalkOptions {
  method?: string;
  dnsServers?: string;
  envVar?: string;
  chooseCa?: boolean;
  timeoutMs?: number;
  samples?: number;
  stream?: boolean;
}

/** Fills the Target step like a user and starts the diagnosis. */
export async function diagnose(page: Page, url: string, o: WalkOptions = {}): Promise<void> {
  await page.locator('[data-step="target"]').click();
  await page.locator('#url').fill(url);
  if (o.method) await page.locator('#method').selectOption(o.method);
  if (o.envVar) {
    await page.locator('#credential').selectOption('env');
    await page.locator('#env-var').fill(o.envVar);
  }
  if (o.dnsServers || o.chooseCa || o.timeoutMs || o.samples || o.stream) {
    await page.locator('details.advanced > summary').click();
    if (o.timeoutMs) await page.locator('#timeout').fill(String(o.timeoutMs));
    if (o.samples) await page.locator('#samples').fill(String(o.samples));
    if (o.dnsServers) await page.locator('#dns').fill(o.dnsServers);
    if (o.stream) await page.locator('#stream').check();
    if (o.chooseCa) {
      await page.getByRole('button', { name: /Choose file|选择文件/ }).click();
      await page.locator('.ca-name').filter({ hasNotText: /^(None|无)$/ }).waitFor();
    }
  }
  await page.locator('[data-action="start"]').click();
}

/** Waits until the Report step shows a report (the wizard moves there by itself). */
export async function waitForReport(page: Page, timeout = 45_000): Promise<void> {
  await page.locator('[data-testid="headline"]').waitFor({ timeout });
}

export const rootCauseOf = (page: Page) => page.locator('[data-testid="root-cause"]').innerText();
export const fixesOf = (page: Page) => page.locator('[data-testid="root-fixes"] li .text').allInnerTexts();

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the current page. Evaluated through DevTools (not a <script> tag), so the page's
 * strict CSP stays as the app has it. Returns serious and critical violations only.
 */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  const json = await page.evaluate(async () => {
    // globalThis, not window/document: this file is also type-checked without the DOM library.
    const g = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })));
  });
  return (JSON.parse(json) as { id: string; impact: string; help: string; nodes: string[] }[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/**
 * One Chromium and one HTTP lab for a describe block, started before its tests and closed after.
 * Read `env.browser` / `env.lab` inside tests (they are set once beforeAll has run).
 */
export function useBrowserAndLab(): { browser: Browser; lab: HttpLab } {
  const env = {} as { browser: Browser; lab: HttpLab };
  beforeAll(async () => {
    env.browser = await launchChromium();
    env.lab = await startHttpLab();
  });
  afterAll(async () => {
    await env.lab?.close();
    await env.browser?.close();
  });
  return env;
}
