import { describe, expect, it } from 'vitest';
import { followRedirects } from '../../../src-main/engine/http/redirects.js';
import type { ExchangeInput, ExchangeOutcome } from '../../../src-main/engine/http/exchange.js';
import { emptyTimes } from '../../../src-main/engine/http/connector.js';
import { isSensitiveHeader, redactHeaderValue } from '../../../src-main/engine/redact-patterns.js';

/** Issue #10 item 1: every header the redactor treats as sensitive is dropped on a cross-origin hop. */
export const SENSITIVE_HEADER_NAMES = [
  'Authorization',
  'Proxy-Authorization',
  'Cookie',
  'X-Api-Key',
  'api-key',
  'apikey',
  'x-goog-api-key',
  'Ocp-Apim-Subscription-Key',
  'X-Auth-Token',
  'Private-Token',
  'X-Access-Token',
  'X-Vault-Token',
  'X-Api-Secret',
  'X-Client-Secret',
  'My-Service-Key',
  'X-Session-Token',
  'X-API-Client',
  'x-functions-key',
  'X-Amz-Security-Token',
];

function net(routes: Record<string, { status: number; location?: string }>) {
  const sent: ExchangeInput[] = [];
  const send = async (input: ExchangeInput): Promise<ExchangeOutcome> => {
    sent.push(input);
    const r = routes[input.url.href] ?? { status: 200 };
    const headers: Record<string, string> = r.location ? { location: r.location } : {};
    return { method: input.method, url: input.url.href, status: r.status, statusText: '', headers, contentType: null, body: null, error: null, times: emptyTimes(), blockedMs: 0, ttfbMs: 1, downloadMs: 0, totalMs: 1, receivedAt: 0, record: {} as ExchangeOutcome['record'] };
  };
  return { sent, send };
}

const input = (url: string, headers: { name: string; value: string }[]): ExchangeInput => ({
  method: 'GET',
  url: new URL(url),
  headers,
  timeoutMs: 1000,
  signal: new AbortController().signal,
  ca: undefined,
  pins: [],
  dnsServers: [],
  proxyUrl: null,
});

describe('cross-origin redirects drop every sensitive header (one predicate with the redactor)', () => {
  it.each(SENSITIVE_HEADER_NAMES)('%s is redacted by the redactor and dropped on another origin, kept on the same', async (name) => {
    expect(isSensitiveHeader(name)).toBe(true);
    expect(redactHeaderValue(name, 'zzCanaryValue0123456789')).not.toContain('zzCanaryValue0123456789');
    const n = net({ 'https://a.test/1': { status: 307, location: '/2' }, 'https://a.test/2': { status: 302, location: 'https://b.test/3' } });
    await followRedirects(input('https://a.test/1', [{ name, value: 'zzCanaryValue0123456789' }, { name: 'accept', value: 'application/json' }]), n.send, [], async () => null);
    expect(n.sent[1]!.headers.some((h) => h.name === name)).toBe(true);
    expect(n.sent[2]!.headers.some((h) => h.name === name)).toBe(false);
    expect(n.sent[2]!.headers.some((h) => h.name === 'accept')).toBe(true);
  });

  it('ordinary headers are not treated as secrets', () => {
    for (const h of ['accept', 'content-type', 'user-agent', 'www-authenticate', 'x-request-id', 'anthropic-version', 'openai-organization', 'location', 'retry-after']) expect(isSensitiveHeader(h), h).toBe(false);
  });

  it('a custom --auth header name is dropped too', async () => {
    const n = net({ 'https://a.test/1': { status: 302, location: 'https://b.test/2' } });
    await followRedirects(input('https://a.test/1', [{ name: 'X-Custom', value: 'v' }]), n.send, ['x-custom'], async () => null);
    expect(n.sent[1]!.headers).toEqual([]);
  });
});
