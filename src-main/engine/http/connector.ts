import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import type buildConnector from 'undici/types/connector.js';
import type { DiagnosisRequest } from '../../common/request.js';
import { connectTcp } from '../net/tcp-connect.js';
import { openTunnel } from '../net/proxy-tunnel.js';
import { secureContextFor } from '../net/trust.js';
import { isSocksUrl, openSocksTunnel } from '../net/socks-tunnel.js';
import type { NetPhase } from '../classify.js';
import { elapsedMs } from '../elapsed.js';

/** What one connection cost, phase by phase; null where a phase did not happen (IP literal, plain http). */
export interface ConnectionTimes {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  remoteAddress: string | null;
  /** performance.now() when the socket was ready for the request. */
  readyAt: number | null;
  /** The socket handed to undici (to recognise this exchange in undici's diagnostics events). */
  socket: net.Socket | null;
  /** performance.now() when undici asked for the connection. */
  startedAt: number | null;
  /** Set when connecting failed: in which phase, and the error. */
  failure: { phase: NetPhase; error: unknown } | null;
  /** Whether the server certificate was verified (always true when TLS succeeded: we never skip verification). */
  tlsAuthorized: boolean | null;
  alpn: string | null;
  /** An error the TLS socket raised after the handshake (a late alert), if any. */
  lateError?: unknown;
}

export interface ConnectorOptions {
  pins: DiagnosisRequest['resolve'];
  dnsServers: string[];
  ca: string[] | undefined;
  /** An HTTP(S) proxy to tunnel https through with CONNECT (plain http is sent to an HTTP proxy in absolute form instead: exchange.ts), or a SOCKS proxy for both. */
  proxyUrl: string | null;
  signal: AbortSignal;
  timeoutMs: number;
}


export const emptyTimes = (): ConnectionTimes => ({
  dnsMs: null,
  connectMs: null,
  tlsMs: null,
  remoteAddress: null,
  readyAt: null,
  socket: null,
  startedAt: null,
  failure: null,
  tlsAuthorized: null,
  alpn: null,
});

export async function resolveHost(host: string, port: number, o: Pick<ConnectorOptions, 'pins' | 'dnsServers' | 'timeoutMs'>): Promise<string> {
  const pin = o.pins.find((p) => p.host === host.toLowerCase() && p.port === port);
  if (pin) return pin.address;
  if (o.dnsServers.length > 0) {
    const r = new dns.promises.Resolver({ timeout: o.timeoutMs, tries: 1 });
    r.setServers(o.dnsServers);
    const v4 = await r.resolve4(host).catch(() => [] as string[]);
    if (v4[0]) return v4[0];
    const v6 = await r.resolve6(host);
    if (v6[0]) return v6[0];
    throw Object.assign(new Error(`no address for ${host}`), { code: 'ENODATA' });
  }
  const { address } = await dns.promises.lookup(host);
  return address;
}

/**
 * An undici connector that does DNS, TCP and TLS itself, so each phase of this one connection
 * is measured (the agent is fresh per exchange: a pooled socket would hide them). The server
 * certificate is always verified: a secret never goes over a connection that failed it.
 */
export function timedConnector(o: ConnectorOptions, times: ConnectionTimes): buildConnector.connector {
  return (opts, callback) => {
    times.startedAt = performance.now();
    const signal = AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]);
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    let settled = false;
    const fail = (phase: NetPhase, error: unknown) => {
      // Only a failure while connecting is a connect-phase failure; later errors belong to undici.
      if (settled) return;
      settled = true;
      times.failure = { phase, error };
      callback(error instanceof Error ? error : new Error(String(error)), null);
    };
    const ready = (socket: net.Socket) => {
      if (settled) return void socket.destroy();
      settled = true;
      times.readyAt = performance.now();
      times.socket = socket;
      callback(null, socket);
    };
    void (async () => {
      let socket: net.Socket;
      if (o.proxyUrl && isSocksUrl(o.proxyUrl)) {
        const t = await openSocksTunnel(o.proxyUrl, host, port, signal, (h) => resolveHost(h, port, o));
        if (!t.ok) return fail(t.failure === 'dns' ? 'dns' : 'proxy', t.error);
        times.dnsMs = t.socks.dnsMs;
        times.connectMs = Math.round((t.tunnelMs - (t.socks.dnsMs ?? 0)) * 10) / 10;
        socket = t.socket;
      } else if (o.proxyUrl) {
        const t = await openTunnel(o.proxyUrl, host, port, signal, o.ca);
        if (!t.ok) return fail('proxy', t.error ?? new Error(`proxy answered ${t.answer?.status ?? '?'} to CONNECT`));
        times.connectMs = elapsedMs(times.startedAt!);
        socket = t.socket;
      } else {
        let address = host;
        if (!net.isIP(host)) {
          const t0 = performance.now();
          try {
            address = await resolveHost(host, port, o);
          } catch (e) {
            return fail('dns', e);
          }
          times.dnsMs = elapsedMs(t0);
        }
        const tcp = await connectTcp(address, port, signal);
        if (!tcp.ok) return fail('tcp', tcp.error);
        times.connectMs = tcp.connectMs;
        times.remoteAddress = address;
        socket = tcp.socket;
      }
      if (opts.protocol !== 'https:') return ready(socket);
      // One shared context per CA set (trust.ts): building it parses every root, which is not the handshake.
      const secureContext = o.ca ? secureContextFor(o.ca) : undefined;
      const t0 = performance.now();
      const servername = net.isIP(host) ? undefined : host;
      const secure = tls.connect({ socket, ...(servername ? { servername } : {}), ...(secureContext ? { secureContext } : {}), ALPNProtocols: ['http/1.1'], rejectUnauthorized: true });
      const onAbort = () => secure.destroy(Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' }));
      signal.addEventListener('abort', onAbort, { once: true });
      const onError = (e: Error) => {
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        fail('tls', e);
      };
      secure.once('error', onError);
      secure.once('secureConnect', () => {
        signal.removeEventListener('abort', onAbort);
        // From here on errors (a headers timeout, a reset) are the exchange's, not the handshake's.
        secure.removeListener('error', onError);
        // undici attaches its own handler but reports only "other side closed"; keep the TLS error
        // itself: TLS 1.3's certificate_required alert arrives here, after the handshake "succeeded".
        secure.on('error', (e) => (times.lateError ??= e));
        times.tlsMs = elapsedMs(t0);
        times.tlsAuthorized = secure.authorized;
        times.alpn = secure.alpnProtocol || null;
        ready(secure);
      });
    })();
  };
}
