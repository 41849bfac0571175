import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { cli } from '../cli-run.js';
import type { Report } from '../../src-main/common/report.js';
import { defaultEntry, entryToRequest, listEntries, parseHar } from '../../src-main/intake/har/read.js';
import { CHROMIUM } from '../e2e/harness.js';
import { listen, type LabServer } from '../lab/index.js';

/**
 * A HAR exported by a real Chromium (playwright-core's recordHar, Debian's /usr/bin/chromium)
 * while a page on a loopback server calls an OpenAI-shaped API: one call succeeds, one is
 * refused with 401. The intake must list both, pick the failed one, and diagnose it.
 */
const GOOD_KEY = 'sk-proj-harGoodGoodGoodGoodGood00001';
const BAD_KEY = 'sk-proj-harBadBadBadBadBadBadBad99999';

const PAGE = `<!doctype html><title>lab</title><script>
window.done = (async () => {
  await fetch('/v1/models', { headers: { Authorization: 'Bearer ${GOOD_KEY}' } });
  await fetch('/v1/chat/completions', { method: 'POST', headers: { Authorization: 'Bearer ${BAD_KEY}', 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }) });
  return true;
})();
</script>`;

let server: LabServer;
let dir: string;
let harFile: string;
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'intake-har-'));
  server = await listen(
    http.createServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      if (req.url?.startsWith('/v1/')) {
        if (auth === `Bearer ${GOOD_KEY}`) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
        return void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-proj-****9999.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
      }
      res.writeHead(404).end();
    }),
  );
  if (skip) return;
  harFile = path.join(dir, 'chromium.har');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] });
  try {
    const context = await browser.newContext({ recordHar: { path: harFile, content: 'embed' } });
    const page = await context.newPage();
    await page.goto(server.url('http', '/'));
    await page.waitForFunction(() => (globalThis as unknown as { done: Promise<boolean> }).done);
    await page.evaluate(() => (globalThis as unknown as { done: Promise<boolean> }).done);
    await context.close();
  } finally {
    await browser.close();
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skip)('a HAR recorded by Chromium', () => {
  it('is read, listed with secrets masked, and the failed entry is the default', async () => {
    const har = parseHar(await readFile(harFile, 'utf8'));
    const list = listEntries(har);
    const api = list.filter((e) => e.url.includes('/v1/'));
    expect(api.map((e) => e.status)).toEqual([200, 401]);
    const i = defaultEntry(har);
    expect(har.entries[i]!.request.url).toContain('/v1/chat/completions');
    const req = entryToRequest(har, i);
    expect(req.method).toBe('POST');
    expect(req.headers.find((h) => h.name.toLowerCase() === 'authorization')?.value).toBe(`Bearer ${BAD_KEY}`);
    expect(req.secrets).toContain(BAD_KEY);
    expect(JSON.parse(req.body!)).toMatchObject({ model: 'gpt-4o-mini' });
  });

  it('diagnose --from-har --list prints index, method, URL and status', async () => {
    const r = await cli(['diagnose', '--from-har', harFile, '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✗ 401\s+POST\s+http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(r.stdout).not.toContain(BAD_KEY);
  });

  it('diagnose --from-har diagnoses the failed call: AUTH_REJECTED, and no key in any output', async () => {
    const r = await cli(['diagnose', '--from-har', harFile, '--json', '--samples', '1']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.rootCause).toBe('AUTH_REJECTED');
    expect(report.target.method).toBe('POST');
    expect(r.stderr).toMatch(/HAR entry \d+ of \d+/);
    for (const k of [BAD_KEY, GOOD_KEY]) expect(r.stdout + r.stderr).not.toContain(k);
  });

  it('--entry picks another one (the call that worked)', async () => {
    const har = parseHar(await readFile(harFile, 'utf8'));
    const ok = har.entries.findIndex((e) => e.request.url.endsWith('/v1/models'));
    const r = await cli(['diagnose', '--from-har', harFile, '--entry', String(ok), '--json', '--samples', '1']);
    expect((JSON.parse(r.stdout) as Report).summary.verdict).not.toBe('failing');
  });
});

describe('HAR from other tools, and bad HARs', () => {
  it('Firefox/Postman shapes: status 0 with _error counts as failed; pseudo-headers and redacted values are not sent', () => {
    const har = parseHar(
      JSON.stringify({
        log: {
          version: '1.2',
          creator: { name: 'Firefox', version: '128.0' },
          entries: [
            { request: { method: 'GET', url: 'https://ok.example/', headers: [] }, response: { status: 200 } },
            {
              request: { method: 'GET', url: 'https://api.example/v1/models?api_key=abcdefghijklmnop', headers: [{ name: ':authority', value: 'api.example' }, { name: 'Authorization', value: 'Bearer [REDACTED]' }, { name: 'X-Trace', value: '1' }] },
              response: { status: 0, _error: 'net::ERR_CONNECTION_REFUSED' },
            },
          ],
        },
      }),
    );
    expect(defaultEntry(har)).toBe(1);
    const req = entryToRequest(har, 1);
    expect(req.headers).toEqual([{ name: 'X-Trace', value: '1' }]);
    expect(req.dropped).toEqual([
      { header: ':authority', reason: 'computed' },
      { header: 'Authorization', reason: 'redacted' },
    ]);
    expect(req.secrets).toContain('abcdefghijklmnop');
    expect(listEntries(har)[1]!.url).not.toContain('abcdefghijklmnop');
  });

  it('not JSON, not a HAR, no entry n: exit 2 with one line in the chosen language, never zod\'s own words', async () => {
    const bad = path.join(dir, 'bad.har');
    for (const [content, en, zh] of [
      ['not json', /bad\.har: this is not a HAR file: it is not JSON\. Save one from the browser's developer tools/, /bad\.har: 这不是 HAR 文件：内容不是 JSON。可在浏览器开发者工具中导出/],
      ['{"hello": 1}', /this is JSON but not a HAR file: it has no log\.entries list/, /这是 JSON，但不是 HAR 文件：没有 log\.entries 请求列表/],
      ['[1, 2]', /this is JSON but not a HAR file/, /这是 JSON，但不是 HAR 文件/],
      ['{"log":{"entries":[{"request":{}}]}}', /not a valid HAR 1\.2 file: the field log\.entries\[0\]\.request\.method is missing or of the wrong type/, /字段 log\.entries\[0\]\.request\.method 缺失或类型不对/],
    ] as const) {
      await writeFile(bad, content);
      for (const [args, msg] of [[[], en], [['--lang', 'zh-CN'], zh], [['--lang=zh-CN'], zh]] as const) {
        const r = await cli(['diagnose', '--from-har', bad, ...args]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(msg);
        expect(r.stderr).not.toMatch(/Invalid input|expected \w+, received/);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
    }
    await writeFile(bad, JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://x.example/', headers: [] }, response: { status: 500 } }] } }));
    const r = await cli(['diagnose', '--from-har', bad, '--entry', '7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no entry 7/);
  });
});
