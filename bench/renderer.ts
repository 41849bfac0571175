import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHandlerTable } from '../src-main/app/handler-table.js';
import { CHROMIUM, launchChromium, openApp } from '../test/e2e/harness.js';
import { median, ms, ratio, type Row } from './lib/stats.js';

/** Issue 7, bench 4: production bundle size (gzip) and time to an interactive Target step. */
export async function rendererBench(root: string, runs: number): Promise<Row[]> {
  const assets = path.join(root, 'dist', 'renderer', 'assets');
  const rows: Row[] = [];
  const files = (ext: string, skip?: string) => readdirSync(assets).filter((f) => f.endsWith(ext) && !(skip !== undefined && f.startsWith(skip)));
  const gz = (ext: string, skip?: string) => files(ext, skip).reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  const raw = (ext: string, skip?: string) => files(ext, skip).reduce((sum, f) => sum + readFileSync(path.join(assets, f)).length, 0);
  const css = gz('.css');
  const kb = (b: number) => (b / 1024).toFixed(1) + ' KB';
  // Each language's texts are a chunk of their own (src-renderer/lib/texts.ts): what a user loads
  // at start is every script but the other language's texts.
  for (const [lang, other] of [['en', 'zh-CN'], ['zh-CN', 'en']] as const) {
    const js = gz('.js', `texts-${other}-`);
    rows.push({ bench: 'renderer', metric: `JS gzip at start, ${lang} (raw)`, value: `${kb(js)} (${kb(raw('.js', `texts-${other}-`))})`, baseline: '100 KB budget', ratio: ratio(js, 100 * 1024), target: '≤ 100 KB', met: js <= 100 * 1024 });
  }
  rows.push({ bench: 'renderer', metric: 'JS gzip, every chunk (raw)', value: `${kb(gz('.js'))} (${kb(raw('.js'))})`, met: null });
  rows.push({ bench: 'renderer', metric: 'CSS gzip (raw)', value: `${kb(css)} (${kb(raw('.css'))})`, baseline: '20 KB budget', ratio: ratio(css, 20 * 1024), target: '≤ 20 KB', met: css <= 20 * 1024 });

  if (!existsSync(CHROMIUM)) {
    rows.push({ bench: 'renderer', metric: 'time to interactive', value: `not measured: no Chromium at ${CHROMIUM}`, met: null });
    return rows;
  }
  const browser = await launchChromium();
  try {
    const table = createHandlerTable({ versions: { node: process.versions.node }, platform: process.platform });
    // Page-side clock: performance.now() counts from the navigation's start. (A string: this
    // file is type-checked without the DOM library.)
    const interactive = `(() => {
      const url = document.querySelector('#url');
      const start = document.querySelector('button[data-action="start"]');
      return url !== null && !url.disabled && start !== null && !start.disabled && url.getBoundingClientRect().width > 0 ? performance.now() : null;
    })()`;
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await openApp(browser, table);
      ours.push((await (await page.waitForFunction(interactive, undefined, { polling: 'raf', timeout: 10_000 })).jsonValue()) as number);
      await page.context().close();
      // Baseline: the same browser showing a static page with the same two controls.
      const ctx = await browser.newContext();
      const blank = await ctx.newPage();
      await blank.goto('data:text/html,<form><input id="url"><button data-action="start">go</button></form>');
      floor.push((await (await blank.waitForFunction(interactive, undefined, { polling: 'raf', timeout: 10_000 })).jsonValue()) as number);
      await ctx.close();
    }
    const m = median(ours);
    rows.push({
      bench: 'renderer',
      metric: `Target step interactive (n=${runs})`,
      value: ms(m),
      baseline: `static page ${ms(median(floor))}`,
      ratio: ratio(m, median(floor)),
      target: 'report',
      met: null,
    });
  } finally {
    await browser.close();
  }
  return rows;
}
