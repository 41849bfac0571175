import http from 'node:http';
import net from 'node:net';
import { exposition, type MetricFamily } from './exposition.js';

export interface MetricsAddress {
  host: string;
  port: number;
}

/**
 * `--metrics` value → where to listen. A bare port binds loopback; `:port` is refused (Node would
 * bind every interface, and a metrics page naming your API's failures is not for the whole LAN);
 * any other host must be written out, and is used as written. Returns an error message for bad input.
 */
export function parseMetricsAddress(raw: string): MetricsAddress | string {
  let host = '127.0.0.1';
  let port: string;
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(raw);
  if (/^\d+$/.test(raw)) port = raw;
  else if (v6) [host, port] = [v6[1]!, v6[2]!];
  else {
    const i = raw.lastIndexOf(':');
    if (i < 0) return `--metrics "${raw}": write host:port, e.g. 127.0.0.1:9464`;
    host = raw.slice(0, i);
    port = raw.slice(i + 1);
    if (host === '') return `--metrics "${raw}": name the host to bind (127.0.0.1:${port} for this machine only, 0.0.0.0:${port} for every interface)`;
  }
  const p = Number(port);
  if (!/^\d+$/.test(port) || p > 65535) return `--metrics "${raw}": bad port`;
  if (host !== 'localhost' && !net.isIP(host)) return `--metrics "${raw}": give an IP address (or localhost) to bind`;
  return { host, port: p };
}

export const isLoopbackBind = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

export interface MetricsServer {
  /** http://host:port/metrics with the port actually bound. */
  url: string;
  close(): Promise<void>;
}

/** Serves GET /metrics (text format 0.0.4) from `families()` at each scrape. */
export async function startMetricsServer(addr: MetricsAddress, families: () => MetricFamily[]): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (path !== '/metrics') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('api-doctor watch: metrics are at /metrics\n');
    let body: string;
    try {
      body = exposition(families());
    } catch (e) {
      return void res.writeHead(500, { 'content-type': 'text/plain' }).end(`${e instanceof Error ? e.message : String(e)}\n`);
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(addr.port, addr.host, () => resolve());
  });
  // The scraper holds keep-alive connections: they must not keep the process alive after the watch.
  server.unref();
  const port = (server.address() as net.AddressInfo).port;
  const shown = addr.host.includes(':') ? `[${addr.host}]` : addr.host;
  return {
    url: `http://${shown}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
