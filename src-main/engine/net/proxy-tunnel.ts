import type net from 'node:net';
import tls from 'node:tls';
import { connectTcp, timeoutError } from './tcp-connect.js';
import { elapsedMs } from '../elapsed.js';

export interface TunnelAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
}

export type TunnelResult =
  | { ok: true; socket: net.Socket; proxyConnectMs: number; tunnelMs: number; answer: TunnelAnswer }
  /** `stage: 'connect'`: the proxy itself could not be reached; `'answer'`: it answered CONNECT with non-2xx. */
  | { ok: false; stage: 'connect' | 'answer'; error?: unknown; answer?: TunnelAnswer; proxyConnectMs?: number; ms: number };

/** Enough for any sane CONNECT answer; a proxy sending more is answering something else. */
const MAX_HEAD_BYTES = 16 * 1024;

/** Basic credentials from a proxy URL's user-info (percent-decoded), or null. */
export function proxyAuthorization(proxy: URL): string | null {
  if (!proxy.username && !proxy.password) return null;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

/**
 * Connects to an HTTP(S) proxy and asks it for a tunnel to host:port with CONNECT. On 2xx the
 * socket is the tunnel, ready for TLS. Never throws.
 */
export async function openTunnel(proxyUrl: string, host: string, port: number, signal: AbortSignal, ca?: string[]): Promise<TunnelResult> {
  const t0 = performance.now();
  const proxy = new URL(proxyUrl);
  const opened = await proxySocket(proxy, signal, ca, t0);
  if (!opened.ok) return opened;
  const { socket } = opened;
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const auth = proxyAuthorization(proxy);
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nUser-Agent: api-doctor\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  return finishHead(socket, opened.connectMs, t0, signal);
}

/**
 * Asks an HTTP proxy for a plain http:// URL the way every client does: the request line in
 * absolute form (`HEAD http://host/path HTTP/1.1`), no CONNECT (stock squid refuses CONNECT to
 * ports other than 443). HEAD, without the API's credentials: only the proxy's own answer matters.
 * On success `socket` is closed by the caller. Never throws.
 */
export async function askProxyAbsolute(proxyUrl: string, target: URL, signal: AbortSignal, ca?: string[]): Promise<TunnelResult> {
  const t0 = performance.now();
  const proxy = new URL(proxyUrl);
  const opened = await proxySocket(proxy, signal, ca, t0);
  if (!opened.ok) return opened;
  const { socket, connectMs } = opened;
  const auth = proxyAuthorization(proxy);
  const abs = new URL(target.href);
  abs.hash = '';
  abs.username = '';
  abs.password = '';
  socket.write(`HEAD ${abs.href} HTTP/1.1\r\nHost: ${abs.host}\r\nUser-Agent: api-doctor\r\nConnection: close\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  return finishHead(socket, connectMs, t0, signal);
}

async function proxySocket(proxy: URL, signal: AbortSignal, ca: string[] | undefined, t0: number): Promise<{ ok: true; socket: net.Socket; connectMs: number } | Extract<TunnelResult, { ok: false }>> {
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  const proxyPort = proxy.port ? Number(proxy.port) : proxy.protocol === 'https:' ? 443 : 80;
  const tcp = await connectTcp(proxyHost, proxyPort, signal);
  if (!tcp.ok) return { ok: false, stage: 'connect', error: tcp.error, ms: tcp.ms };
  if (proxy.protocol !== 'https:') return { ok: true, socket: tcp.socket, connectMs: tcp.connectMs };
  try {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      // rejectUnauthorized spelled out: Node's default follows NODE_TLS_REJECT_UNAUTHORIZED, and the doctor always verifies.
      const s = tls.connect({ socket: tcp.socket, servername: proxyHost, rejectUnauthorized: true, ...(ca ? { ca } : {}) });
      s.once('secureConnect', () => resolve(s));
      s.once('error', reject);
      signal.addEventListener('abort', () => reject(timeoutError(signal)), { once: true });
    });
    return { ok: true, socket, connectMs: tcp.connectMs };
  } catch (error) {
    tcp.socket.destroy();
    return { ok: false, stage: 'connect', error, proxyConnectMs: tcp.connectMs, ms: elapsedMs(t0) };
  }
}

async function finishHead(socket: net.Socket, connectMs: number, t0: number, signal: AbortSignal): Promise<TunnelResult> {
  const head = await readHead(socket, signal);
  if ('error' in head) {
    socket.destroy();
    return { ok: false, stage: 'answer', error: head.error, proxyConnectMs: connectMs, ms: elapsedMs(t0) };
  }
  const answer = head.answer;
  if (answer.status < 200 || answer.status > 299) {
    socket.destroy();
    return { ok: false, stage: 'answer', answer, proxyConnectMs: connectMs, ms: elapsedMs(t0) };
  }
  if (head.rest.length > 0) socket.unshift(head.rest);
  return { ok: true, socket, proxyConnectMs: connectMs, tunnelMs: elapsedMs(t0), answer };
}

function readHead(socket: net.Socket, signal: AbortSignal): Promise<{ answer: TunnelAnswer; rest: Buffer } | { error: unknown }> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    const done = (r: { answer: TunnelAnswer; rest: Buffer } | { error: unknown }) => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
      signal.removeEventListener('abort', onAbort);
      socket.pause();
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buf.length > MAX_HEAD_BYTES) done({ error: new Error('the proxy sent an over-long answer') });
        return;
      }
      const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
      const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(lines[0] ?? '');
      if (!m) return done({ error: new Error(`the proxy answered "${(lines[0] ?? '').slice(0, 80)}"`) });
      const headers: Record<string, string> = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        if (i > 0) {
          const k = l.slice(0, i).trim().toLowerCase();
          headers[k] = headers[k] ? `${headers[k]}, ${l.slice(i + 1).trim()}` : l.slice(i + 1).trim();
        }
      }
      done({ answer: { status: Number(m[1]), statusText: m[2] ?? '', headers }, rest: buf.subarray(end + 4) });
    };
    const onError = (error: Error) => done({ error });
    const onEnd = () => done({ error: Object.assign(new Error('the proxy closed the connection without answering'), { code: 'ECONNRESET' }) });
    const onAbort = () => done({ error: timeoutError(signal) });
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('end', onEnd);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

