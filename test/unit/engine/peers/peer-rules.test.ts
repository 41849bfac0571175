/** The pure pieces behind the real-peer fixes, table-tested without any server. */
import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../../src-main/engine/classify.js';
import { clientCertAnswer } from '../../../../src-main/engine/http/client-cert-answer.js';
import type { AnswerSummary, HopSummary } from '../../../../src-main/engine/http/types.js';
import { proxyOwnAnswer } from '../../../../src-main/engine/net/proxy-answer.js';
import { HandshakeSniffer } from '../../../../src-main/engine/net/tls-sniff.js';
import type { StreamProbeData } from '../../../../src-main/engine/probes/stream.js';
import { redirectChangedMethod } from '../../../../src-main/engine/rules/redirect-method.js';
import { streamBuffered } from '../../../../src-main/engine/server/stream-buffering.js';
import { makeLeaf, makeRoot } from '../../../lab/certs.js';

describe('proxyOwnAnswer', () => {
  it.each([
    [{ 'x-squid-error': 'ERR_CONNECT_FAIL 111', server: 'squid/5.7' }, { errorId: 'ERR_CONNECT_FAIL 111', product: 'squid/5.7' }],
    [{ server: 'tinyproxy/1.11.1', 'content-type': 'text/html' }, { errorId: null, product: 'tinyproxy/1.11.1' }],
    [{ 'proxy-status': 'envoy; error=dns_error; rcode=NXDOMAIN' }, { errorId: 'dns_error', product: null }],
    [{ 'proxy-status': 'squid; error="connection_refused"' }, { errorId: 'connection_refused', product: null }],
  ])('%j is the proxy\'s own answer', (headers, want) => expect(proxyOwnAnswer(headers)).toEqual(want));

  it('an API answer passed through (nginx, Via only) is not', () => {
    expect(proxyOwnAnswer({ server: 'nginx/1.22.1', via: '1.1 peer-squid (squid/5.7)' })).toBeNull();
  });
});

const hop = (method: string, url: string, status: number | null, location: string | null = null): HopSummary => ({ method, url, status, location, totalMs: 5 });

describe('redirectChangedMethod', () => {
  it('POST → 301 → GET 405: the method changed, with the URL to call', () => {
    const f = redirectChangedMethod({ answer: null, hops: [hop('POST', 'http://a/v1/x', 301, 'https://a/v1/x'), hop('GET', 'https://a/v1/x', 405)] });
    expect(f).toEqual({ code: 'HTTP_REDIRECT_CHANGED_METHOD', evidence: expect.objectContaining({ sentMethod: 'POST', becameMethod: 'GET', redirectStatus: 301, finalUrl: 'https://a/v1/x', finalStatus: 405 }) });
  });
  it('POST → 303 → GET 200 is the pattern 303 exists for: nothing to report', () => {
    expect(redirectChangedMethod({ answer: null, hops: [hop('POST', 'http://a/jobs', 303, '/jobs/1'), hop('GET', 'http://a/jobs/1', 200)] })).toBeNull();
  });
  it('POST → 303 → GET 404 is reported', () => {
    expect(redirectChangedMethod({ answer: null, hops: [hop('POST', 'http://a/jobs', 303, '/jobs/1'), hop('GET', 'http://a/jobs/1', 404)] })?.code).toBe('HTTP_REDIRECT_CHANGED_METHOD');
  });
  it('POST → 308 → POST keeps the method; GET → 301 → GET too', () => {
    expect(redirectChangedMethod({ answer: null, hops: [hop('POST', 'http://a/x', 308, 'https://a/x'), hop('POST', 'https://a/x', 200)] })).toBeNull();
    expect(redirectChangedMethod({ answer: null, hops: [hop('GET', 'http://a/x', 301, 'https://a/x'), hop('GET', 'https://a/x', 200)] })).toBeNull();
  });
});

const stream = (o: Partial<StreamProbeData>): StreamProbeData => ({ url: 'https://a/v1/chat/completions', status: 200, contentType: 'text/event-stream', events: 9, firstEventMs: 1000, lastEventMs: 1002, headersMs: 1000, server: 'nginx/1.22.1', totalMs: 1005, ended: true, error: null, cut: null, refused: null, ...o });

