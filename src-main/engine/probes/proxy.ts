import { classifyNetworkError, type ClassifiedError } from '../classify.js';
import { redactUserinfo, targetHost, targetPort } from '../net/address.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import { PROBE_IDS, type ProxyData } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { isLocalTarget, proxyFromPac } from '../net/proxy-env.js';
import { proxyChoiceFor } from '../clients/choice.js';
import { askProxyAbsolute, openTunnel, proxyAuthorization } from '../net/proxy-tunnel.js';
import { proxyOwnAnswer } from '../net/proxy-answer.js';
import { trustedCAs } from '../net/trust.js';
import { isSocksUrl, type SocksDetail, type SocksFailure } from '../net/socks-tunnel.js';
import { speaksTls, whatProxySpeaks, type ProxySpeaks } from '../net/proxy-scheme.js';
import { socksProbe } from './proxy-socks.js';

export interface ProxyProbeData extends ProxyData {
  /** The OS proxy settings behind source 'system' (or a PAC/WPAD setting we did not evaluate); null when not read. */
  system?: { source: string; mode: 'none' | 'manual' | 'pac' | 'wpad'; pacUrl: string | null } | null;
  /**
   * The proxy the OS settings give for this URL when this run did not take it (the environment or
   * the user's choice won), null otherwise: the wizard offers it as "Use the proxy from the system settings".
   */
  systemProxy?: string | null;
  noProxy: string | null;
  bypassedBy: string | null;
  targetIsLocal: boolean;
  /**
   * What asking the proxy for the target gave: CONNECT for https://, an absolute-form HEAD for
   * http:// (as real clients send it), or the SOCKS handshake; null when no proxy applies or its
   * scheme is not one we speak.
   */
  connect: null | {
    ok: boolean;
    /** How an HTTP proxy was asked (absent: CONNECT, or SOCKS). */
    mode?: 'connect' | 'absolute';
    /** The proxy's own error id (X-Squid-Error, Proxy-Status error=) when the answer was its own. */
    proxyError?: string | null;
    /** The proxy product that wrote the answer (Server: squid/5.7, tinyproxy/1.11.1), when it says. */
    proxyProduct?: string | null;
    status: number | null;
    statusText: string | null;
    /** The Proxy-Authenticate header of a 407: the scheme the proxy wants. */
    authenticate: string | null;
    proxyConnectMs: number | null;
    ms: number;
    sentCredentials: boolean;
    error?: ClassifiedError;
    /** For a SOCKS proxy: the handshake's details, and what failed. */
    socks?: SocksDetail;
    socksFailure?: SocksFailure;
    /** When the scheme in the proxy URL did not work: what the port speaks instead (PROXY_SCHEME_MISMATCH). */
    speaks?: ProxySpeaks;
  };
}

/** The OS proxy for this URL (PAC form turned into a URL) when it is not the one the run uses. */
async function unusedSystemProxy(platform: ProbeContext['platform'], target: URL, used: string | null): Promise<string | null> {
  const pac = await platform.resolveSystemProxy(target.href).catch(() => null);
  const url = pac ? proxyFromPac(pac) : null;
  return url !== null && url !== used ? url : null;
}

