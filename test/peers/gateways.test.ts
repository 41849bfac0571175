/**
 * Real gateways (nginx 1.22, HAProxy 2.6) in front of a loopback API: dead and hanging upstreams,
 * rate limits, basic auth, body and header limits, mutual TLS, redirects and SSE buffering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import type { Finding } from '../../src-main/common/report.js';
import { peersMissing } from './common.js';
import { startHaproxy, type PeerHaproxy } from './haproxy.js';
import { NGINX_PASS, NGINX_USER, startNginx, type PeerNginx } from './nginx.js';
import { makePeerPki, type PeerPki } from './pki.js';
import { startUpstream, type Upstream } from './upstream.js';

const missing = peersMissing('nginx', 'haproxy', 'openssl');

const finding = (r: DiagnoseRun, code: string): Finding | undefined => r.report.findings.find((f) => f.code === code);
const codes = (r: DiagnoseRun) => r.report.findings.map((f) => f.code);
/** On failure, the findings say what the engine saw instead. */
const why = (r: Pick<DiagnoseRun, 'report'>) => JSON.stringify(r.report.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.evidence])).slice(0, 1500);
/** A generous per-phase budget: no scenario here waits for a timeout, and a loaded machine must not fail them. */
const BASE = ['--samples', '1', '--timeout', '8000'];
const CHAT = JSON.stringify({ model: 'peer-model', messages: [{ role: 'user', content: 'hi' }] });