describe('streamBuffered', () => {
  it('nine events in one burst after a second → STREAM_BUFFERED', () => {
    expect(streamBuffered(stream({}))).toMatchObject({ code: 'STREAM_BUFFERED', evidence: { events: 9, firstEventMs: 1000, burstMs: 2, gateway: 'nginx/1.22.1' } });
  });
  it('events spread over the stream (unbuffered) → nothing', () => {
    expect(streamBuffered(stream({ firstEventMs: 20, lastEventMs: 980 }))).toBeNull();
  });
  it('a one-token completion (4 events in a burst after a slow first token) cannot show buffering → nothing', () => {
    expect(streamBuffered(stream({ events: 4, firstEventMs: 900, lastEventMs: 903 }))).toBeNull();
  });
  it('a fast burst (all within 500 ms) → nothing: jitter would decide', () => {
    expect(streamBuffered(stream({ firstEventMs: 300, lastEventMs: 301 }))).toBeNull();
  });
  it('a slow first token, then tokens at model speed (80 ms apart) → nothing', () => {
    expect(streamBuffered(stream({ firstEventMs: 3000, lastEventMs: 3640 }))).toBeNull();
  });
});

const answer = (o: Partial<AnswerSummary>): AnswerSummary => ({ url: 'https://a/v1/models', method: 'GET', status: 400, statusText: 'Bad Request', headers: { server: 'nginx/1.22.1' }, contentType: 'text/html', bodyText: '', bodyTruncated: false, html: true, title: null, receivedAt: 0, serverIp: null, ttfbMs: 1, requestBytes: 0, ...o });

describe('clientCertAnswer', () => {
  it('nginx "400 No required SSL certificate was sent" → TLS_CLIENT_CERT_REQUIRED', () => {
    const a = answer({ title: '400 No required SSL certificate was sent', bodyText: '<html><head><title>400 No required SSL certificate was sent</title></head></html>' });
    expect(clientCertAnswer(a)).toMatchObject({ code: 'TLS_CLIENT_CERT_REQUIRED', evidence: { status: 400, gatewayMessage: 'No required SSL certificate was sent', gateway: 'nginx/1.22.1', source: 'answer' } });
  });
  it('any other 400 is not', () => {
    expect(clientCertAnswer(answer({ title: '400 Bad Request' }))).toBeNull();
    expect(clientCertAnswer(answer({ status: 401, title: 'No required SSL certificate was sent' }))).toBeNull();
  });
});

describe('classify: client-certificate alerts', () => {
  it.each([
    [{ code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', message: 'tlsv13 alert certificate required' }, 'tls'],
    [{ code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', message: 'SSL alert number 116' }, 'http'],
  ] as const)('%j in %s → TLS_CLIENT_CERT_REQUIRED', (err, phase) => {
    expect(classifyNetworkError(Object.assign(new Error(err.message), { code: err.code }), phase).code).toBe('TLS_CLIENT_CERT_REQUIRED');
  });
  it('a plain handshake failure stays TLS_PROTOCOL_ERROR (only a seen CertificateRequest makes it a client-cert one)', () => {
    expect(classifyNetworkError(Object.assign(new Error('sslv3 alert handshake failure'), { code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' }), 'tls').code).toBe('TLS_PROTOCOL_ERROR');
  });
});

describe('HandshakeSniffer', () => {
  /** A TLS 1.2 server that asks for a client certificate, and one that does not. */
  async function sniff(requestCert: boolean): Promise<boolean> {
    const { cert, key } = await makeLeaf(await makeRoot('sniff'));
    const server = tls.createServer({ key, cert, requestCert, rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const raw = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const sn = new HandshakeSniffer(raw);
    await new Promise<void>((resolve) => {
      const s = tls.connect({ socket: sn, rejectUnauthorized: false });
      s.once('secureConnect', () => resolve());
      s.once('error', () => resolve());
    });
    sn.destroy();
    server.close();
    return sn.certificateRequested;
  }
  it('sees a TLS 1.2 CertificateRequest, and none when the server asks for nothing', async () => {
    expect(await sniff(true)).toBe(true);
    expect(await sniff(false)).toBe(false);
  });
});
