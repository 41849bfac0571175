import { mkdirSync, writeFileSync } from 'node:fs';
import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, type PeerProcess } from './common.js';

export interface PeerSServer extends PeerProcess {
  port: number;
  url: (path: string) => string;
}

export interface SServerOptions {
  cert: string;
  key: string;
  /** Extra certificates sent after the leaf (the intermediate); omit for a leaf-only chain. */
  chain?: string;
  /** Protocol flags as s_server takes them: ['-tls1_3'], ['-tls1_2'], ['-tls1', '-cipher', 'DEFAULT@SECLEVEL=0']. */
  protocol?: string[];
  /** Require a client certificate issued by this CA (`-Verify 1`). */
  verifyClientsFrom?: string;
}

/**
 * `openssl s_server -WWW` on loopback: serves files from its runtime dir (v1/models is a JSON
 * list, sent as text/plain), so a successful handshake gives a plain 200.
 */
export async function startSServer(o: SServerOptions): Promise<PeerSServer> {
  const dir = runtimeDir('s_server');
  mkdirSync(`${dir}/v1`);
  writeFileSync(`${dir}/v1/models`, JSON.stringify({ object: 'list', data: [{ id: 'peer-model' }] }));
  const port = await freePort();
  const args = ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', o.cert, '-key', o.key, '-WWW', '-quiet', '-no_dhe'];
  if (o.chain) args.push('-cert_chain', o.chain);
  if (o.verifyClientsFrom) args.push('-Verify', '1', '-CAfile', o.verifyClientsFrom);
  args.push(...(o.protocol ?? []));
  const p = await startPeer('s_server', dir, PEER_BINARIES.openssl.bin, args, (child, log) => waitForPort('127.0.0.1', port, child, log), { cwd: dir });
  return { ...p, port, url: (path) => `https://127.0.0.1:${port}${path}` };
}
