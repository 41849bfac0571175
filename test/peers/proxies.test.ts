/**
 * Real forward proxies (squid 5, tinyproxy 1.11) in front of loopback APIs: auth, policy,
 * CONNECT rules, and a proxy that cannot resolve or reach the target itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import { startDnsServer, type LabDns } from '../lab/dns-server.js';
import type { Finding } from '../../src-main/common/report.js';
import { freePort, loopbackFor, peersMissing } from './common.js';
import { startDnsmasq, type PeerDnsmasq } from './dnsmasq.js';
import { makePeerPki, type PeerPki } from './pki.js';
import { SQUID_PASS, SQUID_USER, SQUID_USER_2, startSquid, type PeerSquid } from './squid.js';
import { startTinyproxy, type PeerTinyproxy } from './tinyproxy.js';
import { startUpstream, type Upstream } from './upstream.js';

const missing = peersMissing('squid', 'tinyproxy', 'dnsmasq', 'openssl');

const finding = (r: DiagnoseRun, code: string): Finding | undefined => r.report.findings.find((f) => f.code === code);
/** On failure, the findings say what the engine saw instead. */
const why = (r: Pick<DiagnoseRun, 'report'>) => JSON.stringify(r.report.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.evidence])).slice(0, 1500);
/** A generous per-phase budget: no scenario here waits for a timeout, and a loaded machine must not fail them. */
const BASE = ['--samples', '1', '--timeout', '8000'];