/** Which proxy applies, and whether it gives us a tunnel (CONNECT) to the target. */
export const proxyProbe: Probe<ProxyProbeData> = {
  id: PROBE_IDS.proxy,
  stage: 'proxy',
  dependsOn: [PROBE_IDS.environment],
  async run(ctx) {
    const choice = await proxyChoiceFor(ctx.request, ctx.platform.env, ctx.target, (u) => ctx.platform.resolveSystemProxy(u));
    // Which OS setting the system proxy came from (CLI: gsettings, kioslaverc, scutil, registry), or a PAC script we did not evaluate.
    // Also when the run's client ignores the OS proxy (source client:<id>): CLIENT_PROXY_IGNORED names where it is set.
    const os = choice.source === 'system' || choice.source === null || choice.source.startsWith('client:') ? await ctx.platform.systemProxyInfo?.().catch(() => null) : null;
    const system = os ? { source: os.source, mode: os.mode, pacUrl: os.pacUrl } : null;
    const systemProxy = choice.source === 'system' ? null : await unusedSystemProxy(ctx.platform, ctx.target, choice.proxyUrl);
    const base = { proxyUrl: choice.proxyUrl, source: choice.source, noProxy: choice.noProxy, bypassedBy: choice.bypassedBy ?? null, targetIsLocal: isLocalTarget(ctx.target.hostname), system, ...(systemProxy ? { systemProxy } : {}) };
    if (choice.proxyUrl === null) {
      return { status: 'ok', data: { ...base, connect: null }, summary: choice.bypassedBy ? { code: 'proxy.bypassed', values: { by: choice.bypassedBy } } : { code: 'proxy.direct' } };
    }
    let proxy: URL;
    try {
      proxy = new URL(choice.proxyUrl);
    } catch {
      const error = { code: 'PROXY_UNREACHABLE' as const, errno: 'EINVAL', message: `"${choice.proxyUrl}" is not a proxy URL` };
      return { status: 'failed', data: { ...base, connect: { ok: false, status: null, statusText: null, authenticate: null, proxyConnectMs: null, ms: 0, sentCredentials: false, error } }, reason: { code: 'proxy.badUrl', values: { proxy: choice.proxyUrl } } };
    }
    // Proxy credentials are secrets of the run: never in the report.
    ctx.redactor.add(decodeURIComponent(proxy.password));
    ctx.redactor.add(proxy.password);
    const auth = proxyAuthorization(proxy);
    if (auth) ctx.redactor.add(auth.slice('Basic '.length));
    const shown = redactUserinfo(proxy);
    if (isSocksUrl(proxy.href)) return socksProbe(ctx, proxy, shown, base);
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      return { status: 'ok', data: { ...base, connect: null }, summary: { code: 'proxy.notChecked', values: { proxy: shown, scheme: proxy.protocol.slice(0, -1) } } };
    }
    const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
    const proxyPort = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
    // An https:// proxy that does not speak TLS may sit silent on our ClientHello for its whole
    // idle timeout (tinyproxy waits for a request line): ask, bounded, before the real attempt.
    if (proxy.protocol === 'https:' && !(await speaksTls(proxyHost, proxyPort, ctx.signal))) {
      const speaks = await whatProxySpeaks(proxyHost, proxyPort, ctx.signal, 'tls');
      if (speaks !== 'unknown') {
        const connect = { ok: false, status: null, statusText: null, authenticate: null, proxyConnectMs: null, ms: 0, sentCredentials: auth !== null, speaks, error: { code: 'PROXY_SCHEME_MISMATCH' as const, errno: null, message: `no TLS answer to a ClientHello; the port speaks ${speaks}` } };
        return { status: 'failed', data: { ...base, connect }, reason: { code: 'proxy.wrongScheme', values: { speaks } } };
      }
    }
    const ca = proxy.protocol === 'https:' ? await trustedCAs(ctx.request).catch(() => undefined) : undefined;
    const mode: 'absolute' | 'connect' = ctx.target.protocol === 'http:' ? 'absolute' : 'connect';
    const r = mode === 'absolute' ? await askProxyAbsolute(choice.proxyUrl, ctx.target, ctx.signal, ca) : await openTunnel(choice.proxyUrl, targetHost(ctx.target), targetPort(ctx.target), ctx.signal, ca);
    // In absolute form any answer the API wrote (a 404, a 405 to HEAD) means the proxy forwarded the request.
    const own = r.answer ? proxyOwnAnswer(r.answer.headers) : null;
    const forwarded = r.ok || (mode === 'absolute' && r.answer !== undefined && r.answer.status !== 407 && own === null);
    if (r.ok) r.socket.destroy();
    if (forwarded) {
      const a = r.ok ? r.answer : r.answer!;
      return {
        status: 'ok',
        data: { ...base, connect: { ok: true, mode, status: a.status, statusText: a.statusText, authenticate: null, proxyConnectMs: r.ok ? r.proxyConnectMs : (r.proxyConnectMs ?? null), ms: r.ok ? r.tunnelMs : r.ms, sentCredentials: auth !== null } },
        summary: mode === 'absolute' ? { code: 'proxy.forwarding', values: { proxy: shown } } : { code: 'proxy.tunnel', values: { proxy: shown } },
      };
    }
    const failed = r as Extract<typeof r, { ok: false }>;
    const error = failed.error !== undefined ? classifyNetworkError(failed.error, failed.stage === 'connect' ? 'proxy' : 'tcp') : undefined;
    const connect: NonNullable<ProxyProbeData['connect']> = {
      ok: false,
      mode,
      status: failed.answer?.status ?? null,
      statusText: failed.answer?.statusText ?? null,
      // tinyproxy answers CONNECT without a login with 401 and WWW-Authenticate, not 407: same meaning.
      authenticate: failed.answer?.headers['proxy-authenticate'] ?? (failed.answer?.status === 401 ? (failed.answer.headers['www-authenticate'] ?? null) : null),
      proxyError: own?.errorId ?? null,
      proxyProduct: own?.product ?? null,
      proxyConnectMs: failed.proxyConnectMs ?? null,
      ms: failed.ms,
      sentCredentials: auth !== null,
      ...(error ? { error: failed.stage === 'connect' ? error : { ...error, code: 'PROXY_REJECTED' as const } } : {}),
    };
    // The port answered, but not in the language the URL's scheme promised: ask what it speaks.
    // Here: an http:// proxy URL whose port answered CONNECT with something that is not HTTP.
    const wrongLanguage = proxy.protocol === 'http:' && failed.stage === 'answer' && !failed.answer;
    if (wrongLanguage) {
      const speaks = await whatProxySpeaks(proxyHost, proxyPort, ctx.signal, 'http');
      if (speaks !== 'unknown') connect.speaks = speaks;
    }
    const asked: ProbeText = mode === 'absolute' ? { code: 'proxy.requestFor', values: { origin: ctx.target.origin } } : { code: 'proxy.connect' };
    const reason: ProbeText = failed.answer
      ? { code: 'proxy.answered', values: { asked, status: failed.answer.status, statusText: failed.answer.statusText, errorId: own?.errorId ?? null } }
      : { code: 'proxy.failed', values: { proxy: shown, error: error?.message ?? null } };
    return { status: 'failed', data: { ...base, connect }, reason };
  },
};
