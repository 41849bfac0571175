import http from 'node:http';
import net from 'node:net';
import { listen, type LabServer } from './net-servers.js';

export type ProxyMode =
  /** Tunnels CONNECT to loopback targets (anything else is 403: the lab never leaves the machine). */
  | { kind: 'tunnel' }
  /** 407 with Proxy-Authenticate unless the request carries these Basic credentials (then it tunnels). */
  | { kind: 'auth'; scheme?: string; user?: string; pass?: string }
  /** Answers every CONNECT with 403 Forbidden. */
  | { kind: 'forbidden' };

export interface LabProxy extends LabServer {
  /** Every CONNECT target asked for, "host:port". */
  connects: string[];
  /** Every absolute-form request, "METHOD http://host:port/path". */
  forwards: string[];
  /** The proxy URL to give --proxy or HTTPS_PROXY. */
  proxyUrl(user?: string, pass?: string): string;
}

const isLoopback = (h: string) => h === 'localhost' || h === '::1' || h.startsWith('127.') || h.endsWith('.test') || h.endsWith('.localhost');

/** An HTTP proxy: CONNECT tunnels, and absolute-form requests for plain http://. */
export async function startConnectProxy(mode: ProxyMode, host = '127.0.0.1'): Promise<LabProxy> {
  const connects: string[] = [];
  const forwards: string[] = [];
  // Absolute-form requests (`GET http://host/path`), as clients send plain http:// through a proxy:
  // forwarded to loopback targets like CONNECT, with the same auth and policy.
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    forwards.push(`${req.method ?? '?'} ${target}`);
    let u: URL;
    try {
      u = new URL(target);
    } catch {
      return void res.writeHead(400).end();
    }
    if (mode.kind === 'forbidden') return void res.writeHead(403, { 'x-squid-error': 'ERR_ACCESS_DENIED 0' }).end();
    if (mode.kind === 'auth') {
      const want = `Basic ${Buffer.from(`${mode.user ?? 'lab'}:${mode.pass ?? 'secret-pass'}`).toString('base64')}`;
      if (req.headers['proxy-authorization'] !== want) return void res.writeHead(407, { 'proxy-authenticate': mode.scheme ?? 'Basic realm="lab"' }).end();
    }
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (u.protocol !== 'http:' || !isLoopback(host)) return void res.writeHead(403, { 'x-squid-error': 'ERR_ACCESS_DENIED 0' }).end();
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const up = http.request({ host: host.endsWith('.test') || host.endsWith('.localhost') ? '127.0.0.1' : host, port: Number(u.port) || 80, path: `${u.pathname}${u.search}`, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.statusMessage, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(503, { 'x-squid-error': 'ERR_CONNECT_FAIL 111' }).end());
    req.pipe(up);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    client.on('error', () => {});
    const target = req.url ?? '';
    connects.push(target);
    if (mode.kind === 'forbidden') return void client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    if (mode.kind === 'auth') {
      const want = `Basic ${Buffer.from(`${mode.user ?? 'lab'}:${mode.pass ?? 'secret-pass'}`).toString('base64')}`;
      if (req.headers['proxy-authorization'] !== want) {
        return void client.end(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${mode.scheme ?? 'Basic realm="lab"'}\r\nContent-Length: 0\r\n\r\n`);
      }
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    if (!m || !isLoopback(m[1]!)) return void client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    const name = m[1]!.endsWith('.test') || m[1]!.endsWith('.localhost') ? '127.0.0.1' : m[1]!;
    const upstream = net.connect(Number(m[2]), name, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
  });
  const s = await listen(server, host);
  return {
    ...s,
    connects,
    forwards,
    proxyUrl: (user, pass) => `http://${user !== undefined ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : ''}${s.host}:${s.port}`,
  };
}
