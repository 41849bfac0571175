import type { ExchangeInput, ExchangeOutcome } from '../../../../src-main/engine/http/exchange.js';
import { emptyTimes } from '../../../../src-main/engine/http/connector.js';

/** A fake network for followRedirects: answers by URL, records what was sent. */
export function net(routes: Record<string, { status: number; location?: string }>) {
  const sent: ExchangeInput[] = [];
  const send = async (input: ExchangeInput): Promise<ExchangeOutcome> => {
    sent.push(input);
    const r = routes[input.url.href] ?? { status: 200 };
    const headers: Record<string, string> = r.location ? { location: r.location } : {};
    return { method: input.method, url: input.url.href, status: r.status, statusText: '', headers, contentType: null, body: null, error: null, times: emptyTimes(), blockedMs: 0, ttfbMs: 1, downloadMs: 0, totalMs: 1, receivedAt: 0, record: {} as ExchangeOutcome['record'] };
  };
  return { sent, send };
}

/** A GET of `url` with no headers, no proxy and a 1 s budget, unless `over` says otherwise. */
export const getInput = (url: string, over: Partial<ExchangeInput> = {}): ExchangeInput => ({
  method: 'GET',
  url: new URL(url),
  headers: [],
  timeoutMs: 1000,
  signal: new AbortController().signal,
  ca: undefined,
  pins: [],
  dnsServers: [],
  proxyUrl: null,
  ...over,
});
