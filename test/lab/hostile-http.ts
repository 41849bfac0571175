import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { listen, type LabServer } from './net-servers.js';

/**
 * Hostile HTTP/1.1 servers on loopback (plain http: the bytes are exactly what we write). Each
 * one is bounded on its own side too (a cap on what it sends), so a client that never stops
 * reading cannot keep a test running forever, and counts what it sent so tests can prove the
 * client stopped early.
 */
export interface HostileServer extends LabServer {
  /** Bytes written to clients so far. */
  sent(): number;
  /** Connections accepted so far. */
  connections(): number;
}

/** Runs `respond` for each request (after the request head arrives) on a raw socket. */
async function rawServer(respond: (socket: net.Socket, count: (n: number) => void) => void, host = '127.0.0.1'): Promise<HostileServer> {
  let sent = 0;
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      // Keep reading (and discarding) so a request body never blocks the client.
      socket.on('data', () => {});
      respond(socket, (n) => (sent += n));
    };
    socket.on('data', onData);
  });
  const s = await listen(server, host);
  return { ...s, sent: () => sent, connections: () => connections };
}

/** Writes `next()` chunks while the client reads, until `next` returns null or the socket closes. */
function pump(socket: net.Socket, count: (n: number) => void, next: () => Buffer | null): void {
  const go = () => {
    while (!socket.destroyed) {
      const chunk = next();
      if (chunk === null) return void socket.end();
      count(chunk.length);
      if (!socket.write(chunk)) return void socket.once('drain', go);
    }
  };
  socket.on('error', () => {});
  go();
}

/** Server-side ceiling for the endless servers: far above any client cap, far below memory trouble. */
const SERVER_CAP = 512 * 1024 * 1024;

/** A status line, then header lines forever (each 1 KB), never the blank line that ends them. */
export const startEndlessHeadersServer = (host?: string) =>
  rawServer((socket, count) => {
    let total = 0;
    let i = 0;
    const filler = 'x'.repeat(1000);
    socket.write('HTTP/1.1 200 OK\r\n');
    pump(socket, count, () => {
      if (total > SERVER_CAP) return null;
      const line = Buffer.from(`X-Filler-${i++}: ${filler}\r\n`, 'latin1');
      total += line.length;
      return line;
    });
  }, host);

/** Announces a 2 GB JSON body and streams it lazily from one reused 64 KB buffer. */
export const TWO_GB = 2 * 1024 ** 3;
export const startHugeBodyServer = (host?: string) =>
  rawServer((socket, count) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace, forever
    let total = 0;
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${TWO_GB}\r\n\r\n[`);
    pump(socket, count, () => {
      if (total >= Math.min(TWO_GB, SERVER_CAP)) return null;
      total += chunk.length;
      return chunk;
    });
  }, host);

/**
 * A gzip bomb: 64 concatenated gzip members of 16 MB of spaces each, ~1 GB decoded from about
 * 1 MB on the wire (concatenated members are one valid gzip stream).
 */
export const GZIP_BOMB_DECODED = 64 * 16 * 1024 * 1024;
let bombMember: Buffer | null = null;
export const startGzipBombServer = (host?: string) =>
  rawServer((socket, count) => {
    bombMember ??= gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20), { level: 9 });
    const member = bombMember;
    let left = 64;
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${member.length * 64}\r\n\r\n`);
    pump(socket, count, () => (left-- > 0 ? member : null));
  }, host);

/** Redirects every request to `location` (file:, javascript:, data: …). */
export const startRedirectServer = (location: string, host?: string) =>
  rawServer((socket, count) => {
    const res = Buffer.from(`HTTP/1.1 302 Found\r\nLocation: ${location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1');
    count(res.length);
    socket.end(res);
  }, host);

/**
 * Control characters where a careless client would print them. `header`: ESC sequences in a
 * response header value (invalid HTTP; a strict parser refuses the response). `message`: a
 * well-formed 400 whose JSON error message (quoted back to the user by the report) tries to
 * retitle the terminal, clear the screen and forge a line.
 */
export const TERMINAL_ATTACK = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m';
export const startControlCharsServer = (where: 'header' | 'message', host?: string) =>
  rawServer((socket, count) => {
    const body = JSON.stringify({ error: { message: `${TERMINAL_ATTACK}bad request\r\nX-Injected: yes`, type: 'invalid_request_error' } });
    const evil = where === 'header' ? `X-Evil: ${TERMINAL_ATTACK.replaceAll('\u0007', '')}\r\n` : '';
    const res = Buffer.from(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n${evil}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      'latin1',
    );
    count(res.length);
    socket.end(res);
  }, host);
