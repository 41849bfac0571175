import net from 'node:net';
import tls from 'node:tls';
import type { ClientId } from '../../common/clients.js';
import type { FindingCode } from '../../common/codes.js';
import { classifyNetworkError } from '../classify.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { peerChain } from '../net/cert-chain.js';
import { openTunnel } from '../net/proxy-tunnel.js';
import { isSocksUrl, openSocksTunnel, type SocksFailure } from '../net/socks-tunnel.js';
import { connectTcp } from '../net/tcp-connect.js';
import { routeKey, type ClientRoute, type Route } from '../clients/routes.js';
import { proxyChoiceFor, routesFor, runClient } from '../clients/choice.js';
import { handshake } from './tls.js';
import { targetHost, targetPort } from '../net/address.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import { elapsedMs } from '../elapsed.js';

/** One way out, measured up to the TLS handshake (no request, no credential sent on it). */
export interface PathFact {
  route: Route;
  /** null: not measured (a SOCKS proxy: not tunnelled by this probe). */
  ok: boolean | null;
  /** Where it stopped. */
  stage: 'dns' | 'proxy' | 'tcp' | 'tls' | null;
  code: FindingCode | null;
  errno: string | null;
  message: string | null;
  ms: number;
  /** The chain the server (or an intercepting proxy) presented on this path. */
  chainPem: string[];
  hostnameError: string | null;
}

export interface PathsProbeData {
  routes: Record<ClientId, ClientRoute>;
  /** Keyed by routeKey: "direct" or the proxy URL. Empty when every client takes one and the same route. */
  paths: Record<string, PathFact>;
  nodeVersion: string;
  systemPac: string | null;
  boundMs: number;
}

export const PATHS_PROBE_ID = 'paths';
/**
 * The second path is a fact for the matrix, not the user's call: a few seconds tell "blocked" from
 * "works" without making every run behind a dropping firewall wait the full per-phase budget.
 */
export const SECOND_PATH_MS = 5_000;
const MAX_PATHS = 4;
/** What a SOCKS refusal means, in the proxy stage's codes (as the proxy probe names them). */
const SOCKS_CODES: Record<SocksFailure, FindingCode> = { unreachable: 'PROXY_UNREACHABLE', auth: 'PROXY_AUTH_REQUIRED', rejected: 'PROXY_REJECTED', dns: 'DNS_NXDOMAIN', protocol: 'PROXY_SCHEME_MISMATCH' };

/**
 * Measures every way out the clients of the matrix would take (direct, the environment's proxy, the
 * OS proxy), each bounded, when they do not all take the same one: the facts behind "curl works,
 * my SDK fails". Always `ok`: a failed path is data, not a failure of this probe.
 */
export const pathsProbe: Probe<PathsProbeData> = {
  id: PATHS_PROBE_ID,
  stage: 'proxy',
  dependsOn: [PROBE_IDS.environment],
  budgetMs: (req) => Math.min(req.timeoutMs, SECOND_PATH_MS) + 500,
  async run(ctx) {
    const { routes, systemPac } = await routesFor(ctx.platform.env, ctx.target, (u) => ctx.platform.resolveSystemProxy(u));
    const boundMs = Math.min(ctx.request.timeoutMs, SECOND_PATH_MS);
    const distinct = new Map<string, Route>();
    for (const cr of Object.values(routes)) {
      if (cr.route) distinct.set(routeKey(cr.route), cr.route);
      if (cr.ignored) distinct.set(cr.ignored.url, { kind: 'proxy', url: cr.ignored.url, source: cr.ignored.source });
    }
    const data: PathsProbeData = { routes, paths: {}, nodeVersion: process.versions.node, systemPac, boundMs };
    // One way out for everyone: the engine's own probes are the facts, nothing more to measure.
    if (distinct.size <= 1 && ctx.request.proxy === undefined) return { status: 'ok', data, summary: { code: 'paths.sameRoute' } };
    for (const r of distinct.values()) if (r.kind === 'proxy') registerProxySecrets(ctx, r.url);
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(boundMs)]);
    // The engine's own probes measure its route (further than this probe would); only the run's
    // client's proxy rule (rules/client-proxy.ts: --client, or curl by default, when it ignores a
    // proxy) needs both ways here, at the end of the proxy stage.
    const own = await proxyChoiceFor(ctx.request, ctx.platform.env, ctx.target, (u) => ctx.platform.resolveSystemProxy(u)).catch(() => null);
    const mainKey = own ? (own.proxyUrl ?? 'direct') : null;
    const bothWays = ctx.request.client !== undefined || (ctx.request.proxy === undefined && routes[runClient(ctx.request)].ignored !== null);
    // --proxy / --no-proxy: the user said how this run may leave the machine; no other proxy is contacted.
    const list = [...distinct.values()]
      .filter((r) => bothWays || routeKey(r) !== mainKey)
      // When a proxy applies, the other way is direct; other proxies are tried only when none applies
      // (an OS proxy the environment lacks). So a proxy the run was told to bypass is never contacted.
      .filter((r) => r.kind === 'direct' || routeKey(r) === mainKey || (mainKey === 'direct' && ctx.request.proxy === undefined))
      .slice(0, MAX_PATHS);
    const facts = await Promise.all(list.map((r) => measure(r, ctx, signal)));
    for (const f of facts) data.paths[routeKey(f.route)] = f;
    const items: ProbeText[] = facts.map((f) => ({ code: 'paths.item', values: { route: f.route.kind === 'direct' ? 'direct' : 'proxy', outcome: f.ok === null ? 'not-measured' : f.ok ? 'ok' : (f.code ?? f.errno ?? 'failed') } }));
    const summary: ProbeText = { code: 'paths.summary', values: { items } };
    return { status: 'ok', data, summary };
  },
};

