import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { PlatformAdapters } from '../platform.js';
import { osTrustStore } from '../net/os-trust.js';
import { chainReaches, parsePems } from '../net/cert-chain.js';
import type { PythonFacts } from './python.js';

/**
 * The trust stores the clients of the matrix read, each really read (not assumed): Node's bundled
 * list, NODE_EXTRA_CA_CERTS, the OS store, certifi's bundle, and the CA files the variables name.
 * A store that cannot be read is "unknown" with a reason, never "rejects".
 */
export type StoreKey = 'node-bundled' | 'node-extra' | 'os' | 'certifi' | `file:${string}`;

export interface StoreFact {
  key: StoreKey;
  /** Where it came from: a path, "tls.rootCertificates", "platform". */
  source: string | null;
  /** Null when the store could not be read (see reason). */
  anchors: X509Certificate[] | null;
  reason: string | null;
}

/** A CA bundle file, read once per run (a missing or empty file is a fact, not an error). */
async function fileStore(key: StoreKey, path: string): Promise<StoreFact> {
  try {
    const anchors = parsePems([await readFile(path, 'utf8')]);
    return { key, source: path, anchors, reason: anchors.length === 0 ? `${path} holds no certificate` : null };
  } catch (e) {
    return { key, source: path, anchors: null, reason: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}

/** The CA files the clients' variables name (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS). */
export const CA_FILE_VARS = ['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'SSL_CERT_FILE'] as const;

let bundledCache: X509Certificate[] | null = null;

/** Reads every store a client of the matrix may need. Bounded by the python discovery's own bound. */
export async function readStores(platform: Pick<PlatformAdapters, 'systemCaCertificates' | 'env'>, python: PythonFacts): Promise<Map<StoreKey, StoreFact>> {
  const env = platform.env;
  const out = new Map<StoreKey, StoreFact>();
  bundledCache ??= parsePems([...tls.rootCertificates]);
  out.set('node-bundled', { key: 'node-bundled', source: 'tls.rootCertificates', anchors: bundledCache, reason: null });
  const jobs: Promise<void>[] = [];
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  if (extra) jobs.push(fileStore('node-extra', extra).then((s) => void out.set('node-extra', s)));
  else out.set('node-extra', { key: 'node-extra', source: null, anchors: [], reason: null });
  jobs.push(
    osTrustStore(platform).then((os) => {
      if (os) out.set('os', { key: 'os', source: os.source, anchors: parsePems(os.pems), reason: null });
      // macOS (security find-certificate) and Windows (the app's Electron adapter) are read by the app; the CLI says so.
      else out.set('os', { key: 'os', source: null, anchors: null, reason: process.platform === 'linux' ? 'no system CA bundle found' : `the ${process.platform} trust store is read only by the desktop app` });
    }),
  );
  if (python.certifi) jobs.push(fileStore('certifi', python.certifi).then((s) => void out.set('certifi', s)));
  else out.set('certifi', { key: 'certifi', source: null, anchors: null, reason: python.reason ?? 'certifi not found' });
  for (const v of CA_FILE_VARS) {
    const p = env[v]?.trim();
    if (p && !out.has(`file:${p}`)) {
      const key: StoreKey = `file:${p}`;
      out.set(key, { key, source: p, anchors: null, reason: 'pending' });
      jobs.push(fileStore(key, p).then((s) => void out.set(key, s)));
    }
  }
  await Promise.all(jobs);
  return out;
}

/** Does any of these stores accept the chain? null when one needed is unreadable and none accepts. */
export function storesAccept(chain: X509Certificate[], stores: readonly (StoreFact | undefined)[]): boolean | null {
  let unknown = false;
  for (const s of stores) {
    if (!s || s.anchors === null) {
      unknown = true;
      continue;
    }
    if (s.anchors.length > 0 && chainReaches(chain, s.anchors)) return true;
  }
  return unknown ? null : false;
}
