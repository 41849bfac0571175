import tls from 'node:tls';
import { connectTcp } from './tcp-connect.js';
import { peekPlaintext } from './peek.js';

/** What a proxy port actually speaks, found by asking it in each language in turn. */
export type ProxySpeaks = 'http' | 'tls' | 'socks5' | 'unknown';

/** Each question gets at most this long: a wrong-language port either answers at once or never. */
const ASK_MS = 1_500;

const bounded = (signal: AbortSignal, ms: number) => AbortSignal.any([signal, AbortSignal.timeout(ms)]);

/** Does the port complete a TLS handshake (any certificate: we only ask whether it speaks TLS)? */
export async function speaksTls(host: string, port: number, signal: AbortSignal): Promise<boolean> {
  const s = bounded(signal, ASK_MS);
  const tcp = await connectTcp(host, port, s);
  if (!tcp.ok) return false;
  return new Promise((resolve) => {
    // rejectUnauthorized: false is safe here: nothing is sent over this connection, it is closed at once.
    const t = tls.connect({ socket: tcp.socket, rejectUnauthorized: false, ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }) });
    const done = (v: boolean) => {
      s.removeEventListener('abort', onAbort);
      t.destroy();
      tcp.socket.destroy();
      resolve(v);
    };
    const onAbort = () => done(false);
    s.addEventListener('abort', onAbort, { once: true });
    t.once('secureConnect', () => done(true));
    t.once('error', () => done(false));
    t.once('close', () => done(false));
  });
}

/** Does the port answer a SOCKS5 greeting (version 5, "no authentication" offered) with a SOCKS5 reply? */
export async function speaksSocks5(host: string, port: number, signal: AbortSignal): Promise<boolean> {
  const s = bounded(signal, ASK_MS);
  const tcp = await connectTcp(host, port, s);
  if (!tcp.ok) return false;
  return new Promise((resolve) => {
    const done = (v: boolean) => {
      s.removeEventListener('abort', onAbort);
      tcp.socket.destroy();
      resolve(v);
    };
    const onAbort = () => done(false);
    s.addEventListener('abort', onAbort, { once: true });
    // RFC 1928 §3: VER 5, one method, 0x00 (none) and 0x02 (username/password); the reply is VER 5 and the chosen method.
    tcp.socket.once('data', (b: Buffer) => done(b.length >= 2 && b[0] === 0x05 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0xff)));
    tcp.socket.once('end', () => done(false));
    tcp.socket.once('close', () => done(false));
    tcp.socket.write(Buffer.from([0x05, 0x02, 0x00, 0x02]));
  });
}

/**
 * What the proxy port speaks when the scheme in its URL did not work. Asks in the order the
 * common mistakes need: plain HTTP first (an https:// URL for a plain proxy: the Clash for Windows
 * classic), then TLS, then SOCKS5 (a mixed port given the wrong scheme).
 */
export async function whatProxySpeaks(host: string, port: number, signal: AbortSignal, except: ProxySpeaks): Promise<ProxySpeaks> {
  if (except !== 'http') {
    const first = await peekPlaintext(host, port, host, signal, ASK_MS);
    if (first !== null && /^HTTP\/\d/.test(first)) return 'http';
  }
  if (except !== 'tls' && (await speaksTls(host, port, signal))) return 'tls';
  if (except !== 'socks5' && (await speaksSocks5(host, port, signal))) return 'socks5';
  return 'unknown';
}

/** The proxy URL with the scheme that port speaks. */
export function correctedProxyUrl(shown: string, speaks: ProxySpeaks): string | null {
  const scheme = speaks === 'http' ? 'http' : speaks === 'tls' ? 'https' : speaks === 'socks5' ? 'socks5h' : null;
  return scheme === null ? null : shown.replace(/^[a-z0-9+.-]+:/i, `${scheme}:`);
}
