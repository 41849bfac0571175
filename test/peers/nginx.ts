import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerNginx extends PeerProcess {
  http: number;
  redirect: number;
  https: number;
  mtls: number;
  url: (path: string) => string;
}

export const NGINX_USER = 'peer';
export const NGINX_PASS = 'nginx-pass-4c1d';

/** nginx from conf/nginx.conf in front of `upstream` (host:port); TLS with the given chain and key, client certs from `ca`. */
export async function startNginx(opts: { upstream: string; cert: string; key: string; ca: string }): Promise<PeerNginx> {
  const dir = runtimeDir('nginx');
  const [http, redirect, https, mtls, dead] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const hash = execFileSync('openssl', ['passwd', '-apr1', NGINX_PASS]).toString().trim();
  writeFileSync(`${dir}/htpasswd`, `${NGINX_USER}:${hash}\n`);
  const conf = writeConfig('nginx.conf', dir, { DIR: dir, HTTP_PORT: http, REDIRECT_PORT: redirect, HTTPS_PORT: https, MTLS_PORT: mtls, UP: opts.upstream, DEAD_PORT: dead, CERT: opts.cert, KEY: opts.key, CA: opts.ca });
  const p = await startPeer('nginx', dir, PEER_BINARIES.nginx.bin, ['-c', conf, '-p', dir, '-e', `${dir}/error.log`], async (child, log) => {
    for (const port of [http, redirect, https, mtls]) await waitForPort('127.0.0.1', port, child, log);
  });
  return { ...p, http, redirect, https, mtls, url: (path) => `http://127.0.0.1:${http}${path}` };
}
