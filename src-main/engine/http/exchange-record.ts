import type { HttpExchange } from '../../common/report.js';
import type { ExchangeInput, ExchangeOutcome } from './exchange.js';

// Shaping, apart from measuring (exchange.ts): how one measured exchange is kept for the report
// and becomes an entry of the bundle's requests.har.

/** What the measuring part found, for the record. */
export type Parts = Pick<ExchangeOutcome, 'status' | 'statusText' | 'headers' | 'body' | 'error' | 'times' | 'blockedMs' | 'ttfbMs' | 'downloadMs' | 'totalMs' | 'contentType'> & { sendMs: number };

/**
 * The exchange as the bundle's HAR needs it. `connect` is TCP only and `ssl` the TLS handshake
 * (bundle/har.ts adds them up the HAR 1.2 way); `send` runs from socket-ready until undici wrote
 * the request (its own set-up included), `wait` from then until the response headers.
 */
export function toRecord(input: ExchangeInput, startedAt: string, p: Parts): HttpExchange {
  const t = p.times;
  const host = input.url.host;
  const reqHeaders = [{ name: 'host', value: host }, ...input.headers];
  const har = {
    blocked: p.blockedMs,
    dns: t.dnsMs ?? -1,
    connect: t.connectMs ?? -1,
    ssl: t.tlsMs ?? -1,
    send: p.sendMs,
    wait: p.ttfbMs ?? -1,
    receive: p.downloadMs ?? -1,
  };
  return {
    startedAt,
    request: {
      method: input.method,
      url: input.url.href,
      httpVersion: 'HTTP/1.1',
      headers: reqHeaders,
      bodySize: input.body !== undefined ? Buffer.byteLength(input.body) : 0,
      ...(input.body !== undefined ? { body: { mimeType: input.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? 'application/octet-stream', text: input.body } } : {}),
    },
    response:
      p.status === null
        ? null
        : {
            status: p.status,
            statusText: p.statusText,
            httpVersion: 'HTTP/1.1',
            headers: Object.entries(p.headers).map(([name, value]) => ({ name, value })),
            bodySize: p.body?.wireBytes ?? 0,
            ...(p.body ? { body: { mimeType: p.contentType ?? 'application/octet-stream', text: p.body.text, ...(p.body.truncated ? { truncated: true } : {}) } } : {}),
            ...(p.headers.location ? { redirectURL: p.headers.location } : {}),
          },
    ...(p.error ? { error: p.error.code ?? p.error.errno ?? 'error' } : {}),
    ...(t.remoteAddress ? { serverIPAddress: t.remoteAddress } : {}),
    timings: har,
    totalMs: p.totalMs,
  };
}
