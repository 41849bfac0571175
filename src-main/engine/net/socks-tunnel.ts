import net from 'node:net';
import { SocksClient, type SocksProxy } from 'socks';
import { connectTcp, timeoutError } from './tcp-connect.js';
import { elapsedMs } from '../elapsed.js';

/**
 * SOCKS proxies, tunnelled for real with the `socks` package (the SOCKS client under npm's and
 * proxy-agents' socks-proxy-agent): we open the TCP connection ourselves so the proxy connect is
 * timed apart from the SOCKS handshake, then hand the socket to the library as `existing_socket`.
 *
 * Who resolves the target's name follows curl's schemes (curl(1), --proxy):
 *  socks4://  and socks5://  — this machine resolves it, the proxy gets an address;
 *  socks4a:// and socks5h:// — the proxy resolves it (the name goes in the request).
 */
export type SocksScheme = 'socks4' | 'socks4a' | 'socks5' | 'socks5h';

export const isSocksUrl = (url: string | null | undefined): boolean => url !== null && url !== undefined && /^socks(4a?|5h?)?:\/\//i.test(url);

export function socksScheme(proxy: URL): SocksScheme {
  const p = proxy.protocol.slice(0, -1).toLowerCase();
  // "socks://" is socks4 in curl's book; Clash and most tools mean SOCKS5 by it, and so do we.
  return p === 'socks4' || p === 'socks4a' || p === 'socks5h' ? p : 'socks5';
}

/** Does the proxy resolve the target's name itself? */
export const remoteDns = (s: SocksScheme): boolean => s === 'socks5h' || s === 'socks4a';

/** What went wrong, in the proxy stage's terms. */
export type SocksFailure =
  /** The proxy could not be reached (TCP to it failed). */
  | 'unreachable'
  /** It wants credentials we did not send, or refused the ones we sent. */
  | 'auth'
  /** It answered the CONNECT request with a refusal reply (reply names the SOCKS reply). */
  | 'rejected'
  /** Resolving the target locally (socks4/socks5) failed: a DNS problem, not the proxy's. */
  | 'dns'
  /** It answered something that is not SOCKS, or closed mid-handshake. */
  | 'protocol';

export interface SocksDetail {
  scheme: SocksScheme;
  /** True when the proxy resolved the name (socks5h / socks4a). */
  remoteDns: boolean;
  /** What the proxy was asked to connect to: a name (remote DNS) or the address we resolved. */
  destination: string;
  /** The SOCKS reply that refused the request ("HostUnreachable", "ConnectionRefused", "Failed"…), or null. */
  reply: string | null;
  /** Local resolution time for socks4/socks5, null when the proxy resolves. */
  dnsMs: number | null;
  /** The SOCKS greeting, authentication and CONNECT, after the TCP connection to the proxy. */
  handshakeMs: number | null;
  sentCredentials: boolean;
}

export type SocksResult =
  | { ok: true; socket: net.Socket; proxyConnectMs: number; tunnelMs: number; socks: SocksDetail }
  | { ok: false; failure: SocksFailure; error: unknown; proxyConnectMs?: number; ms: number; socks: SocksDetail };

/** Resolves a name the way the run does (pins, --dns-server, the system); the connector passes its own. */
export type LocalResolve = (host: string) => Promise<string>;

const defaultResolve: LocalResolve = async (host) => (await import('node:dns')).promises.lookup(host).then((r) => r.address);

/** Reads the library's error text: it has no error codes, only these fixed messages (socks/build/common/constants.js ERRORS). */
function failureOf(message: string): { failure: SocksFailure; reply: string | null } {
  if (/Authentication failed|no accepted authentication type|unknown authentication type/i.test(message)) return { failure: 'auth', reply: null };
  const m = /(?:Socks5 proxy rejected connection - |Socks4 Proxy rejected connection - \()(\w+)/i.exec(message);
  if (m) return { failure: 'rejected', reply: m[1]! };
  return { failure: 'protocol', reply: null };
}

/**
 * Connects to a SOCKS proxy and asks it for a tunnel to host:port. On success the socket is the
 * tunnel, ready for TLS (or plain HTTP). Never throws.
 */
export async function openSocksTunnel(proxyUrl: string, host: string, port: number, signal: AbortSignal, resolve: LocalResolve = defaultResolve): Promise<SocksResult> {
  const t0 = performance.now();
  const proxy = new URL(proxyUrl);
  const scheme = socksScheme(proxy);
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  const sentCredentials = user !== '' || pass !== '';
  const detail: SocksDetail = { scheme, remoteDns: remoteDns(scheme), destination: host, reply: null, dnsMs: null, handshakeMs: null, sentCredentials };

  let destination = host;
  if (!detail.remoteDns && net.isIP(host) === 0) {
    const d0 = performance.now();
    try {
      destination = await resolve(host);
    } catch (error) {
      return { ok: false, failure: 'dns', error, ms: elapsedMs(t0), socks: detail };
    }
    detail.dnsMs = elapsedMs(d0);
    detail.destination = destination;
  }
  // SOCKS4 has no IPv6 and no password: only an address (or a name with 4a) and a user id.
  if ((scheme === 'socks4' || scheme === 'socks4a') && net.isIPv6(destination)) {
    return { ok: false, failure: 'protocol', error: new Error(`SOCKS4 cannot carry the IPv6 address ${destination}`), ms: elapsedMs(t0), socks: detail };
  }

  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  const proxyPort = proxy.port ? Number(proxy.port) : 1080;
  const tcp = await connectTcp(proxyHost, proxyPort, signal);
  if (!tcp.ok) return { ok: false, failure: 'unreachable', error: tcp.error, ms: tcp.ms, socks: detail };

  const settings: SocksProxy = scheme === 'socks4' || scheme === 'socks4a'
    ? { host: proxyHost, port: proxyPort, type: 4, ...(user ? { userId: user } : {}) }
    : { host: proxyHost, port: proxyPort, type: 5, ...(sentCredentials ? { userId: user, password: pass } : {}) };
  const h0 = performance.now();
  const onAbort = () => tcp.socket.destroy(timeoutError(signal));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const { socket } = await SocksClient.createConnection({ proxy: settings, command: 'connect', destination: { host: destination, port }, existing_socket: tcp.socket });
    detail.handshakeMs = elapsedMs(h0);
    return { ok: true, socket, proxyConnectMs: tcp.connectMs, tunnelMs: elapsedMs(t0), socks: detail };
  } catch (error) {
    tcp.socket.destroy();
    detail.handshakeMs = elapsedMs(h0);
    const aborted = signal.aborted;
    const f = aborted ? { failure: 'protocol' as const, reply: null } : failureOf(error instanceof Error ? error.message : String(error));
    detail.reply = f.reply;
    return { ok: false, failure: f.failure, error: aborted ? timeoutError(signal) : error, proxyConnectMs: tcp.connectMs, ms: elapsedMs(t0), socks: detail };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
