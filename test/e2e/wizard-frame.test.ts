import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { createHandlerTable } from '../../src-main/app/handler-table.js';
import { launchChromium, openApp, pageErrorsOf, SCREENSHOT_DIR } from './harness.js';

describe('wizard frame in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every step and the version that main reports', async () => {
    const table = createHandlerTable({ versions: { node: process.versions.node }, platform: process.platform });
    const page = await openApp(browser, table);
    const steps = page.locator('nav[aria-label] ol li button');
    await expect.poll(() => steps.count()).toBe(8);
    const labels = await steps.allInnerTexts();
    expect(labels.map((l) => l.replace(/^\d+\s*/, '').trim())).toEqual(['Target', 'Network', 'DNS', 'Connection', 'TLS', 'HTTP & auth', 'Server', 'Report']);
    const version = (await table.version({ emit() {} }));
    expect(version.ok).toBe(true);
    await expect.poll(() => page.getByTestId('version').innerText()).toBe(`v${version.ok ? version.value.app : ''}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'frame.png') });
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
