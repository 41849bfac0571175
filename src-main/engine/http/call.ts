import { APP_VERSION } from '../../common/version.js';
import { proxyChoiceFor } from '../clients/choice.js';
import { runCAs } from '../net/trust.js';
import { isSocksUrl } from '../net/socks-tunnel.js';
import { PROBE_IDS } from '../probe-data.js';
import type { ProbeContext } from '../probe.js';
import type { ExchangeInput, ExchangeOutcome } from './exchange.js';
import { htmlTitle, isHtml } from './html.js';
import { BODY_TEXT_CAP, type AnswerSummary } from './types.js';

/** The proxy for a URL: the proxy probe's answer for the target's origin, else chosen the same way (the run's client's route). */
export function proxyResolver(ctx: ProbeContext): (url: URL) => Promise<string | null> {
  const probed = ctx.result(PROBE_IDS.proxy);
  return async (url) => {
    if (probed?.status === 'ok' && probed.data && url.origin === ctx.target.origin) return usable(probed.data.proxyUrl);
    const c = await proxyChoiceFor(ctx.request, ctx.platform.env, url, (u) => ctx.platform.resolveSystemProxy(u)).catch(() => null);
    return usable(c?.proxyUrl ?? null);
  };
}

// HTTP(S) proxies tunnel with CONNECT, SOCKS ones through net/socks-tunnel.ts; any other scheme is not usable.
const usable = (p: string | null) => (p && (/^https?:/i.test(p) || isSocksUrl(p)) ? p : null);

/** Headers every diagnostic request carries, unless the user set them. */
export function baseHeaders(user: { name: string; value: string }[], extra: { name: string; value: string }[], body: string | undefined, accept = 'application/json'): { name: string; value: string }[] {
  const has = (n: string) => user.some((h) => h.name.toLowerCase() === n) || extra.some((h) => h.name.toLowerCase() === n);
  const out = [...user, ...extra];
  if (!has('user-agent')) out.push({ name: 'user-agent', value: `api-doctor/${APP_VERSION}` });
  if (!has('accept')) out.push({ name: 'accept', value: accept });
  if (!has('accept-encoding')) out.push({ name: 'accept-encoding', value: 'gzip, deflate, br' });
  if (body !== undefined && !has('content-type')) out.push({ name: 'content-type', value: /^\s*[[{]/.test(body) ? 'application/json' : 'application/x-www-form-urlencoded' });
  return out;
}

/** The connection settings of this run for one exchange. */
export async function exchangeInput(ctx: ProbeContext, over: Pick<ExchangeInput, 'method' | 'url' | 'headers'> & Partial<ExchangeInput>): Promise<ExchangeInput> {
  const tls = ctx.result(PROBE_IDS.tls);
  const ca = await runCAs(ctx.request, ctx.platform.env, tls?.status === 'ok' ? tls.data.addedAnchors : undefined).catch(() => undefined);
  const proxyUrl = await proxyResolver(ctx)(over.url);
  return {
    timeoutMs: ctx.request.timeoutMs,
    signal: ctx.signal,
    ca,
    pins: ctx.request.resolve,
    dnsServers: ctx.request.dnsServers,
    proxyUrl,
    ...over,
  };
}

/** The rules' view of an answer: bounded text, HTML detected, title read. */
export function summarize(o: ExchangeOutcome, requestBytes: number): AnswerSummary | null {
  if (o.status === null) return null;
  const text = o.body?.text ?? '';
  const html = isHtml(o.contentType, text);
  return {
    url: o.url,
    method: o.method,
    status: o.status,
    statusText: o.statusText,
    headers: o.headers,
    contentType: o.contentType,
    bodyText: text.slice(0, BODY_TEXT_CAP),
    bodyTruncated: (o.body?.truncated ?? false) || text.length > BODY_TEXT_CAP,
    html,
    title: html ? htmlTitle(text) : null,
    receivedAt: o.receivedAt ?? Date.now(),
    serverIp: o.times.remoteAddress,
    ttfbMs: o.ttfbMs,
    requestBytes,
  };
}
