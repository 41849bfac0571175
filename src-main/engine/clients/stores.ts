import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { PlatformAdapters } from '../platform.js';
import { osTrustStore } from '../net/os-trust.js';
import { chainReaches } from '../net/cert-chain.js';
import type { PythonFacts } from './python.js';
import { macosTrustStore, type RunBig } from './macos-store.js';

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
  /** The certificates as DER, not parsed: null when the store could not be read (see reason). */
  anchors: Buffer[] | null;
  reason: string | null;
}

/** A CA bundle file, read once per run (a missing or empty file is a fact, not an error). */
async function fileStore(key: StoreKey, path: string): Promise<StoreFact> {
  try {
    const anchors = ders([await readFile(path, 'utf8')]);
    return { key, source: path, anchors, reason: anchors.length === 0 ? `${path} holds no certificate` : null };
  } catch (e) {
    return { key, source: path, anchors: null, reason: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}

/** The CA files the clients' variables name (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS). */
export const CA_FILE_VARS = ['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'SSL_CERT_FILE'] as const;

let bundledCache: Buffer[] | null = null;

/** PEM text to DER blocks: decoding base64 is cheap, parsing ~150 certificates is not (≈50 ms). */
function ders(pems: string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const text of pems) {
    for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)) out.push(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  }
  return out;
}

/** Reads every store a client of the matrix may need. Bounded by the python discovery's own bound. */
export async function readStores(platform: Pick<PlatformAdapters, 'systemCaCertificates' | 'env'>, python: PythonFacts, os: { platform?: NodeJS.Platform; exec?: RunBig } = {}): Promise<Map<StoreKey, StoreFact>> {
  const osName = os.platform ?? process.platform;
  const env = platform.env;
  const out = new Map<StoreKey, StoreFact>();
  bundledCache ??= ders([...tls.rootCertificates]);
  out.set('node-bundled', { key: 'node-bundled', source: 'tls.rootCertificates', anchors: bundledCache, reason: null });
  const jobs: Promise<void>[] = [];
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  if (extra) jobs.push(fileStore('node-extra', extra).then((s) => void out.set('node-extra', s)));
  else out.set('node-extra', { key: 'node-extra', source: null, anchors: [], reason: null });
  jobs.push(
    (osName === 'darwin' ? macFirst(platform, os.exec) : osName === 'win32' ? winFirst(platform) : osTrustStore(platform))
      .then((found) => {
        if (found) out.set('os', { key: 'os', source: found.source, anchors: ders(found.pems), reason: null });
        // Windows from a Node without tls.getCACertificates('system') (< 22.15): the desktop app reads it.
        else out.set('os', { key: 'os', source: null, anchors: null, reason: osName === 'linux' ? 'no system CA bundle found' : `this Node (${process.versions.node}) cannot read the ${osName} trust store (tls.getCACertificates needs Node 22.15); the desktop app can` });
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

/**
 * macOS: the injected store (the app) or Node's own view (≥ 22.15), else the keychains through
 * `security` — before /etc/ssl/cert.pem, which holds none of the certificates an admin added.
 */
async function macFirst(platform: Pick<PlatformAdapters, 'systemCaCertificates'>, exec: RunBig | undefined): Promise<{ source: string; pems: string[] } | null> {
  const injected = await platform.systemCaCertificates().catch(() => null);
  if (injected !== null) return { source: 'platform', pems: injected };
  if (typeof (tls as unknown as { getCACertificates?: unknown }).getCACertificates === 'function') return osTrustStore(platform);
  return (await macosTrustStore(exec)) ?? osTrustStore(platform);
}

/** Windows: the injected store (the app) or Node's own view (≥ 22.15); no bundle file to fall back on. */
async function winFirst(platform: Pick<PlatformAdapters, 'systemCaCertificates'>): Promise<{ source: string; pems: string[] } | null> {
  const injected = await platform.systemCaCertificates().catch(() => null);
  if (injected !== null) return { source: 'platform', pems: injected };
  return typeof (tls as unknown as { getCACertificates?: unknown }).getCACertificates === 'function' ? osTrustStore(platform) : null;
}

const parsed = new Map<string, X509Certificate | null>();
function parse(der: Buffer): X509Certificate | null {
  const k = der.toString('base64');
  let x = parsed.get(k);
  if (x === undefined) {
    try {
      x = new X509Certificate(der);
    } catch {
      x = null; // a broken entry in a bundle anchors nothing
    }
    if (parsed.size > 2_000) parsed.clear();
    parsed.set(k, x);
  }
  return x;
}

/** The CN values of the chain's issuers, as bytes: an issuer's DER holds its CN verbatim. */
function issuerCns(chain: X509Certificate[]): Buffer[] | null {
  const out: Buffer[] = [];
  for (const c of chain) {
    const cn = /(?:^|\n)CN=([^\n]+)/.exec(c.issuer)?.[1];
    if (!cn) return null;
    out.push(Buffer.from(cn, 'utf8'));
  }
  return out;
}

/**
 * Does this store accept the chain? Only the store's certificates whose bytes carry an issuer's
 * CN are parsed and checked (names, then signatures, as chainReaches does); an issuer without a
 * CN falls back to every certificate. null when the store could not be read.
 */
export function storeAccepts(chain: X509Certificate[], store: StoreFact | undefined): boolean | null {
  if (!store || store.anchors === null) return null;
  if (chain.length === 0 || store.anchors.length === 0) return false;
  const cns = issuerCns(chain);
  const candidates = cns === null ? store.anchors : store.anchors.filter((d) => cns.some((cn) => d.includes(cn)));
  const anchors = candidates.map(parse).filter((x): x is X509Certificate => x !== null);
  return anchors.length > 0 && chainReaches(chain, anchors);
}

/** Does any of these stores accept the chain? null when one is unreadable and none accepts. */
export function storesAccept(chain: X509Certificate[], stores: readonly (StoreFact | undefined)[]): boolean | null {
  let unknown = false;
  for (const s of stores) {
    const v = storeAccepts(chain, s);
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}
