import { classifyNetworkError } from '../classify.js';
import type { ProbeContext, ProbeOutcome } from '../probe.js';
import { resolveHost } from '../http/connector.js';
import { openSocksTunnel } from '../net/socks-tunnel.js';
import { whatProxySpeaks } from '../net/proxy-scheme.js';
import { targetHost, targetPort } from '../net/address.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import type { ProxyProbeData } from './proxy.js';

type Base = Omit<ProxyProbeData, 'connect'>;

/** The proxy stage for a SOCKS proxy: does it accept us and tunnel to the target? */
export async function socksProbe(ctx: ProbeContext, proxy: URL, shown: string, base: Base): Promise<ProbeOutcome<ProxyProbeData>> {
  const port = targetPort(ctx.target);
  const resolve = (h: string) => resolveHost(h, port, { pins: ctx.request.resolve, dnsServers: ctx.request.dnsServers, timeoutMs: ctx.budgetMs });
  const r = await openSocksTunnel(proxy.href, targetHost(ctx.target), port, ctx.signal, resolve);
  const common = { status: null, statusText: null, authenticate: null, sentCredentials: r.socks.sentCredentials, socks: r.socks };
  const label: ProbeText = r.socks.remoteDns ? { code: 'dns.viaProxy' } : { code: 'proxy.socksResolvedHere', values: { destination: r.socks.destination } };
  if (r.ok) {
    r.socket.destroy();
    return {
      status: 'ok',
      data: { ...base, connect: { ok: true, ...common, proxyConnectMs: r.proxyConnectMs, ms: r.tunnelMs } },
      summary: { code: 'proxy.socksTunnel', values: { scheme: r.socks.scheme, proxy: shown, label } },
    };
  }
  const connect: NonNullable<ProxyProbeData['connect']> = { ok: false, ...common, proxyConnectMs: r.proxyConnectMs ?? null, ms: r.ms, socksFailure: r.failure };
  if (r.failure === 'dns') {
    // socks4/socks5 resolve here: a name that does not resolve is the dns stage's finding, which runs next.
    return { status: 'ok', data: { ...base, connect }, summary: { code: 'proxy.socksResolveFirst', values: { proxy: shown, scheme: r.socks.scheme } } };
  }
  const error = classifyNetworkError(r.error, 'proxy');
  connect.error = r.failure === 'unreachable' ? error : { ...error, code: r.failure === 'auth' ? 'PROXY_AUTH_REQUIRED' : 'PROXY_REJECTED' };
  if (r.failure === 'protocol' && r.proxyConnectMs !== undefined) {
    const speaks = await whatProxySpeaks(proxy.hostname.replace(/^\[|\]$/g, ''), Number(proxy.port) || 1080, ctx.signal, r.socks.scheme.startsWith('socks5') ? 'socks5' : 'unknown');
    if (speaks !== 'unknown') connect.speaks = speaks;
  }
  return { status: 'failed', data: { ...base, connect }, reason: { code: 'proxy.socksFailed', values: { proxy: shown, error: error.message } } };
}
