import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { findLeak, randomCanary, randomSymbolCanary } from './canary-forms.js';
import { diagnoseCollect, expectNoLeak } from './canary-run.js';
import { SENSITIVE_HEADER_NAMES } from '../unit/trust/redirect-headers.test.js';

/**
 * Issue #10 items 1-4 end to end: secrets given with -H (every sensitive header name), in the URL's
 * user-info, in -d JSON and form bodies, echoed back transformed (hex, JSON escapes, split across a
 * line break) — none may leave; and none may follow a redirect to another origin, whatever the placement.
 */
let api: CanaryApi;
let other: CanaryApi;
let dir: string;

beforeAll(async () => {
  api = await startCanaryApi({ accessToken: randomCanary('acc') });
  // Another origin (another port): it must never receive a canary.
  other = await startCanaryApi({ accessToken: randomCanary('acc') });
  dir = await mkdtemp(path.join(os.tmpdir(), 'canary-trust-'));
});
afterAll(async () => {
  await Promise.all([api?.close(), other?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const headerArgs = (pairs: [string, string][]) => pairs.flatMap(([name, value]) => ['-H', `${name}: ${name.toLowerCase() === 'authorization' || name.toLowerCase() === 'proxy-authorization' ? 'Bearer ' : name.toLowerCase() === 'cookie' ? 'sid=' : ''}${value}`]);

describe('canaries: every sensitive -H header, bodies and transformed echoes', () => {
  it('each sensitive header name given with -H, echoed raw / hex / JSON-escaped / split / base64, never leaves', async () => {
    const pairs = SENSITIVE_HEADER_NAMES.map((name) => [name, randomSymbolCanary('h')] as [string, string]);
    const o = await diagnoseCollect(dir, [api.url('http', '/v1/echo-everything'), ...headerArgs(pairs)]);
    const seen = api.received.find((x) => x.path === '/v1/echo-everything')!;
    for (const [, v] of pairs) expect(seen.everything).toContain(v);
    expectNoLeak(o, pairs.map(([, v]) => v));
  });

  it('a -d JSON body with secret fields and a form body: not in the report, the HAR or the advice snippets', async () => {
    const s1 = randomSymbolCanary('js');
    const s2 = randomSymbolCanary('pw');
    const json = await diagnoseCollect(dir, ['-X', 'POST', '-d', JSON.stringify({ model: 'x', secret: s1, nested: { client_secret: s2 } }), api.url('http', '/v1/echo-everything'), '-H', `X-Api-Key: ${randomCanary('k')}`]);
    expectNoLeak(json, [s1, s2]);
    const f1 = randomCanary('fs');
    const f2 = randomCanary('fp');
    const form = await diagnoseCollect(dir, ['-X', 'POST', '-d', `grant_type=password&username=bob&password=${f1}&client_secret=${f2}`, api.url('http', '/v1/echo-everything')]);
    expectNoLeak(form, [f1, f2]);
    // The snippets name an environment variable instead.
    const advice = JSON.stringify(json.report.advice);
    expect(advice).toMatch(/SECRET/);
  });

  it('URL user-info (user:password@host) is a known secret of the run', async () => {
    const pass = randomSymbolCanary('up');
    const u = new URL(api.url('http', '/v1/echo-everything'));
    u.username = 'alice';
    u.password = pass;
    const o = await diagnoseCollect(dir, [u.href]);
    expectNoLeak(o, [pass]);
  });
});

describe('canaries: cross-origin redirects of every placement', () => {
  const cases: { name: string; args: (c: string) => string[]; env?: (c: string) => NodeJS.ProcessEnv }[] = [
    { name: 'bearer (--token-env)', args: () => ['--token-env', 'CANARY_TOKEN', '--auth', 'bearer'], env: (c) => ({ CANARY_TOKEN: c }) },
    { name: 'basic (--token-env user:pass)', args: () => ['--token-env', 'CANARY_TOKEN', '--auth', 'basic'], env: (c) => ({ CANARY_TOKEN: `alice:${c}` }) },
    { name: 'query parameter (--auth query:api_key)', args: () => ['--token-env', 'CANARY_TOKEN', '--auth', 'query:api_key'], env: (c) => ({ CANARY_TOKEN: c }) },
    { name: 'custom header (--auth header:X-Custom-Auth)', args: () => ['--token-env', 'CANARY_TOKEN', '--auth', 'header:X-Custom-Auth'], env: (c) => ({ CANARY_TOKEN: c }) },
    ...SENSITIVE_HEADER_NAMES.map((h) => ({ name: `-H ${h}`, args: (c: string) => headerArgs([[h, c]]) })),
  ];
  it.each(cases)('$name: the second origin never sees it', async ({ args, env }) => {
    const canary = randomCanary('rd');
    const before = other.received.length;
    const target = `${api.url('http', '/v1/away')}?to=${encodeURIComponent(other.url('http', '/v1/echo-everything'))}`;
    const o = await diagnoseCollect(dir, [target, ...args(canary)], env?.(canary) ?? {});
    const arrived = other.received.slice(before);
    expect(arrived.length).toBeGreaterThan(0);
    for (const r of arrived) expect(findLeak(r.everything, [canary]), r.everything).toBeNull();
    expectNoLeak(o, [canary]);
  });
});