describe.skipIf(missing !== null).concurrent('real forward proxies', () => {
  let pki: PeerPki;
  let api: Upstream;
  let apiTls: Upstream;
  let stall: LabDns;
  let dns: PeerDnsmasq;
  let squid: PeerSquid;
  let tiny: PeerTinyproxy;
  let tinyAuth: PeerTinyproxy;
  let closed: number;

  beforeAll(async () => {
    pki = makePeerPki();
    [api, apiTls, stall, closed] = await Promise.all([startUpstream(), startUpstream({ cert: pki.leaf.chain, key: pki.leaf.key }), startDnsServer({}), freePort()]);
    dns = await startDnsmasq({ addr: loopbackFor(process.pid, 1), port: 53, stall: `127.0.0.1#${stall.port}` });
    [squid, tiny, tinyAuth] = await Promise.all([startSquid({ dns: dns.addr }), startTinyproxy(), startTinyproxy({ auth: { user: 'tp', pass: 'tp-pass-19c' } })]);
  });
  afterAll(async () => {
    await Promise.allSettled([squid?.stop(), tiny?.stop(), tinyAuth?.stop(), dns?.stop(), api?.close(), apiTls?.close(), stall?.close()]);
    pki?.remove();
  });

  const https = (host: string, port: number, path = '/v1/models') => `https://${host}:${port}${path}`;

  it('squid: https through CONNECT is healthy', async () => {
    const r = await diagnoseJson([https('api.peer.test', apiTls.port), '--proxy', squid.url, '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.report.findings.map((f) => f.code)).toContain('PROXY_IN_USE');
  });

  it('squid auth: the right password from --proxy works', async () => {
    const r = await diagnoseJson([https('api.peer.test', apiTls.port), '--proxy', squid.authUrl(SQUID_USER, SQUID_PASS), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.stdout).not.toContain(SQUID_PASS);
  });

  it('squid auth: the right password from HTTPS_PROXY works', async () => {
    const r = await diagnoseJson([https('api.peer.test', apiTls.port), '--ca-file', pki.caFile, ...BASE], { env: { HTTPS_PROXY: squid.authUrl(SQUID_USER, SQUID_PASS) } });
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.stdout).not.toContain(SQUID_PASS);
  });

  it('squid auth: a wrong password from HTTPS_PROXY → PROXY_AUTH_REQUIRED (credentials sent, Basic wanted)', async () => {
    const r = await diagnoseJson([https('api.peer.test', apiTls.port), '--ca-file', pki.caFile, ...BASE], { env: { HTTPS_PROXY: squid.authUrl(SQUID_USER_2, 'wrong-pass-1') } });
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_AUTH_REQUIRED');
    const e = finding(r, 'PROXY_AUTH_REQUIRED')!.evidence;
    expect(e).toMatchObject({ status: 407, sentCredentials: true, source: 'env:HTTPS_PROXY' });
    expect(e.scheme).toBe('Basic');
    expect(r.stdout).not.toContain('wrong-pass-1');
  });

  it('squid auth: no credentials on --proxy → PROXY_AUTH_REQUIRED (nothing sent)', async () => {
    const r = await diagnoseJson([https('api.peer.test', apiTls.port), '--proxy', squid.authUrl(), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_AUTH_REQUIRED');
    expect(finding(r, 'PROXY_AUTH_REQUIRED')!.evidence).toMatchObject({ sentCredentials: false, source: 'flag' });
  });

  it('squid auth, plain http:// in absolute form: Proxy-Authorization goes with the request; the password appears nowhere', async () => {
    const [good, bad] = await Promise.all([
      diagnoseJson([`http://api.peer.test:${api.port}/v1/models`, '--proxy', squid.authUrl(SQUID_USER, SQUID_PASS), ...BASE]),
      diagnoseJson([`http://api.peer.test:${api.port}/v1/models`, ...BASE], { env: { http_proxy: squid.authUrl(SQUID_USER_2, 'wrong-pass-2') } }),
    ]);
    expect(good.report.summary.rootCause, why(good)).toBeNull();
    expect(good.report.exchanges[0]!.response?.status).toBe(200);
    expect(bad.report.summary.rootCause, why(bad)).toBe('PROXY_AUTH_REQUIRED');
    expect(finding(bad, 'PROXY_AUTH_REQUIRED')!.evidence).toMatchObject({ status: 407, sentCredentials: true, source: 'env:http_proxy' });
    const all = good.stdout + good.stderr + bad.stdout + bad.stderr;
    for (const secret of [SQUID_PASS, 'wrong-pass-2', Buffer.from(`${SQUID_USER}:${SQUID_PASS}`).toString('base64')]) expect(all).not.toContain(secret);
  });

  it('squid ACL deny → PROXY_REJECTED 403 quoting ERR_ACCESS_DENIED', async () => {
    const r = await diagnoseJson([https('blocked.peer.test', apiTls.port), '--proxy', squid.url, '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_REJECTED');
    expect(finding(r, 'PROXY_REJECTED')!.evidence).toMatchObject({ status: 403, statusText: 'Forbidden', proxyError: 'ERR_ACCESS_DENIED 0', asked: 'CONNECT' });
  });

  it('squid stock rule: CONNECT to a non-SSL port → PROXY_REJECTED 403 (the proxy\'s real policy)', async () => {
    const r = await diagnoseJson([https('stock.peer.test', apiTls.port), '--proxy', squid.url, '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_REJECTED');
    expect(finding(r, 'PROXY_REJECTED')!.evidence).toMatchObject({ status: 403, proxyError: 'ERR_ACCESS_DENIED 0' });
  });

  it('squid stock rule: plain http:// on a non-SSL port goes in absolute form (no CONNECT) → healthy', async () => {
    const r = await diagnoseJson([`http://stock.peer.test:${api.port}/v1/models`, '--proxy', squid.url, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.report.exchanges[0]!.response?.status).toBe(200);
    expect(r.report.exchanges[0]!.response?.headers.some((h) => h.name === 'via' && /squid/.test(h.value))).toBe(true);
    expect(api.seen).toContain('GET /v1/models');
  });

  it('squid cannot resolve the target (NXDOMAIN at its DNS) → PROXY_UPSTREAM_FAILED quoting squid\'s error, not PROXY_REJECTED', async () => {
    const r = await diagnoseJson([https('nope.peer.test', 443), '--proxy', squid.url, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    const e = finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence;
    expect(e.status).toBeGreaterThanOrEqual(500);
    expect(String(e.proxyError)).toMatch(/^ERR_(DNS_FAIL|CANNOT_FORWARD)/);
    expect(e.proxyProduct).toMatch(/^squid\//);
  });

  it('squid gets "connection refused" from the target → PROXY_UPSTREAM_FAILED 503 ERR_CONNECT_FAIL 111', async () => {
    const r = await diagnoseJson([https('api.peer.test', closed), '--proxy', squid.url, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    expect(finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence).toMatchObject({ status: 503, statusText: 'Service Unavailable', proxyError: 'ERR_CONNECT_FAIL 111', asked: 'CONNECT' });
  });

  it('squid, plain http:// to a name it cannot resolve → PROXY_UPSTREAM_FAILED from the absolute-form answer', async () => {
    const r = await diagnoseJson(['http://nope.peer.test/v1/models', '--proxy', squid.url, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    const e = finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence;
    expect(e.asked).toBe('absolute-form');
    expect(String(e.proxyError)).toMatch(/^ERR_/);
  });

  it('squid, plain http:// to a refused port → PROXY_UPSTREAM_FAILED 503 ERR_CONNECT_FAIL 111', async () => {
    const r = await diagnoseJson([`http://api.peer.test:${closed}/v1/models`, '--proxy', squid.url, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    expect(finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence).toMatchObject({ status: 503, proxyError: 'ERR_CONNECT_FAIL 111', asked: 'absolute-form' });
  });

  it('tinyproxy: https through CONNECT is healthy', async () => {
    const r = await diagnoseJson([apiTls.url('/v1/models'), '--proxy', tiny.url(), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
  });

  it('tinyproxy: plain http:// in absolute form is healthy', async () => {
    const r = await diagnoseJson([api.url('/v1/models'), '--proxy', tiny.url(), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.report.exchanges[0]!.response?.status).toBe(200);
  });

  it('tinyproxy "500 Unable to connect" on CONNECT → PROXY_UPSTREAM_FAILED with its reason phrase', async () => {
    const r = await diagnoseJson([`https://127.0.0.1:${closed}/v1/models`, '--proxy', tiny.url(), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    const e = finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence;
    expect(e).toMatchObject({ status: 500, statusText: 'Unable to connect' });
    expect(e.proxyProduct).toMatch(/^tinyproxy\//);
  });

  it('tinyproxy "500 Unable to connect" for plain http:// → PROXY_UPSTREAM_FAILED', async () => {
    const r = await diagnoseJson([`http://127.0.0.1:${closed}/v1/models`, '--proxy', tiny.url(), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
    expect(finding(r, 'PROXY_UPSTREAM_FAILED')!.evidence).toMatchObject({ status: 500, statusText: 'Unable to connect', asked: 'absolute-form' });
  });

  it('tinyproxy BasicAuth: wrong password → PROXY_AUTH_REQUIRED; the right one works', async () => {
    const [bad, good] = await Promise.all([
      diagnoseJson([apiTls.url('/v1/models'), '--proxy', tinyAuth.url('tp', 'nope-2'), '--ca-file', pki.caFile, ...BASE]),
      diagnoseJson([apiTls.url('/v1/models'), '--proxy', tinyAuth.url('tp', 'tp-pass-19c'), '--ca-file', pki.caFile, ...BASE]),
    ]);
    expect(bad.report.summary.rootCause, why(bad)).toBe('PROXY_AUTH_REQUIRED');
    // tinyproxy 1.11 answers CONNECT without a valid login with 401 + WWW-Authenticate, not 407.
    expect(finding(bad, 'PROXY_AUTH_REQUIRED')!.evidence).toMatchObject({ status: 401, sentCredentials: true, scheme: 'Basic' });
    expect(good.report.summary.rootCause, why(good)).toBeNull();
  });
});
