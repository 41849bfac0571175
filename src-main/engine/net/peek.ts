import { connectTcp } from './tcp-connect.js';

/** Long enough for a banner or an HTTP status line, short enough to show. */
const PEEK_BYTES = 64;
/** Servers that speak first (SSH, SMTP) do so at once; otherwise we ask an HTTP question. */
const BANNER_WAIT_MS = 300;

/**
 * What a port says when it is not speaking TLS: connect, wait briefly for a banner, else send a
 * minimal HTTP request and return the first bytes of the answer (printable, one line). Null when
 * nothing came.
 */
export async function peekPlaintext(address: string, port: number, host: string, signal: AbortSignal, capMs: number): Promise<string | null> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), capMs);
  const onAbort = () => ctrl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const r = await connectTcp(address, port, ctrl.signal);
    if (!r.ok) return null;
    const s = r.socket;
    return await new Promise<string | null>((resolve) => {
      let buf = Buffer.alloc(0);
      const finish = () => {
        s.destroy();
        clearTimeout(ask);
        resolve(buf.length > 0 ? printable(buf.subarray(0, PEEK_BYTES)) : null);
      };
      const ask = setTimeout(() => s.write(`HEAD / HTTP/1.0\r\nHost: ${host}\r\nUser-Agent: api-doctor\r\n\r\n`), BANNER_WAIT_MS);
      s.on('data', (c: Buffer) => {
        buf = Buffer.concat([buf, c]);
        if (buf.length >= PEEK_BYTES || buf.includes('\n')) finish();
      });
      s.once('end', finish);
      s.once('close', finish);
      ctrl.signal.addEventListener('abort', finish, { once: true });
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

const printable = (b: Buffer): string =>
  b
    .toString('latin1')
    .split(/\r?\n/)[0]!
    .replace(/[^\x20-\x7e]/g, '.');
