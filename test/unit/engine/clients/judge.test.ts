import { describe, expect, it } from 'vitest';
import { CLIENT_IDS, type ClientId } from '../../../../src-main/common/clients.js';
import { clientRoutes } from '../../../../src-main/engine/clients/routes.js';
import { clientStores, judgeClients, type MatrixFacts, type PathOutcome } from '../../../../src-main/engine/clients/judge.js';
import type { PythonFacts } from '../../../../src-main/engine/clients/python.js';
import { clientRow } from '../../../../src-main/report/client-rows.js';

const T = new URL('https://api.example.com/v1/models');
const PY: PythonFacts = { python: 'python3', found: true, version: '3.11.2', certifi: '/etc/ssl/certs/ca-certificates.crt', modules: { requests: true, httpx: true, socksio: true, socks: false, openai: false, anthropic: false }, httpxSocks5h: null, reason: null };
const ALL = { 'node-bundled': true, 'node-extra': false, os: true, certifi: true } as const;
const ok = (trust: PathOutcome['trust'] = ALL): PathOutcome => ({ ok: true, code: null, errno: null, trust, hostnameError: null, chainSeen: true });
const down = (code: PathOutcome['code'], errno: string): PathOutcome => ({ ok: false, code, errno, trust: {}, hostnameError: null, chainSeen: false });

function facts(env: NodeJS.ProcessEnv, paths: Record<string, PathOutcome>, over: Partial<MatrixFacts> = {}): MatrixFacts {
  return {
    https: true,
    routes: clientRoutes(CLIENT_IDS, { env, target: T, systemPac: null, nodeVersion: '20.20.0', os: 'linux' }),
    paths,
    mainKey: 'direct',
    stores: {},
    env,
    nodeVersion: '20.20.0',
    python: PY,
    findings: [],
    requestSent: true,
    ttfbMs: 100,
    ...over,
  };
}
const outcomes = (f: MatrixFacts) => Object.fromEntries(judgeClients(CLIENT_IDS, f).map((r) => [r.id, [r.outcome, r.code]])) as Record<ClientId, [string, string | null]>;

