import net from 'node:net';
import { listen } from './net-servers.js';
import type { HostileServer } from './hostile-http.js';

/**
 * An SSE endpoint that never ends: 200 text/event-stream, then one chat-completion delta every
 * `everyMs`, never a `[DONE]`, never a close. Any request gets the stream (the probe of a
 * streamed call and the plain GET alike). It stops on its own after `maxMs` so a client that
 * never gives up cannot keep a test alive.
 */
export async function startEndlessSseServer(everyMs = 50, maxMs = 60_000, host = '127.0.0.1'): Promise<HostileServer> {
  let sent = 0;
  let connections = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = net.createServer((socket) => {
    connections++;
    socket.on('error', () => {});
    socket.once('data', () => {
      socket.on('data', () => {});
      const head = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n';
      socket.write(head);
      sent += head.length;
      const started = Date.now();
      let n = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || Date.now() - started > maxMs) {
          clearInterval(timer);
          timers.delete(timer);
          socket.destroy();
          return;
        }
        const event = `data: {"id":"c${n}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"tick ${n++} "}}]}\n\n`;
        const chunk = `${Buffer.byteLength(event).toString(16)}\r\n${event}\r\n`;
        sent += chunk.length;
        socket.write(chunk);
      }, everyMs);
      timers.add(timer);
      socket.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
  });
  const s = await listen(server, host);
  return {
    ...s,
    sent: () => sent,
    connections: () => connections,
    close: async () => {
      for (const t of timers) clearInterval(t);
      timers.clear();
      await s.close();
    },
  };
}
