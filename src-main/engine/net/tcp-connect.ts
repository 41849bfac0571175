import net from 'node:net';
import { elapsedMs } from '../elapsed.js';

export type TcpAttempt =
  | { ok: true; socket: net.Socket; connectMs: number }
  | { ok: false; error: unknown; ms: number };


/**
 * Opens one TCP connection to one address and measures it. Never throws: an abort (budget or
 * cancel) comes back as an `ETIMEDOUT`-coded failure so the classifier calls it a timeout.
 */
export function connectTcp(host: string, port: number, signal: AbortSignal, family?: 4 | 6): Promise<TcpAttempt> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    if (signal.aborted) return resolve({ ok: false, error: timeoutError(signal), ms: 0 });
    const socket = net.connect({ host, port, ...(family ? { family } : {}), noDelay: true });
    let done = false;
    const finish = (r: TcpAttempt) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      resolve(r);
    };
    const onAbort = () => {
      socket.destroy();
      finish({ ok: false, error: timeoutError(signal), ms: elapsedMs(t0) });
    };
    const onError = (error: Error) => {
      socket.destroy();
      finish({ ok: false, error, ms: elapsedMs(t0) });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('connect', () => {
      // Errors after this point belong to whoever uses the socket; keep one listener so none is unhandled.
      socket.on('error', () => {});
      finish({ ok: true, socket, connectMs: elapsedMs(t0) });
    });
  });
}

/** An error that says "we gave up waiting" in the words the classifier knows. */
export function timeoutError(signal: AbortSignal): Error {
  const e = new Error(signal.reason instanceof Error ? signal.reason.message : 'timed out') as Error & { code: string };
  e.code = 'ETIMEDOUT';
  return e;
}
