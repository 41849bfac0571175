import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../cli-run.js';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import {
  GZIP_BOMB_DECODED,
  startControlCharsServer,
  startEndlessHeadersServer,
  startGzipBombServer,
  startHugeBodyServer,
  startRedirectServer,
  TERMINAL_ATTACK,
  TWO_GB,
  type HostileServer,
} from '../lab/hostile-http.js';
import { activeResources, collectGarbage, loopLagMs, memory, settledResources } from '../lab/hostile-resources.js';

// Hostile servers through the whole engine (the CLI in-process, report checked against the
// schema by diagnoseJson): every run ends bounded, says something, and leaves the process as
// it found it — no socket, server or timer left open, memory back near where it was.

const TIMEOUT = 2000;
const args = (url: string, ...more: string[]) => [url, '--timeout', String(TIMEOUT), '--samples', '1', ...more];
/** The http probe's own budget is a few phases long; nothing may take longer than this. */
const BOUND_MS = 4 * TIMEOUT;

let server: HostileServer | null = null;
let before: Map<string, number>;
let rss0 = 0;

beforeEach(() => {
  collectGarbage();
  rss0 = memory().rssMb;
});
afterEach(async () => {
  await server?.close();
  server = null;
});

async function run(start: () => Promise<HostileServer>, path = '/v1/chat/completions', ...more: string[]): Promise<DiagnoseRun> {
  server = await start();
  before = activeResources();
  const t0 = performance.now();
  const r = await diagnoseJson(args(server.url('http', path), ...more));
  expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  return r;
}

/** The process after the run: nothing left open, memory near where it was, loop responsive. */
async function expectHealthy(maxRssGrowthMb: number): Promise<void> {
  expect(await settledResources(before)).toEqual({});
  collectGarbage();
  expect(memory().rssMb - rss0).toBeLessThan(maxRssGrowthMb);
  expect(await loopLagMs()).toBeLessThan(200);
}

const stage = (r: DiagnoseRun, id: string) => r.report.stages.find((s) => s.id === id);

describe('hostile HTTP servers', () => {
  it('endless response headers: cut off at the header limit, the http stage fails', async () => {
    const r = await run(() => startEndlessHeadersServer());
    expect(stage(r, 'http')?.status).toBe('fail');
    // undici stops at its header size limit: the server gets to send little of its 512 MB.
    expect(server!.sent()).toBeLessThan(32 * 1024 * 1024);
    await expectHealthy(100);
  });

  it('a 2 GB body: read up to the cap and dropped, never buffered', async () => {
    const r = await run(() => startHugeBodyServer());
    expect(stage(r, 'http')?.status).not.toBe('skipped');
    expect(server!.sent()).toBeLessThan(64 * 1024 * 1024);
    expect(server!.sent()).toBeLessThan(TWO_GB / 32);
    const kept = r.report.exchanges.flatMap((e) => (e.response?.body?.text ? [e.response.body.text.length] : []));
    for (const n of kept) expect(n).toBeLessThanOrEqual(1024 * 1024);
    await expectHealthy(100);
  });

  it('a gzip bomb (1 GB from 1 MB): decoded with a cap, memory stays bounded', async () => {
    const r = await run(() => startGzipBombServer());
    expect(stage(r, 'http')?.status).not.toBe('skipped');
    const kept = r.report.exchanges.flatMap((e) => (e.response?.body?.text ? [e.response.body.text.length] : []));
    for (const n of kept) expect(n).toBeLessThan(GZIP_BOMB_DECODED / 100);
    await expectHealthy(100);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hi'])('a redirect to %s is never followed', async (location) => {
    const r = await run(() => startRedirectServer(location), '/v1/models');
    // One request per probe that asks: none of them went anywhere else (file: would be a local read).
    expect(JSON.stringify(r.report)).not.toContain('root:x:0:0');
    for (const e of r.report.exchanges) expect(e.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await expectHealthy(50);
  });

  it('a header with control characters: the response is refused, the run goes on', async () => {
    const r = await run(() => startControlCharsServer('header'));
    expect(stage(r, 'http')?.status).toBe('fail');
    await expectHealthy(50);
  });

  it('an error message with terminal escapes: JSON output escapes them', async () => {
    const r = await run(() => startControlCharsServer('message'));
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    await expectHealthy(50);
  });
});

// Were known bugs (fixed in engine part 2): unparsable answers are HTTP_UNEXPECTED_CONTENT, a refused
// non-http(s) redirect is named, and server text quoted in findings is made printable.
describe('hostile HTTP servers: what the report says', () => {
  it('a response undici cannot parse (endless or invalid headers) yields a finding and a non-healthy verdict', async () => {
    // Before the fix: http stage "fail", findings [], verdict "healthy", "Every check passed".
    for (const start of [() => startEndlessHeadersServer(), () => startControlCharsServer('header')]) {
      const r = await run(start);
      await server!.close();
      server = null;
      expect(r.report.findings.some((f) => f.stage === 'http')).toBe(true);
      expect(r.report.summary.verdict).not.toBe('healthy');
    }
  });

  it('a redirect to a non-http(s) URL is named, not reported healthy', async () => {
    const r = await run(() => startRedirectServer('file:///etc/passwd'), '/v1/models');
    expect(r.report.findings.length).toBeGreaterThan(0);
    expect(r.report.summary.verdict).not.toBe('healthy');
  });

  it('the human report prints no terminal escape sequence a server sent', async () => {
    server = await startControlCharsServer('message');
    const { stdout, stderr } = await cli(['diagnose', ...args(server.url('http', '/v1/chat/completions'))]);
    for (const c of [...TERMINAL_ATTACK].filter((ch) => ch.charCodeAt(0) < 0x20)) {
      expect(stdout + stderr).not.toContain(c);
    }
  });
});
