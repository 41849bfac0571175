/**
 * Certificates for the real-peer lab, made with the openssl CLI (as an operator would): a root, an
 * intermediate, server leaves (good, expired, for another host) and a client certificate. Files
 * live in one temp dir; `caFile` is the root for --ca-file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PeerPki {
  dir: string;
  /** The root (for --ca-file and ssl_client_certificate). */
  caFile: string;
  intermediate: string;
  /** Leaf for api.peer.test, localhost and 127.0.0.1, issued by the intermediate. */
  leaf: { cert: string; key: string; chain: string };
  /** Same names, notAfter yesterday. */
  expired: { cert: string; key: string; chain: string };
  /** For other.peer.test only. */
  wrongHost: { cert: string; key: string; chain: string };
  /** A client certificate issued by the root. */
  client: { cert: string; key: string };
  remove(): void;
}

const ossl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

function key(dir: string, name: string) {
  ossl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
}

function issue(dir: string, name: string, cn: string, issuer: string, ext: string, days: number) {
  key(dir, name);
  ossl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`]);
  writeFileSync(path.join(dir, `${name}.ext`), ext);
  ossl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', String(Date.now() % 1e9 + name.length), '-days', String(days), '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
}

const SERVER_EXT = (names: string) => `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${names}\n`;

export function makePeerPki(): PeerPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peer-pki-'));
  key(dir, 'root');
  ossl(dir, ['req', '-x509', '-new', '-key', 'root.key', '-subj', '/CN=Peer Lab Root', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'root.pem']);
  issue(dir, 'int', 'Peer Lab Intermediate', 'root', 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n', 3650);
  const names = 'DNS:api.peer.test,DNS:localhost,IP:127.0.0.1';
  issue(dir, 'leaf', 'api.peer.test', 'int', SERVER_EXT(names), 30);
  issue(dir, 'expired', 'api.peer.test', 'int', SERVER_EXT(names), -1);
  issue(dir, 'other', 'other.peer.test', 'int', SERVER_EXT('DNS:other.peer.test'), 30);
  issue(dir, 'client', 'peer-lab-client', 'root', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n', 30);
  const p = (f: string) => path.join(dir, f);
  const chain = (name: string) => {
    const out = p(`${name}-chain.pem`);
    writeFileSync(out, readFileSync(p(`${name}.pem`), 'utf8') + readFileSync(p('int.pem'), 'utf8'));
    return { cert: p(`${name}.pem`), key: p(`${name}.key`), chain: out };
  };
  return {
    dir,
    caFile: p('root.pem'),
    intermediate: p('int.pem'),
    leaf: chain('leaf'),
    expired: chain('expired'),
    wrongHost: chain('other'),
    client: { cert: p('client.pem'), key: p('client.key') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
