/**
 * The API behind the real proxies and gateways: a small loopback Node server (the peers in front
 * of it are what must be real). Routes:
 *   GET  /v1/models                      200 JSON
 *   POST /v1/chat/completions[/]         200 JSON, or an SSE stream when the body says "stream": true
 *   GET  /v1/chat/completions[/]         405 (Allow: POST), as real APIs answer a GET there
 *   POST /v1/chat/completions?accel=no   the stream with X-Accel-Buffering: no
 *   GET  /hang                           headers never come
 */
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type net from 'node:net';

export interface Upstream {
  port: number;
  url: (path: string) => string;
  /** Requests seen: "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
}

/** The stream: SSE_EVENTS chunks SSE_GAP_MS apart, then [DONE] (long enough for buffering to show). */
export const SSE_EVENTS = 8;
export const SSE_GAP_MS = 120;

function handler(seen: string[]): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (url.pathname === '/hang') return; // never answers
      if (url.pathname === '/v1/models' && req.method === 'GET') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'peer-model', object: 'model' }] }));
      }
      if (url.pathname.replace(/\/$/, '') === '/v1/chat/completions') {
        if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `Method ${req.method} not allowed`, type: 'invalid_request_error' } }));
        if (/"stream"\s*:\s*true/.test(body)) return stream(res, url.searchParams.get('accel') === 'no');
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] }));
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
    });
  };
}

function stream(res: http.ServerResponse, accelNo: boolean) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...(accelNo ? { 'x-accel-buffering': 'no' } : {}) });
  let i = 0;
  const tick = () => {
    if (res.destroyed) return;
    if (i < SSE_EVENTS) {
      res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: `t${i}` } }] })}\n\n`);
      i++;
      setTimeout(tick, SSE_GAP_MS);
    } else res.end('data: [DONE]\n\n');
  };
  tick();
}

export async function startUpstream(tls?: { cert: string; key: string }): Promise<Upstream> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = tls ? https.createServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, handler(seen)) : http.createServer(handler(seen));
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    seen,
    url: (p) => `${tls ? 'https' : 'http'}://127.0.0.1:${port}${p}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
