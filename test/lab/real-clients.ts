import { cpSync, appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientId } from '../../src-main/common/clients.js';
import { spawn } from 'node:child_process';
import type { Netns } from './netns.js';

/** Runs the real clients on this machine's loopback (no namespace): the same interface as a Netns. */
export const HOST: Pick<Netns, 'spawn'> = { spawn: (cmd, args, env = {}) => spawn(cmd, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }) };

/**
 * The real clients the matrix makes claims about, run inside a lab namespace: curl, Debian's
 * python3 with requests and httpx, and Node's fetch. DESIGN.md: never trust a client's
 * documentation alone. Only loopback and namespace addresses are ever used.
 */

/** Debian's interpreter: the pyenv python3 first on PATH lacks requests, httpx and certifi. */
export const DEBIAN_PYTHON = '/usr/bin/python3';
/** PATH inside the namespace: /usr/bin first, so the doctor's own `python3` discovery finds Debian's too. */
export const LAB_PATH = `/usr/bin:/bin:${path.dirname(process.execPath)}`;

export type RealClient = Extract<ClientId, 'curl' | 'node' | 'python-requests' | 'python-httpx'>;
export const REAL_CLIENTS: readonly RealClient[] = ['curl', 'node', 'python-requests', 'python-httpx'];

function command(id: RealClient, url: string): [string, string[]] {
  switch (id) {
    case 'curl':
      return ['curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '5', url]];
    case 'node':
      return [process.execPath, ['-e', `fetch(${JSON.stringify(url)}).then(r=>console.log(r.status),e=>{console.log('ERR '+(e.cause?.code??e.message));process.exitCode=1})`]];
    case 'python-requests':
      return [DEBIAN_PYTHON, ['-c', `import requests\nprint(requests.get(${JSON.stringify(url)}, timeout=5).status_code)`]];
    case 'python-httpx':
      return [DEBIAN_PYTHON, ['-c', `import httpx\nprint(httpx.get(${JSON.stringify(url)}).status_code)`]];
  }
}

/** Runs one real client against `url` in the namespace: 'ok' when it got HTTP 200, else 'fail' with what it said. */
export async function runRealClient(ns: Pick<Netns, 'spawn'>, id: RealClient, url: string, env: NodeJS.ProcessEnv): Promise<{ outcome: 'ok' | 'fail'; said: string }> {
  const [cmd, args] = command(id, url);
  const child = ns.spawn(cmd, args, { PATH: LAB_PATH, ...env });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? -1)));
  const said = out.trim().split('\n').slice(-2).join(' | ').slice(0, 300);
  return { outcome: code === 0 && /(^|\s)200$/.test(out.trim().split('\n')[0] ?? '') ? 'ok' : 'fail', said };
}

/**
 * Gives the namespace its own /etc/ssl (ip netns exec bind-mounts /etc/netns/<ns>/ssl over it):
 * the host's store plus `extraPem`. curl, OpenSSL and Debian's certifi (patched to the system
 * bundle) then really trust it; Node's bundled list does not.
 */
export function addToNetnsOsStore(ns: Netns, extraPem: string): string {
  const etc = `/etc/netns/${ns.name}`;
  mkdirSync(etc, { recursive: true });
  const ssl = path.join(etc, 'ssl');
  if (!existsSync(ssl)) cpSync('/etc/ssl', ssl, { recursive: true, verbatimSymlinks: true });
  const bundle = path.join(ssl, 'certs', 'ca-certificates.crt');
  appendFileSync(bundle, `\n${extraPem}`);
  return bundle;
}

/** An HTTPS server inside the namespace: 200 with a tiny JSON body on every path. */
export async function httpsServerInNetns(ns: Netns, dir: string, host: string, port: number, certChainPem: string, keyPem: string): Promise<void> {
  const cert = path.join(dir, `srv-${port}.crt`);
  const key = path.join(dir, `srv-${port}.key`);
  writeFileSync(cert, certChainPem);
  writeFileSync(key, keyPem);
  const js = `const fs=require('fs');require('https').createServer({cert:fs.readFileSync(${JSON.stringify(cert)}),key:fs.readFileSync(${JSON.stringify(key)})},(q,s)=>{s.setHeader('content-type','application/json');s.end('{"object":"list","data":[]}')}).listen(${port},${JSON.stringify(host)},()=>console.log('ready'))`;
  await ready(ns, js);
}

/**
 * A CONNECT proxy inside the namespace on 127.0.0.1:port. It resolves names with its own table
 * (`map`: name → address), as a proxy in another network would: the clients cannot reach those
 * addresses themselves, the proxy can.
 */
export async function connectProxyInNetns(ns: Netns, port: number, map: Record<string, string>): Promise<void> {
  const js = `const net=require('net'),http=require('http');const map=${JSON.stringify(map)};
const s=http.createServer((q,r)=>r.writeHead(405).end());
s.on('connect',(q,c,head)=>{c.on('error',()=>{});const m=/^(.*):(\\d+)$/.exec(q.url||'');if(!m)return c.end('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');
const u=net.connect(Number(m[2]),map[m[1]]||m[1],()=>{c.write('HTTP/1.1 200 Connection Established\\r\\n\\r\\n');if(head&&head.length)u.write(head);u.pipe(c);c.pipe(u);});
u.on('error',()=>c.end('HTTP/1.1 502 Bad Gateway\\r\\n\\r\\n'));});
s.listen(${port},'127.0.0.1',()=>console.log('ready'));`;
  await ready(ns, js);
}

async function ready(ns: Netns, js: string): Promise<void> {
  const child = ns.spawn(process.execPath, ['-e', js]);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`lab process in ${ns.name} exited with ${c}: ${err.slice(0, 400)}`)));
  });
}