describe.skipIf(missing !== null).concurrent('real gateways', () => {
  let pki: PeerPki;
  let api: Upstream;
  let nginx: PeerNginx;
  let haproxy: PeerHaproxy;

  beforeAll(async () => {
    pki = makePeerPki();
    api = await startUpstream();
    const upstream = `127.0.0.1:${api.port}`;
    [nginx, haproxy] = await Promise.all([startNginx({ upstream, cert: pki.leaf.chain, key: pki.leaf.key, ca: pki.caFile }), startHaproxy({ upstream })]);
  });
  afterAll(async () => {
    await Promise.allSettled([nginx?.stop(), haproxy?.stop(), api?.close()]);
    pki?.remove();
  });

  it('nginx, upstream down → 502 SERVER_BAD_GATEWAY naming nginx', async () => {
    const r = await diagnoseJson([nginx.url('/dead/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_BAD_GATEWAY');
    expect(finding(r, 'SERVER_BAD_GATEWAY')!.evidence).toMatchObject({ status: 502 });
    expect(JSON.stringify(finding(r, 'SERVER_BAD_GATEWAY')!.evidence.gateway)).toMatch(/nginx/);
  });

  it('nginx, upstream silent past proxy_read_timeout → 504 SERVER_BAD_GATEWAY', async () => {
    const r = await diagnoseJson([nginx.url('/hang/'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_BAD_GATEWAY');
    expect(finding(r, 'SERVER_BAD_GATEWAY')!.evidence).toMatchObject({ status: 504 });
  });

  it('nginx limit_req with its default status → 503 SERVER_UNAVAILABLE', async () => {
    await fetch(nginx.url('/limit503/v1/models')); // the one request a minute
    const r = await diagnoseJson([nginx.url('/limit503/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_UNAVAILABLE');
    expect(finding(r, 'SERVER_UNAVAILABLE')!.evidence).toMatchObject({ status: 503 });
  });

  it('nginx limit_req_status 429 → SERVER_RATE_LIMITED', async () => {
    await fetch(nginx.url('/limit429/v1/models'));
    const r = await diagnoseJson([nginx.url('/limit429/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_RATE_LIMITED');
    expect(finding(r, 'SERVER_RATE_LIMITED')!.evidence).toMatchObject({ status: 429 });
  });

  it('nginx auth_basic: no credential → AUTH_MISSING; a wrong one → AUTH_REJECTED; the right one → healthy', async () => {
    const [none, wrong, right] = await Promise.all([
      diagnoseJson([nginx.url('/basic/v1/models'), ...BASE]),
      diagnoseJson([nginx.url('/basic/v1/models'), '--auth', 'basic', '--token-env', 'K', ...BASE], { env: { K: `${NGINX_USER}:wrong-5` } }),
      diagnoseJson([nginx.url('/basic/v1/models'), '--auth', 'basic', '--token-env', 'K', ...BASE], { env: { K: `${NGINX_USER}:${NGINX_PASS}` } }),
    ]);
    expect(none.report.summary.rootCause, why(none)).toBe('AUTH_MISSING');
    expect(wrong.report.summary.rootCause, why(wrong)).toBe('AUTH_REJECTED');
    expect(right.report.summary.rootCause, why(right)).toBeNull();
    expect(wrong.stdout + right.stdout).not.toContain(NGINX_PASS);
  });

  it('nginx client_max_body_size → 413 HTTP_PAYLOAD_TOO_LARGE', async () => {
    const r = await diagnoseJson([nginx.url('/small/v1/chat/completions'), '-X', 'POST', '-d', CHAT, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('HTTP_PAYLOAD_TOO_LARGE');
    expect(finding(r, 'HTTP_PAYLOAD_TOO_LARGE')!.evidence).toMatchObject({ status: 413, requestBytes: Buffer.byteLength(CHAT) });
  });

  it('nginx large_client_header_buffers → 400 "Request Header Or Cookie Too Large" → HTTP_BAD_REQUEST quoting it', async () => {
    const r = await diagnoseJson([nginx.url('/v1/models'), '-H', `X-Big: ${'a'.repeat(1500)}`, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('HTTP_BAD_REQUEST');
    expect(JSON.stringify(finding(r, 'HTTP_BAD_REQUEST')!.evidence)).toMatch(/Request Header Or Cookie Too Large/);
  });

  it('a Node API with headers past its 16 KiB limit → 431, not healthy', async () => {
    const r = await diagnoseJson([api.url('/v1/models'), '-H', `X-Big: ${'a'.repeat(20_000)}`, ...BASE]);
    expect(r.report.summary.verdict).toBe('failing');
    expect(r.report.summary.rootCause, why(r)).toBe('HTTP_BAD_REQUEST');
    expect(finding(r, 'HTTP_BAD_REQUEST')!.evidence).toMatchObject({ status: 431 });
  });

  it('nginx ssl_verify_client on, no client certificate → 400 "No required SSL certificate was sent" → TLS_CLIENT_CERT_REQUIRED', async () => {
    const r = await diagnoseJson([`https://127.0.0.1:${nginx.mtls}/v1/models`, '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_CLIENT_CERT_REQUIRED');
    expect(finding(r, 'TLS_CLIENT_CERT_REQUIRED')!.evidence).toMatchObject({ status: 400, gatewayMessage: 'No required SSL certificate was sent', source: 'answer' });
    expect(codes(r)).not.toContain('HTTP_BAD_REQUEST');
  });

  it('POST to http:// redirected 301 to https:// turns into a GET (405) → HTTP_REDIRECT_CHANGED_METHOD with the URL to call', async () => {
    const r = await diagnoseJson([`http://127.0.0.1:${nginx.redirect}/v1/chat/completions`, '-X', 'POST', '-d', CHAT, '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('HTTP_REDIRECT_CHANGED_METHOD');
    expect(finding(r, 'HTTP_REDIRECT_CHANGED_METHOD')!.evidence).toMatchObject({
      sentMethod: 'POST',
      becameMethod: 'GET',
      redirectStatus: 301,
      finalUrl: `https://127.0.0.1:${nginx.https}/v1/chat/completions`,
      finalStatus: 405,
    });
    expect(codes(r)).not.toContain('HTTP_METHOD_NOT_ALLOWED');
  });

  it('POST without the trailing slash nginx wants → 301 → GET → HTTP_REDIRECT_CHANGED_METHOD', async () => {
    const r = await diagnoseJson([nginx.url('/slash/v1/chat/completions'), '-X', 'POST', '-d', CHAT, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('HTTP_REDIRECT_CHANGED_METHOD');
    expect(finding(r, 'HTTP_REDIRECT_CHANGED_METHOD')!.evidence).toMatchObject({ sentMethod: 'POST', redirectStatus: 301, finalUrl: nginx.url('/slash/v1/chat/completions/') });
  });

  it('GET without the trailing slash: the 301 is followed and the call is healthy', async () => {
    const r = await diagnoseJson([nginx.url('/slash/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.report.exchanges.map((x) => x.response?.status)).toEqual(expect.arrayContaining([301, 200]));
  });

  it('SSE behind nginx with proxy_buffering on (the default) → STREAM_BUFFERED', async () => {
    const r = await diagnoseJson([nginx.url('/buffered/v1/chat/completions'), '-X', 'POST', '-d', CHAT, '--stream', ...BASE]);
    expect(r.report.summary.verdict).toBe('degraded');
    const e = finding(r, 'STREAM_BUFFERED')!.evidence;
    expect(e.events).toBeGreaterThanOrEqual(3);
    expect(e.gateway).toMatch(/^nginx/);
  });

  it('SSE behind nginx with proxy_buffering off → events as they come, no STREAM_BUFFERED', async () => {
    const r = await diagnoseJson([nginx.url('/unbuffered/v1/chat/completions'), '-X', 'POST', '-d', CHAT, '--stream', ...BASE]);
    expect(codes(r)).not.toContain('STREAM_BUFFERED');
    expect(r.report.summary.verdict).toBe('healthy');
  });

  it('SSE behind buffering nginx with X-Accel-Buffering: no from the API → no STREAM_BUFFERED', async () => {
    const r = await diagnoseJson([nginx.url('/buffered/v1/chat/completions?accel=no'), '-X', 'POST', '-d', CHAT, '--stream', ...BASE]);
    expect(codes(r)).not.toContain('STREAM_BUFFERED');
    expect(r.report.summary.verdict).toBe('healthy');
  });

  it('HAProxy, server down → 503 SERVER_UNAVAILABLE', async () => {
    const r = await diagnoseJson([haproxy.url('/dead/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_UNAVAILABLE');
    expect(finding(r, 'SERVER_UNAVAILABLE')!.evidence).toMatchObject({ status: 503 });
  });

  it('HAProxy, backend without servers → 503 SERVER_UNAVAILABLE', async () => {
    const r = await diagnoseJson([haproxy.url('/empty/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_UNAVAILABLE');
  });

  it('HAProxy, server silent past "timeout server" → 504 SERVER_BAD_GATEWAY', async () => {
    const r = await diagnoseJson([haproxy.url('/hang'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_BAD_GATEWAY');
    expect(finding(r, 'SERVER_BAD_GATEWAY')!.evidence).toMatchObject({ status: 504 });
  });

  it('HAProxy stick-table rate limit → 429 SERVER_RATE_LIMITED', async () => {
    await fetch(haproxy.url('/limited/v1/models'));
    const r = await diagnoseJson([haproxy.url('/limited/v1/models'), ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('SERVER_RATE_LIMITED');
    expect(finding(r, 'SERVER_RATE_LIMITED')!.evidence).toMatchObject({ status: 429 });
  });
});
