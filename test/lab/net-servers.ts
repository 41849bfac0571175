import net from 'node:net';
import http from 'node:http';

/** A started lab server: where it listens and how to stop it. */
export interface LabServer {
  host: string;
  port: number;
  /** "https://host:port" style origin helper for URLs. */
  url(scheme?: 'http' | 'https', path?: string): string;
  close(): Promise<void>;
}

export const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** Wraps a listening server: tracks sockets so close() never waits on a client that stays. */
export async function listen(server: net.Server, host = '127.0.0.1', port = 0): Promise<LabServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as net.AddressInfo;
  return {
    host,
    port: addr.port,
    url: (scheme = 'https', path = '/') => `${scheme}://${hostPort(host, addr.port)}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Accepts connections and never says a word: a TLS handshake to it times out. */
export const startSilentServer = (host?: string) => listen(net.createServer(() => {}), host);

/** Accepts and resets each connection at once (RST, not FIN). */
export const startResetServer = (host?: string) => listen(net.createServer((s) => s.resetAndDestroy()), host);

/** Answers any bytes with a fatal TLS alert record (handshake_failure): a protocol error, not a certificate one. */
export const startAlertServer = (host?: string) =>
  listen(
    net.createServer((s) => {
      s.once('data', () => s.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])));
    }),
    host,
  );

/** Plain HTTP where the client expects TLS (an https:// URL to an http port). */
export const startPlainHttpServer = (host?: string) =>
  listen(
    http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('plain http\n');
    }),
    host,
  );

/** A port that was free a moment ago and now has nothing listening: connects are refused. */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const s = await listen(net.createServer(), host);
  await s.close();
  return s.port;
}

/**
 * A port whose accept queue is full, so new connects hang until they time out — the loopback
 * stand-in for a filtered address. A separate process listens with a backlog of 1 and is then
 * stopped (SIGSTOP); we fill its queue with our own connections until one no longer completes.
 */
export async function startFullBacklogServer(host = '127.0.0.1'): Promise<LabServer> {
  const { spawn } = await import('node:child_process');
  const js = `const s=require('net').createServer();s.listen({port:0,host:${JSON.stringify(host)},backlog:1},()=>console.log(s.address().port))`;
  const child = spawn(process.execPath, ['-e', js], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (c) => reject(new Error(`backlog server exited with ${c}`)));
  });
  child.kill('SIGSTOP');
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 16; i++) {
    const s = net.connect(port, host);
    s.on('error', () => {});
    fillers.push(s);
    const ok = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 300);
      s.once('connect', () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    if (!ok) break;
  }
  return {
    host,
    port,
    url: (scheme = 'https', p = '/') => `${scheme}://${hostPort(host, port)}${p}`,
    close: async () => {
      for (const s of fillers) s.destroy();
      child.kill('SIGKILL');
    },
  };
}
