import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, stageOf } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';

let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const env = { K: LAB_KEYS.openai };
const T = '800';
const run = (path: string, ...args: string[]) => diagnoseJson([lab.url(path), '--timeout', T, ...args], { env });

describe('http stage against the lab', () => {
  it('headers never sent → HTTP_HEADERS_TIMEOUT, later stages skipped, exit 1, within budget', async () => {
    const r = await run('/s/headers-timeout');
    expect(r.report.summary.rootCause).toBe('HTTP_HEADERS_TIMEOUT');
    expect(r.code).toBe(1);
    expect(stageOf(r.report, 'auth').status).toBe('skipped');
    expect(stageOf(r.report, 'server').status).toBe('skipped');
    expect(r.ms).toBeLessThan(3 * 800 + 6000);
  });

  it('body stalls after the headers → HTTP_BODY_TIMEOUT with the bytes received', async () => {
    const r = await run('/s/body-stall');
    expect(r.report.summary.rootCause).toBe('HTTP_BODY_TIMEOUT');
    expect(r.report.findings[0]!.evidence).toMatchObject({ status: 200, receivedBytes: 25 });
    expect(r.report.findings[0]!.evidence.stillArriving).toBeUndefined();
    expect(r.code).toBe(1);
  });

  it('a body that keeps coming (an SSE stream called like a plain GET) → HTTP_BODY_TIMEOUT after one phase budget', async () => {
    const t0 = Date.now();
    const r = await run('/s/sse-endless/v1/chat/completions');
    expect(r.report.summary.rootCause).toBe('HTTP_BODY_TIMEOUT');
    expect(r.report.findings[0]!.evidence.stillArriving).toBe(true);
    expect(r.report.findings[0]!.title).toBe('The response body did not finish within 800 ms');
    expect(Date.now() - t0).toBeLessThan(800 * 2 + 2000);
    expect(r.code).toBe(1);
  });

  it('connection closed without a byte → HTTP_EMPTY_REPLY', async () => {
    const r = await run('/s/empty-reply');
    expect(r.report.summary.rootCause).toBe('HTTP_EMPTY_REPLY');
    expect(r.code).toBe(1);
  });

  it('connection reset mid-exchange → HTTP_CONNECTION_RESET', async () => {
    const r = await run('/s/reset');
    expect(r.report.summary.rootCause).toBe('HTTP_CONNECTION_RESET');
    expect(r.code).toBe(1);
  });

  it('bytes that are not HTTP (an SSH banner) → HTTP_UNEXPECTED_CONTENT saying so', async () => {
    const r = await run('/s/not-http');
    expect(r.report.summary.rootCause).toBe('HTTP_UNEXPECTED_CONTENT');
    expect(r.report.findings[0]!.title).toBe('The answer is not HTTP at all');
    expect(r.report.findings[0]!.evidence.protocolError).toBeTruthy();
    expect(r.code).toBe(1);
  });

  it('a body shorter than its Content-Length → HTTP_CONNECTION_RESET after the headers', async () => {
    const r = await run('/s/short-body');
    expect(r.report.summary.rootCause).toBe('HTTP_CONNECTION_RESET');
    expect(r.report.findings[0]!.evidence).toMatchObject({ afterHeaders: true, status: 200 });
    expect(r.code).toBe(1);
  });

  it('redirects that cycle → HTTP_REDIRECT_LOOP naming the chain, each hop recorded', async () => {
    const r = await run('/s/loop-a');
    expect(r.report.summary.rootCause).toBe('HTTP_REDIRECT_LOOP');
    expect(r.report.findings[0]!.evidence).toMatchObject({ reason: 'cycle' });
    expect(r.report.exchanges.filter((x) => x.response?.status === 302).length).toBe(2);
    expect(r.report.exchanges[0]!.response?.redirectURL).toBe('/s/loop-b');
    expect(r.code).toBe(1);
  });

  it('more than 10 redirects → HTTP_REDIRECT_LOOP (limit)', async () => {
    const r = await run('/s/hop/0');
    expect(r.report.summary.rootCause).toBe('HTTP_REDIRECT_LOOP');
    expect(r.report.findings[0]!.evidence).toMatchObject({ reason: 'limit' });
    expect(r.report.exchanges.length).toBe(10);
    expect(r.code).toBe(1);
  });

  it('https → http redirect → HTTP_HTTPS_DOWNGRADE (warn), and the key does not follow to the other origin', async () => {
    const r = await diagnoseJson([lab.url('/s/downgrade', 'https'), '--ca-file', lab.pki.caFile, '--token-env', 'K', '--timeout', T], { env });
    expect(codesOf(r.report)).toContain('HTTP_HTTPS_DOWNGRADE');
    const second = r.report.exchanges.find((x) => x.request.url.startsWith('http://'))!;
    expect(second.request.headers.some((h) => h.name === 'authorization')).toBe(false);
    // Without the key the plain-http API says 401: the downgrade is what the user must fix first.
    expect(r.report.findings.find((f) => f.code === 'HTTP_HTTPS_DOWNGRADE')!.severity).toBe('warn');
    expect(r.report.summary.rootCause).toBe('AUTH_MISSING');
    expect(String(r.report.findings.find((f) => f.code === 'AUTH_MISSING')!.evidence.withheld)).toMatch(/after a redirect to another origin/);
    expect(r.code).toBe(1);
  });

  it('never follows a redirect to file:, and names it (HTTP_UNEXPECTED_CONTENT)', async () => {
    const r = await run('/s/to-file');
    expect(r.report.exchanges.length).toBeGreaterThan(0);
    expect(r.report.exchanges.every((x) => x.request.url.startsWith('http://') && x.response?.status === 302)).toBe(true);
    expect(r.report.summary.rootCause).toBe('HTTP_UNEXPECTED_CONTENT');
    expect(r.report.findings[0]!.evidence).toMatchObject({ refusedRedirect: 'file:///etc/passwd', scheme: 'file:' });
    expect(r.code).toBe(1);
  });

  it('404 on a Zhipu path without /paas → HTTP_WRONG_BASE_URL with the corrected URL, confirmed against the lab', async () => {
    const r = await run('/api/v4/chat/completions', '--provider', 'zhipu');
    expect(r.report.summary.rootCause).toBe('HTTP_WRONG_BASE_URL');
    const e = r.report.findings[0]!.evidence;
    expect(e).toMatchObject({ problem: 'missing-base-path', correctedUrl: expect.stringMatching(/\/api\/paas\/v4\/chat\/completions$/) as unknown, correctedBase: expect.stringMatching(/\/api\/paas\/v4$/) as unknown });
    // The lab serves /api/paas/v4/models (401 without a key): the corrected base exists.
    expect(String(e.confirmedBy)).toMatch(/\/api\/paas\/v4\/models → 401$/);
    expect(stageOf(r.report, 'auth').status).toBe('skipped');
    expect(r.code).toBe(1);
  });

  it('405 → HTTP_METHOD_NOT_ALLOWED with the Allow header', async () => {
    const r = await run('/s/method');
    expect(r.report.summary.rootCause).toBe('HTTP_METHOD_NOT_ALLOWED');
    expect(r.report.findings[0]!.evidence).toMatchObject({ method: 'GET', allow: 'POST' });
    expect(r.code).toBe(1);
  });

  it('400 → HTTP_BAD_REQUEST quoting the server', async () => {
    const r = await run('/s/bad-request', '-X', 'POST', '-d', '{"max_token":1}');
    expect(r.report.summary.rootCause).toBe('HTTP_BAD_REQUEST');
    expect(r.report.findings[0]!.detail).toContain('Unrecognized request argument supplied: max_token');
    expect(r.code).toBe(1);
  });

  it('413 → HTTP_PAYLOAD_TOO_LARGE with the request size', async () => {
    const r = await run('/s/too-large', '-X', 'POST', '-d', '{"x":"yyyy"}');
    expect(r.report.summary.rootCause).toBe('HTTP_PAYLOAD_TOO_LARGE');
    expect(r.report.findings[0]!.evidence.requestBytes).toBe(12);
    expect(r.code).toBe(1);
  });

  it('a captive portal (302 → HTML login page) → HTTP_UNEXPECTED_CONTENT showing its <title>', async () => {
    const r = await run('/s/portal');
    expect(r.report.summary.rootCause).toBe('HTTP_UNEXPECTED_CONTENT');
    expect(r.report.findings[0]!.evidence.title).toBe('Guest Wi-Fi Login — Lab Hotel');
    expect(r.report.findings[0]!.title).toContain('Guest Wi-Fi Login');
    expect(r.code).toBe(1);
  });

  it('a Date header 10 minutes behind → ENV_CLOCK_SKEW in the environment stage (warn, exit 0)', async () => {
    const r = await run('/s/skew');
    const f = r.report.findings.find((x) => x.code === 'ENV_CLOCK_SKEW')!;
    expect(f.stage).toBe('environment');
    expect(f.evidence.skewSeconds).toBeGreaterThanOrEqual(599);
    expect(r.report.summary.verdict).toBe('degraded');
    expect(r.code).toBe(0);
  });

  it('a gzip bomb is cut at the cap, not buffered', async () => {
    const r = await run('/gzip-bomb');
    const x = r.report.exchanges[0]!;
    expect(x.response?.body?.truncated).toBe(true);
    expect(x.response!.body!.text.length).toBeLessThanOrEqual(1024 * 1024);
  });
});
