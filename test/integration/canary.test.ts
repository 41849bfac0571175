import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli } from '../../src-main/cli/main.js';
import type { Report } from '../../src-main/common/report.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { makeLabPki, startTlsServer, startConnectProxy, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';
import { findLeak, randomCanary } from './canary-forms.js';

/**
 * Canary tests: every diagnosis below carries random secrets the lab echoes back in every way a
 * real API does. Not one of them — raw, URL-encoded, base64, base64url, inside a Basic header —
 * may appear in stdout, stderr, the JSON report, or any byte of any file of the bundle.
 */
const TOKEN = randomCanary('tok');
const ACCESS = randomCanary('acc');
const PROXY_PASS = randomCanary('pxy');
const URL_KEY = randomCanary('url');
const ENV_KEY = randomCanary('env');
const ENV_KEY2 = randomCanary('ant');
const SOCKS_PASS = randomCanary('sck');
const ALL = [TOKEN, ACCESS, PROXY_PASS, URL_KEY, ENV_KEY, ENV_KEY2, SOCKS_PASS];

let api: CanaryApi;
let pki: LabPki;
let selfSigned: LabServer;
let healthyTls: LabServer;
let proxy: LabProxy;
let dir: string;

beforeAll(async () => {
  api = await startCanaryApi({ accessToken: ACCESS });
  pki = await makeLabPki();
  selfSigned = await startTlsServer(pki, 'self-signed');
  healthyTls = await startTlsServer(pki, 'healthy');
  proxy = await startConnectProxy({ kind: 'auth', user: 'alice', pass: 'the-right-password' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'canary-'));
});
afterAll(async () => {
  await Promise.all([api?.close(), selfSigned?.close(), healthyTls?.close(), proxy?.close()]);
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  report: Report;
  texts: Record<string, string>;
}

let n = 0;
/** Runs the diagnosis twice (JSON and human text), both with --bundle, and collects every byte that left. */
async function diagnose(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const texts: Record<string, string> = {};
  let report: Report | null = null;
  let code = -1;
  for (const mode of ['json', 'text'] as const) {
    const bundle = path.join(dir, `b${n++}.zip`);
    let stdout = '';
    let stderr = '';
    code = await runCli(['diagnose', ...args, '--timeout', '4000', '--samples', '1', '--bundle', bundle, ...(mode === 'json' ? ['--json'] : [])], {
      stdout: { write: (s: string) => (stdout += s) },
      // Text mode on a "terminal": the live progress lines (probe summaries, reasons) go to stderr too.
      stderr: { write: (s: string) => (stderr += s), isTTY: mode === 'text' },
      env: { CANARY_TOKEN: TOKEN, ...extraEnv },
      cwd: process.cwd(),
    });
    texts[`${mode}:stdout`] = stdout;
    texts[`${mode}:stderr`] = stderr;
    if (mode === 'json') report = JSON.parse(stdout) as Report;
    const zip = await readFile(bundle);
    texts[`${mode}:zip-bytes`] = zip.toString('latin1');
    for (const [name, data] of Object.entries(unzipSync(zip))) texts[`${mode}:bundle/${name}`] = strFromU8(data);
    expect(Object.keys(texts).filter((k) => k.startsWith(`${mode}:bundle/`))).toHaveLength(5);
  }
  return { code, report: report!, texts };
}

function expectNoLeak(o: Outcome) {
  for (const [where, text] of Object.entries(o.texts)) {
    const leak = findLeak(text, ALL);
    expect(leak, `${where}: ${leak}`).toBeNull();
  }
}

const codes = (r: Report) => r.findings.map((f) => f.code);
const sentToken = (p: string, value: string) => api.received.some((x) => x.path === p && (x.auth?.includes(value) || x.query.includes(value)));

describe('canaries never leave the process', () => {
  it('401: the server echoes the key in body, headers, cookie, every encoding', async () => {
    const o = await diagnose([api.url('http', '/v1/unauthorized'), '--token-env', 'CANARY_TOKEN']);
    expect(sentToken('/v1/unauthorized', TOKEN)).toBe(true);
    expect(codes(o.report)).toContain('AUTH_REJECTED');
    expect(o.code).toBe(1);
    // The live progress really printed (and is covered by the leak check below).
    expect(o.texts['text:stderr']!.length).toBeGreaterThan(o.texts['json:stderr']!.length + 100);
    expectNoLeak(o);
  });

  it('403', async () => {
    const o = await diagnose([api.url('http', '/v1/forbidden'), '--token-env', 'CANARY_TOKEN']);
    expect(sentToken('/v1/forbidden', TOKEN)).toBe(true);
    expect(codes(o.report)).toContain('AUTH_FORBIDDEN');
    expectNoLeak(o);
  });

  it('a redirect that carries the token in Location', async () => {
    const o = await diagnose([api.url('http', '/v1/redirect'), '--token-env', 'CANARY_TOKEN']);
    expect(sentToken('/v1/redirect', TOKEN)).toBe(true);
    expect(api.received.some((x) => x.path === '/v1/landing')).toBe(true);
    expect(o.report.exchanges.length).toBeGreaterThanOrEqual(2);
    expectNoLeak(o);
  });

  it('the token in the query string (--auth query:api_key) and another key in the URL itself', async () => {
    const o = await diagnose([`${api.url('http', '/v1/query')}?model=x&key=${URL_KEY}`, '--token-env', 'CANARY_TOKEN', '--auth', 'query:api_key']);
    expect(sentToken('/v1/query', TOKEN)).toBe(true);
    expect(o.report.target.url).toMatch(/key=(%5B|\[)REDACTED/);
    expectNoLeak(o);
  });

  it('OAuth client credentials: the client secret and the issued access token', async () => {
    const o = await diagnose([api.url('http', '/v1/oauth-api'), '--oauth-token-url', api.url('http', '/oauth/token'), '--oauth-client-id', 'app', '--token-env', 'CANARY_TOKEN']);
    const tokenCall = api.received.find((x) => x.path === '/oauth/token');
    expect(Buffer.from((tokenCall?.auth ?? '').replace(/^Basic /, ''), 'base64').toString()).toBe(`app:${TOKEN}`);
    expect(sentToken('/v1/oauth-api', ACCESS)).toBe(true);
    expectNoLeak(o);
  });

  it('TLS failure: the secret is never sent, and a key in the URL is redacted everywhere', async () => {
    const before = api.received.length;
    const o = await diagnose([`${selfSigned.url('https', '/v1/models')}?api_key=${URL_KEY}`, '--token-env', 'CANARY_TOKEN']);
    expect(codes(o.report)).toContain('TLS_UNTRUSTED_CERT');
    expect(api.received.length).toBe(before);
    expect(o.report.exchanges.every((x) => !JSON.stringify(x.request.headers).includes('REDACTED') || x.response === null)).toBe(true);
    expectNoLeak(o);
  });

  it('provider follow-ups and --completion (model list, one-token completion) carry the key only to the same origin, and never leak it', async () => {
    const before = api.received.length;
    const o = await diagnose([api.url('http', '/v1/chat/completions'), '-X', 'POST', '-d', '{"model":"lab-modl","messages":[]}', '--token-env', 'CANARY_TOKEN', '--completion']);
    expect(codes(o.report)).toContain('MODEL_NOT_FOUND');
    const extra = api.received.slice(before).map((x) => x.path);
    expect(extra).toContain('/v1/models');
    // Two runs (JSON and text), each: the user's call and the one-token completion.
    expect(extra.filter((p) => p === '/v1/chat/completions').length).toBe(4);
    expect(sentToken('/v1/models', TOKEN)).toBe(true);
    expectNoLeak(o);
  });

  it('proxy 407 with credentials in the proxy URL', async () => {
    const o = await diagnose([healthyTls.url('https', '/v1/models'), '--ca-file', pki.caFile, '--proxy', `http://alice:${PROXY_PASS}@${proxy.host}:${proxy.port}`, '--token-env', 'CANARY_TOKEN']);
    expect(codes(o.report)).toContain('PROXY_AUTH_REQUIRED');
    expect(proxy.connects.length).toBeGreaterThan(0);
    expectNoLeak(o);
  });

  it('plain http:// through an authenticating proxy (absolute form): the password goes to the proxy only, and nowhere else', async () => {
    const p = await startConnectProxy({ kind: 'auth', user: 'alice', pass: PROXY_PASS });
    try {
      const o = await diagnose([api.url('http', '/v1/unauthorized'), '--proxy', `http://alice:${PROXY_PASS}@${p.host}:${p.port}`, '--token-env', 'CANARY_TOKEN']);
      expect(p.forwards.some((f) => f.startsWith('GET http://'))).toBe(true);
      expect(codes(o.report)).not.toContain('PROXY_AUTH_REQUIRED');
      expectNoLeak(o);
    } finally {
      await p.close();
    }
  });

  it('proxy 407 with credentials in HTTPS_PROXY (environment.json lists the variable, redacted)', async () => {
    const o = await diagnose([healthyTls.url('https', '/v1/models'), '--ca-file', pki.caFile, '--token-env', 'CANARY_TOKEN'], { HTTPS_PROXY: `http://alice:${PROXY_PASS}@${proxy.host}:${proxy.port}` });
    expect(codes(o.report)).toContain('PROXY_AUTH_REQUIRED');
    expect(JSON.parse(o.texts['json:bundle/environment.json']!).proxy.effective.source).toBe('env:HTTPS_PROXY');
    expectNoLeak(o);
  });

  it('--client node: HTTPS_PROXY with credentials seen only by the client matrix (second path, matrix reasons)', async () => {
    const o = await diagnose([healthyTls.url('https', '/v1/models'), '--ca-file', pki.caFile, '--token-env', 'CANARY_TOKEN', '--client', 'node'], { HTTPS_PROXY: `http://alice:${PROXY_PASS}@${proxy.host}:${proxy.port}` });
    expect(o.report.clients?.find((c) => c.id === 'curl')?.reason).toContain(`@${proxy.host}:${proxy.port}`);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expectNoLeak(o);
  });

  it('ENV_CONFIG_SUSPECT on keys with quotes and a newline: the finding names the variables, never the keys', async () => {
    const o = await diagnose([healthyTls.url('https', '/v1/models'), '--ca-file', pki.caFile, '--token-env', 'CANARY_TOKEN'], { OPENAI_API_KEY: `"${ENV_KEY}"`, ANTHROPIC_API_KEY: `${ENV_KEY2}\n` });
    const f = o.report.findings.find((x) => x.code === 'ENV_CONFIG_SUSPECT')!;
    expect(f).toBeDefined();
    expect(JSON.stringify(f.evidence)).toContain('OPENAI_API_KEY');
    expectNoLeak(o);
  });

  it('a SOCKS proxy with a password in its URL (socks5h://user:pass@…), unreachable', async () => {
    const o = await diagnose([healthyTls.url('https', '/v1/models'), '--ca-file', pki.caFile, '--token-env', 'CANARY_TOKEN'], { ALL_PROXY: `socks5h://alice:${SOCKS_PASS}@127.0.0.1:1` });
    expect(codes(o.report)).toContain('PROXY_UNREACHABLE');
    expectNoLeak(o);
  });
});
