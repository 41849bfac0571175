import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { DOCTOR_EVENTS, DOCTOR_METHODS, type DoctorEventName, type DoctorEvents } from '../../src-main/common/ipc-contract.js';
import type { CallContext, HandlerTable } from '../../src-main/app/handlers.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/security.js';

/** Debian's Chromium (apt-get install chromium); Playwright's own browser downloads are not possible here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RENDERER_INDEX = path.resolve('dist/renderer/index.html');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(RENDERER_INDEX)) throw new Error('dist/renderer is missing: run npm run build first');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Opens the built renderer with `window.doctor` replaced by a bridge to a real handler table
 * running in this test process: the same calls the preload would make, minus Electron.
 */
export async function openApp(browser: Browser, table: HandlerTable, opts: { colorScheme?: 'light' | 'dark'; locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    viewport: opts.viewport ?? { width: 1100, height: 760 },
  });
  const page = await context.newPage();
  const ctx: CallContext = {
    emit<E extends DoctorEventName>(event: E, payload: DoctorEvents[E]) {
      // Serialise here: Playwright's argument types recurse too deep on the report type.
      const message: [string, string] = [event, JSON.stringify(payload)];
      void page
        .evaluate(([e, p]) => (globalThis as unknown as { __doctorEmit(e: string, p: unknown): void }).__doctorEmit(e, JSON.parse(p)), message)
        .catch(() => {});
    },
  };
  await page.exposeFunction('__doctorInvoke', async (method: string, args: unknown[]) => {
    const handler = (table as unknown as Record<string, (c: CallContext, ...a: unknown[]) => Promise<unknown>>)[method];
    if (!handler) return { ok: false, error: { kind: 'forbidden', message: `no such method ${method}` } };
    // Round-trip through JSON like structured clone across IPC would.
    return JSON.parse(JSON.stringify(await handler(ctx, ...args)));
  });
  await page.addInitScript(
    ([methods, events]) => {
      const listeners = new Map<string, Set<(p: unknown) => void>>();
      // globalThis, not window: this file is also type-checked without the DOM library (integration tests import it).
      const w = globalThis as unknown as Record<string, unknown>;
      const invoke = w.__doctorInvoke as (m: string, a: unknown[]) => Promise<unknown>;
      const client: Record<string, unknown> = {};
      for (const m of methods) client[m] = (...args: unknown[]) => invoke(m, args);
      client.on = (e: string, cb: (p: unknown) => void) => {
        if (!events.includes(e)) throw new Error(`unknown event ${e}`);
        if (!listeners.has(e)) listeners.set(e, new Set());
        listeners.get(e)!.add(cb);
        return () => listeners.get(e)!.delete(cb);
      };
      w.doctor = Object.freeze(client);
      w.__doctorEmit = (e: string, p: unknown) => listeners.get(e)?.forEach((cb) => cb(p));
    },
    [DOCTOR_METHODS as string[], DOCTOR_EVENTS as string[]] as const,
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The strict CSP must hold with the real UI: a refused inline style or script is a failure too.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  uncaught.set(page, errors);
  await page.goto(`${await rendererOrigin()}/index.html`);
  // The app mounts once its language's texts (a chunk of their own) are loaded, a moment after 'load'.
  await page.locator('#app > *').first().waitFor();
  return page;
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
let origin: Promise<string> | null = null;

/**
 * Chromium refuses module scripts from file:// (Electron allows them), so the tests serve
 * dist/renderer from a loopback server, with the app's CSP as a header too.
 */
export function rendererOrigin(): Promise<string> {
  origin ??= new Promise((resolve, reject) => {
    const root = path.dirname(RENDERER_INDEX);
    // node:http ignores a handler's promise: every error is answered inside it.
    const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      try {
        const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = path.join(root, path.normalize(rel === '/' ? '/index.html' : rel));
        if (!file.startsWith(root)) return void res.writeHead(403).end();
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    };
    const server = http.createServer((req, res) => void serve(req, res));
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  return origin;
}

const uncaught = new WeakMap<Page, string[]>();
/** Uncaught exceptions the page threw so far: a UI that throws is a failed test. */
export const pageErrorsOf = (page: Page): string[] => uncaught.get(page) ?? [];

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');
