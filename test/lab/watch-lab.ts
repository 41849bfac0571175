import http from 'node:http';
import { listen, type LabServer } from './net-servers.js';

/** What the watch lab does for the n-th request (1-based) to a path. */
export interface Behaviour {
  status?: number;
  /** Hold the answer this long. */
  delayMs?: number;
  /** Never answer (headers timeout). */
  hang?: boolean;
  headers?: http.OutgoingHttpHeaders;
  body?: string;
}

export interface Hit {
  /** Date.now() when the request arrived and when the answer ended (null: never answered). */
  start: number;
  end: number | null;
}

export interface WatchLab {
  server: LabServer;
  url(path: string): string;
  /** Every request per path, with arrival and completion times (overlap checks). */
  hits: Map<string, Hit[]>;
  /** Scripts a path: the behaviour for the n-th request (1-based). Unscripted paths answer 200. */
  script(path: string, fn: (n: number) => Behaviour): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server whose answers are scripted per request number: for `watch` (a server
 * that fails one tick in three, one that hangs, one that rate-limits) and adaptive sampling.
 */
export async function startWatchLab(): Promise<WatchLab> {
  const scripts = new Map<string, (n: number) => Behaviour>();
  const hits = new Map<string, Hit[]>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const list = hits.get(path) ?? [];
    hits.set(path, list);
    const hit: Hit = { start: Date.now(), end: null };
    list.push(hit);
    const b = scripts.get(path)?.(list.length) ?? {};
    if (b.hang) return;
    const send = () => {
      const status = b.status ?? 200;
      const body = b.body ?? (status < 400 ? '{"object":"list","data":[]}' : '{"error":{"message":"lab failure","type":"server_error"}}');
      res.writeHead(status, { 'content-type': 'application/json', ...b.headers });
      res.end(body, () => (hit.end = Date.now()));
    };
    if (b.delayMs) setTimeout(send, b.delayMs);
    else send();
  });
  const lab = await listen(server);
  return { server: lab, url: (p) => lab.url('http', p), hits, script: (p, fn) => scripts.set(p, fn), close: () => lab.close() };
}