describe('the client rules table', () => {
  it('direct blocked, proxy works, HTTPS_PROXY set: node fails with CLIENT_PROXY_IGNORED, curl and Python are ok', () => {
    const env = { HTTPS_PROXY: 'http://127.0.0.1:3128' };
    const o = outcomes(facts(env, { direct: down('TCP_UNREACHABLE', 'EHOSTUNREACH'), 'http://127.0.0.1:3128': ok() }, { mainKey: 'http://127.0.0.1:3128' }));
    expect(o.node).toEqual(['fail', 'CLIENT_PROXY_IGNORED']);
    expect(o['openai-node']).toEqual(['fail', 'CLIENT_PROXY_IGNORED']);
    expect(o.curl).toEqual(['ok', null]);
    expect(o['python-requests']).toEqual(['ok', null]);
    expect(o['python-httpx']).toEqual(['ok', null]);
  });

  it('both paths work: node is ok but flagged CLIENT_PROXY_IGNORED (it bypasses the proxy)', () => {
    const o = outcomes(facts({ HTTPS_PROXY: 'http://p:1' }, { direct: ok(), 'http://p:1': ok() }, { mainKey: 'http://p:1' }));
    expect(o.node).toEqual(['ok', 'CLIENT_PROXY_IGNORED']);
  });

  it('a corporate CA in the OS store only: curl and browser ok, node fails TLS_OS_TRUST_ONLY, certifi decides Python', () => {
    const trust = { 'node-bundled': false, 'node-extra': false, os: true, certifi: false };
    const o = outcomes(facts({}, { direct: ok(trust) }));
    expect(o.curl).toEqual(['ok', null]);
    expect(o.browser).toEqual(['ok', null]);
    expect(o.node).toEqual(['fail', 'TLS_OS_TRUST_ONLY']);
    expect(o['python-requests']).toEqual(['fail', 'TLS_OS_TRUST_ONLY']);
  });

  it('NODE_EXTRA_CA_CERTS adds to Node; --use-system-ca (Node ≥ 22.15) adds the OS store', () => {
    const trust = { 'node-bundled': false, 'node-extra': true, os: true, certifi: false };
    expect(outcomes(facts({ NODE_EXTRA_CA_CERTS: '/corp.pem' }, { direct: ok(trust) })).node).toEqual(['ok', null]);
    const osOnly = { 'node-bundled': false, 'node-extra': false, os: true, certifi: false };
    expect(outcomes(facts({ NODE_OPTIONS: '--use-system-ca' }, { direct: ok(osOnly) }, { nodeVersion: '22.15.0' })).node).toEqual(['ok', null]);
    expect(outcomes(facts({ NODE_OPTIONS: '--use-system-ca' }, { direct: ok(osOnly) }, { nodeVersion: '20.20.0' })).node).toEqual(['fail', 'TLS_OS_TRUST_ONLY']);
    expect(outcomes(facts({ NODE_USE_SYSTEM_CA: '1' }, { direct: ok(osOnly) }, { nodeVersion: '24.6.0' })).node).toEqual(['ok', null]);
    expect(outcomes(facts({ NODE_USE_SYSTEM_CA: '1' }, { direct: ok(osOnly) }, { nodeVersion: '22.18.0' })).node).toEqual(['fail', 'TLS_OS_TRUST_ONLY']);
  });

  it('requests reads REQUESTS_CA_BUNDLE then CURL_CA_BUNDLE; httpx reads SSL_CERT_FILE; curl CURL_CA_BUNDLE', () => {
    expect(clientStores('python-requests', { REQUESTS_CA_BUNDLE: '/a', CURL_CA_BUNDLE: '/b' }, '20.0.0')).toEqual(['file:/a']);
    expect(clientStores('python-requests', { CURL_CA_BUNDLE: '/b' }, '20.0.0')).toEqual(['file:/b']);
    expect(clientStores('python-requests', { SSL_CERT_FILE: '/c' }, '20.0.0')).toEqual(['certifi']);
    expect(clientStores('python-httpx', { SSL_CERT_FILE: '/c', REQUESTS_CA_BUNDLE: '/a' }, '20.0.0')).toEqual(['file:/c']);
    expect(clientStores('curl', { CURL_CA_BUNDLE: '/b' }, '20.0.0')).toEqual(['file:/b']);
    expect(clientStores('curl', {}, '20.0.0')).toEqual(['os']);
    const trust = { 'node-bundled': false, os: false, certifi: false, 'file:/corp.pem': true };
    const o = outcomes(facts({ REQUESTS_CA_BUNDLE: '/corp.pem' }, { direct: ok(trust) }));
    expect(o['python-requests']).toEqual(['ok', null]);
    expect(o['python-httpx']).toEqual(['fail', 'TLS_UNTRUSTED_CERT']);
  });

  it('an unreadable store is unknown, never a failure', () => {
    const o = outcomes(facts({}, { direct: ok({ 'node-bundled': true, os: true, certifi: null }) }, { stores: { certifi: { source: null, reason: 'certifi is not installed for python3' } } }));
    expect(o['python-requests']).toEqual(['unknown', null]);
    const row = judgeClients(['python-requests'], facts({}, { direct: ok({ certifi: null }) }, { stores: { certifi: { source: null, reason: 'certifi is not installed for python3' } } }))[0]!;
    expect(clientRow(row, { nodeVersion: '20.20.0', python: PY }, 'en').reason).toContain('certifi is not installed');
  });

  it('no python3: the Python clients are unknown with the reason', () => {
    const o = outcomes(facts({}, { direct: ok() }, { python: { ...PY, found: false, certifi: null, reason: 'python3 not found' } }));
    expect(o['python-requests']).toEqual(['unknown', null]);
    expect(o['openai-python']).toEqual(['unknown', null]);
    expect(o.curl).toEqual(['ok', null]);
  });

  it('SOCKS: node cannot; requests needs PySocks; httpx needs socksio', () => {
    const env = { ALL_PROXY: 'socks5://127.0.0.1:1080' };
    const o = outcomes(facts(env, { 'socks5://127.0.0.1:1080': ok(), direct: down('TCP_TIMEOUT', 'ETIMEDOUT') }, { mainKey: 'socks5://127.0.0.1:1080' }));
    expect(o['python-requests'][0]).toBe('fail'); // PY has no PySocks
    expect(o['python-httpx']).toEqual(['ok', null]); // PY has socksio
    const noSocksio = outcomes(facts(env, { 'socks5://127.0.0.1:1080': ok() }, { python: { ...PY, modules: { ...PY.modules, socksio: false } } }));
    expect(noSocksio['python-httpx'][0]).toBe('fail');
    // socks5h on an httpx that refuses the scheme (0.23 does), and SOCKS4 on any httpx.
    const h = { ALL_PROXY: 'socks5h://127.0.0.1:1080' };
    expect(outcomes(facts(h, { 'socks5h://127.0.0.1:1080': ok() }, { python: { ...PY, httpxSocks5h: false } }))['python-httpx'][0]).toBe('fail');
    expect(outcomes(facts(h, { 'socks5h://127.0.0.1:1080': ok() }, { python: { ...PY, httpxSocks5h: true } }))['python-httpx'][0]).toBe('ok');
    expect(outcomes(facts({ ALL_PROXY: 'socks4://127.0.0.1:1080' }, { 'socks4://127.0.0.1:1080': ok() }))['python-httpx'][0]).toBe('fail');
    expect(outcomes(facts(h, { 'socks5h://127.0.0.1:1080': ok() }, { python: { ...PY, modules: { ...PY.modules, socks: true } } }))['python-requests']).toEqual(['ok', null]);
  });

  it("httpx's 5 s default timeout fails a slow first byte that the SDKs' 600 s survive", () => {
    const o = outcomes(facts({}, { direct: ok() }, { ttfbMs: 7_000 }));
    expect(o['python-httpx']).toEqual(['fail', 'HTTP_HEADERS_TIMEOUT']);
    expect(o['openai-python']).toEqual(['ok', null]);
    expect(o.node).toEqual(['ok', null]);
  });

  it('broken IPv6: Python (no Happy Eyeballs) is at risk, curl and Node are not', () => {
    const o = outcomes(facts({}, { direct: ok() }, { findings: [{ code: 'TCP_IPV6_BROKEN', stage: 'tcp', severity: 'warn' }] }));
    expect(o['python-requests']).toEqual(['at-risk', 'TCP_IPV6_BROKEN']);
    expect(o.curl).toEqual(['ok', null]);
    expect(o.node).toEqual(['ok', null]);
  });

  it("the server's own error is every client's", () => {
    const o = outcomes(facts({}, { direct: ok() }, { findings: [{ code: 'AUTH_REJECTED', stage: 'auth', severity: 'error' }] }));
    for (const id of CLIENT_IDS) expect(o[id]).toEqual(['fail', 'AUTH_REJECTED']);
  });

  it('a path no one measured is unknown', () => {
    const o = outcomes(facts({ HTTPS_PROXY: 'http://p:1' }, { direct: ok() }));
    expect(o.curl).toEqual(['unknown', null]);
  });

  it('every row reads as one sentence in both languages', () => {
    const f = facts({ HTTPS_PROXY: 'http://u:pw-secret@p:1' }, { direct: down('TCP_TIMEOUT', 'ETIMEDOUT'), 'http://u:pw-secret@p:1': ok() }, { mainKey: 'http://u:pw-secret@p:1' });
    for (const d of judgeClients(CLIENT_IDS, f)) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const row = clientRow(d, f, lang);
        expect(row.reason).toMatch(/[.。]$/);
        expect(row.reason).not.toContain('undefined');
        expect(row.reason).not.toContain('pw-secret');
      }
    }
  });
});