function registerProxySecrets(ctx: ProbeContext, url: string): void {
  try {
    const u = new URL(url);
    if (u.password) {
      ctx.redactor.add(u.password);
      ctx.redactor.add(decodeURIComponent(u.password));
    }
  } catch {
    // not a URL: nothing to hide
  }
}

const fail = (route: Route, stage: PathFact['stage'], err: unknown, phase: 'dns' | 'proxy' | 'tcp' | 'tls', ms: number, fallback: FindingCode | null): PathFact => {
  const c = classifyNetworkError(err, phase);
  return { route, ok: false, stage, code: c.code ?? fallback, errno: c.errno, message: c.message, ms, chainPem: [], hostnameError: null };
};

async function measure(route: Route, ctx: ProbeContext, signal: AbortSignal): Promise<PathFact> {
  const t0 = performance.now();
  const host = targetHost(ctx.target);
  const port = targetPort(ctx.target);
  let socket: net.Socket;
  if (route.kind === 'direct') {
    const pinned = ctx.request.resolve.find((r) => r.host.toLowerCase() === host.toLowerCase() && r.port === port)?.address;
    const r = await connectTcp(pinned ?? host, port, signal);
    if (!r.ok) {
      // Only a name lookup can fail in DNS: a pinned address or an IP, or a refused connect (syscall "connect"), is TCP.
      const dnsErr = classifyNetworkError(r.error, 'dns');
      const connectFailed = (r.error as NodeJS.ErrnoException).syscall === 'connect' || pinned !== undefined || net.isIP(host) !== 0;
      const isDns = !connectFailed && dnsErr.code !== null && dnsErr.code.startsWith('DNS_');
      return fail(route, isDns ? 'dns' : 'tcp', r.error, isDns ? 'dns' : 'tcp', elapsedMs(t0), 'TCP_UNREACHABLE');
    }
    socket = r.socket;
  } else {
    const scheme = new URL(route.url).protocol;
    if (isSocksUrl(route.url)) {
      const t = await openSocksTunnel(route.url, host, port, signal);
      if (!t.ok) {
        const code: FindingCode = SOCKS_CODES[t.failure];
        return { route, ok: false, stage: t.failure === 'dns' ? 'dns' : 'proxy', code, errno: classifyNetworkError(t.error, 'proxy').errno, message: t.socks.reply ?? classifyNetworkError(t.error, 'proxy').message, ms: t.ms, chainPem: [], hostnameError: null };
      }
      socket = t.socket;
      return finish(route, ctx, socket, host, signal, t0);
    }
    if (scheme !== 'http:' && scheme !== 'https:') return { route, ok: null, stage: null, code: null, errno: null, message: `${scheme.slice(0, -1)} proxies are not measured on the second path`, ms: 0, chainPem: [], hostnameError: null };
    const t = await openTunnel(route.url, host, port, signal);
    if (!t.ok) {
      if (t.answer) {
        const code: FindingCode = t.answer.status === 407 ? 'PROXY_AUTH_REQUIRED' : 'PROXY_REJECTED';
        return { route, ok: false, stage: 'proxy', code, errno: null, message: `proxy answered CONNECT with ${t.answer.status} ${t.answer.statusText}`.trim(), ms: t.ms, chainPem: [], hostnameError: null };
      }
      return fail(route, 'proxy', t.error, t.stage === 'connect' ? 'proxy' : 'tcp', t.ms, 'PROXY_UNREACHABLE');
    }
    socket = t.socket;
  }
  return finish(route, ctx, socket, host, signal, t0);
}

/** The TLS handshake on an open way out (none for http://): the chain this client would be shown. */
async function finish(route: Route, ctx: ProbeContext, socket: net.Socket, host: string, signal: AbortSignal, t0: number): Promise<PathFact> {
  if (ctx.target.protocol !== 'https:') {
    socket.destroy();
    return { route, ok: true, stage: null, code: null, errno: null, message: null, ms: elapsedMs(t0), chainPem: [], hostnameError: null };
  }
  const hs = await handshake(socket, net.isIP(host) ? null : host, undefined, signal);
  if (!hs.ok) return fail(route, 'tls', hs.error, 'tls', elapsedMs(t0), 'TLS_PROTOCOL_ERROR');
  const { x509 } = peerChain(hs.socket.getPeerCertificate(true));
  const leaf = hs.socket.getPeerCertificate();
  hs.socket.destroy();
  const idErr = leaf && Object.keys(leaf).length > 0 ? tls.checkServerIdentity(host, leaf) : undefined;
  return { route, ok: true, stage: null, code: null, errno: null, message: null, ms: elapsedMs(t0), chainPem: x509.map((x) => x.toString()), hostnameError: idErr ? idErr.message : null };
}
