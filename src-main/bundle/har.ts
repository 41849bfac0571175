import { isIP } from 'node:net';
import type { HttpExchange } from '../common/report.js';
import { REDACTED, REDACTED_IN_URL, redactUrl } from '../engine/redact.js';

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the parts we write. */
export interface HarNameValue {
  name: string;
  value: string;
}
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  serverIPAddress?: string;
  comment?: string;
}
export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

/** HAR wants "HTTP/1.1"; undici and Node say "1.1" or "2.0". */
export function harHttpVersion(v: string): string {
  if (/^HTTP\//i.test(v) || /^h[23]$/i.test(v)) return v;
  if (v === '2' || v === '2.0') return 'HTTP/2.0';
  if (v === '3' || v === '3.0') return 'HTTP/3.0';
  return /^\d(\.\d)?$/.test(v) ? `HTTP/${v.includes('.') ? v : `${v}.0`}` : v || 'HTTP/1.1';
}

/** A URL valid per RFC 3986 after redaction: a raw `[REDACTED]` in a path or query would not be. */
export function harUrl(url: string): string {
  return redactUrl(url.split(REDACTED).join(REDACTED_IN_URL));
}

const phase = (n: number): number => (Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) / 1000 : -1);
const nonNegative = (n: number): number => Math.max(0, phase(n));

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function mimeOf(headers: HarNameValue[], fallback: string): string {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? fallback;
}

/**
 * Exchanges (already redacted by the run, and again by the bundle writer) → HAR 1.2 entries.
 * Our exchanges time TCP and TLS separately; HAR counts `ssl` inside `connect` (1.1
 * compatibility), so connect = tcp + tls here, and `time` is the sum of the phases that applied.
 */
export function toHar(exchanges: readonly HttpExchange[], creator: { name: string; version: string }): Har {
  const entries = exchanges.map((x): HarEntry => {
    const t = x.timings;
    const ssl = phase(t.ssl);
    const tcp = phase(t.connect);
    const connect = tcp < 0 && ssl < 0 ? -1 : Math.round((Math.max(0, tcp) + Math.max(0, ssl)) * 1000) / 1000;
    const timings = { blocked: phase(t.blocked), dns: phase(t.dns), connect, ssl, send: nonNegative(t.send), wait: nonNegative(t.wait), receive: nonNegative(t.receive) };
    const time = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive].filter((n) => n > 0).reduce((a, b) => a + b, 0);
    const url = harUrl(x.request.url);
    const reqHeaders = x.request.headers.map((h) => ({ name: h.name, value: h.value }));
    const res = x.response;
    const resHeaders = res ? res.headers.map((h) => ({ name: h.name, value: h.value })) : [];
    const location = resHeaders.find((h) => h.name.toLowerCase() === 'location')?.value;
    const entry: HarEntry = {
      startedDateTime: x.startedAt,
      time: Math.round(time * 1000) / 1000,
      request: {
        method: x.request.method,
        url,
        httpVersion: harHttpVersion(x.request.httpVersion),
        cookies: [],
        headers: reqHeaders,
        queryString: queryOf(url),
        ...(x.request.body ? { postData: { mimeType: x.request.body.mimeType, text: x.request.body.text } } : {}),
        headersSize: -1,
        bodySize: Math.max(-1, Math.round(x.request.bodySize)),
      },
      response: res
        ? {
            status: res.status,
            statusText: res.statusText,
            httpVersion: harHttpVersion(res.httpVersion),
            cookies: [],
            headers: resHeaders,
            content: {
              size: Math.max(0, Math.round(res.bodySize)),
              mimeType: res.body?.mimeType ?? mimeOf(resHeaders, 'application/octet-stream'),
              ...(res.body ? { text: res.body.text } : {}),
              ...(res.body?.truncated ? { comment: 'body truncated by API Doctor' } : {}),
            },
            redirectURL: res.redirectURL ? harUrl(res.redirectURL) : location ? harUrl(location) : '',
            headersSize: -1,
            bodySize: Math.max(-1, Math.round(res.bodySize)),
          }
        : // No response (reset, timeout): HAR has no place for that; Chromium writes status 0 and `_error`.
          { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1, ...(x.error ? { _error: x.error } : {}) },
      cache: {},
      timings,
      // HAR wants an IPv4 or IPv6 address here; anything else (a host name, a zone id) is left out.
      ...(x.serverIPAddress && isIP(x.serverIPAddress.replace(/^\[|\]$/g, '')) ? { serverIPAddress: x.serverIPAddress.replace(/^\[|\]$/g, '') } : {}),
      ...(x.error ? { comment: x.error } : {}),
    };
    return entry;
  });
  return { log: { version: '1.2', creator, entries } };
}
