import https from 'node:https';
import tls from 'node:tls';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeIntermediate, makeLeaf, makeRoot, type KeyCert, type LeafOptions } from './certs.js';
import { listen, type LabServer } from './net-servers.js';

/** The lab's certificate authorities, made fresh for each test file. */
export interface LabPki {
  root: KeyCert;
  intermediate: KeyCert;
  /** A PEM file holding the root: pass it as --ca-file. */
  caFile: string;
  /** A private "corporate" root that only the injected OS store trusts. */
  corpRoot: KeyCert;
  corpIntermediate: KeyCert;
  /** A root whose name says it is an intercepting proxy's (never trusted). */
  zscalerRoot: KeyCert;
  dir: string;
}

export async function makeLabPki(): Promise<LabPki> {
  const root = await makeRoot();
  const intermediate = await makeIntermediate(root);
  const corpRoot = await makeRoot('Example Corp Internal Root CA');
  const corpIntermediate = await makeIntermediate(corpRoot, 'Example Corp Issuing CA');
  const zscalerRoot = await makeRoot('Zscaler Root CA');
  const dir = mkdtempSync(path.join(tmpdir(), 'api-doctor-lab-'));
  const caFile = path.join(dir, 'lab-root.pem');
  writeFileSync(caFile, root.cert);
  return { root, intermediate, caFile, corpRoot, corpIntermediate, zscalerRoot, dir };
}

export type TlsFault =
  | 'healthy'
  | 'expired'
  | 'not-yet-valid'
  | 'expiring'
  | 'wrong-name'
  | 'self-signed'
  | 'no-intermediate'
  | 'os-only'
  | 'interceptor';

/** The names every lab certificate covers unless the fault is about names. */
export const LAB_NAMES = ['localhost', 'lab.test', '*.lab.test', '127.0.0.1', '::1'];

/** Leaf and chain the server sends for each fault. */
async function material(pki: LabPki, fault: TlsFault): Promise<{ leaf: KeyCert; chain: string[] }> {
  const viaLab = async (o: LeafOptions) => {
    const leaf = await makeLeaf(pki.intermediate, { names: LAB_NAMES, ...o });
    return { leaf, chain: [pki.intermediate.cert] };
  };
  switch (fault) {
    case 'healthy':
      return viaLab({});
    case 'expired':
      return viaLab({ fromDays: -100, toDays: -10 });
    case 'not-yet-valid':
      return viaLab({ fromDays: 30, toDays: 400 });
    case 'expiring':
      return viaLab({ toDays: 5 });
    case 'wrong-name':
      return viaLab({ names: ['other.example', 'www.other.example'] });
    case 'self-signed':
      return { leaf: await makeLeaf(null, { names: LAB_NAMES }), chain: [] };
    case 'no-intermediate': {
      const leaf = await makeLeaf(pki.intermediate, { names: LAB_NAMES });
      return { leaf, chain: [] };
    }
    case 'os-only':
      return { leaf: await makeLeaf(pki.corpIntermediate, { names: LAB_NAMES }), chain: [pki.corpIntermediate.cert] };
    case 'interceptor':
      return { leaf: await makeLeaf(pki.zscalerRoot, { names: LAB_NAMES }), chain: [] };
  }
}

/**
 * An HTTPS server staging one certificate fault. It answers every request with a small JSON body,
 * so later stages have something to read on the healthy target.
 */
export async function startTlsServer(pki: LabPki, fault: TlsFault, host = '127.0.0.1', opts: tls.TlsOptions = {}): Promise<LabServer & { fault: TlsFault; leaf: KeyCert }> {
  const { leaf, chain } = await material(pki, fault);
  const server = https.createServer({ key: leaf.key, cert: leaf.cert + chain.join(''), ALPNProtocols: ['http/1.1'], ...opts }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}\n');
  });
  server.on('tlsClientError', () => {});
  const s = await listen(server, host);
  return { ...s, fault, leaf };
}
