import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { TextRef } from '../../common/text-ref.js';
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
  /** The reason as data, for the matrix rows (report/text words it). */
  reasonRef?: TextRef;
}

/** A CA bundle file, read once per run (a missing or empty file is a fact, not an error). */
async function fileStore(key: StoreKey, path: string): Promise<StoreFact> {
  try {
    const anchors = ders([await readFile(path, 'utf8')]);
    if (anchors.length === 0) return { key, source: path, anchors, reason: `${path} holds no certificate`, reasonRef: { code: 'client.store.empty', values: { path } } };
    return { key, source: path, anchors, reason: null };
  } catch (e) {
    const error = (e as NodeJS.ErrnoException).code ?? String(e);
    return { key, source: path, anchors: null, reason: `cannot read ${path}: ${error}`, reasonRef: { code: 'client.store.unreadable', values: { path, error } } };
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

type StorePlatform = Pick<PlatformAdapters, 'systemCaCertificates' | 'env'>;
export interface StoreOs {
  platform?: NodeJS.Platform;
  exec?: RunBig;
}

/** A run reads the OS store twice (the verdict and the matrix): once is enough (on macOS it is a process). */
const OS_MEMO_MS = 10_000;
const osMemo = new WeakMap<object, { at: number; fact: Promise<StoreFact> }>();

/** The OS store as this platform's clients see it (curl on Linux, the browser): read, or unknown with a reason. */
export function readOsStore(platform: StorePlatform, os: StoreOs = {}): Promise<StoreFact> {
  if (os.platform !== undefined || os.exec !== undefined) return readOsStoreNow(platform, os);
  // Keyed by the adapter (one per run, or the app's): a CA installed since is seen on the next run.
  const hit = osMemo.get(platform.systemCaCertificates);
  if (hit && Date.now() - hit.at < OS_MEMO_MS) return hit.fact;
  const fact = readOsStoreNow(platform, os);
  osMemo.set(platform.systemCaCertificates, { at: Date.now(), fact });
  return fact;
}

async function readOsStoreNow(platform: StorePlatform, os: StoreOs): Promise<StoreFact> {
  const osName = os.platform ?? process.platform;
  const found = await (osName === 'darwin' ? macFirst(platform, os.exec) : osName === 'win32' ? winFirst(platform) : osTrustStore(platform)).catch(() => null);
  if (found) return { key: 'os', source: found.source, anchors: ders(found.pems), reason: null };
  // Windows from a Node without tls.getCACertificates('system') (< 22.15): the desktop app reads it.
  if (osName === 'linux') return { key: 'os', source: null, anchors: null, reason: 'no system CA bundle found', reasonRef: { code: 'client.store.noOsBundle' } };
  return {
    key: 'os', source: null, anchors: null,
    reason: `this Node (${process.versions.node}) cannot read the ${osName} trust store (tls.getCACertificates needs Node 22.15); the desktop app can`,
    reasonRef: { code: 'client.store.osUnreadable', values: { node: process.versions.node, os: osName } },
  };
}

/**
 * One store, read when it is asked for: certifi's bundle asks python3 where it is (`python`),
 * every other store is a file or Node's own list, so a run that needs no Python store starts no
 * python3 for it.
 */
export async function readStore(key: StoreKey, platform: StorePlatform, python: () => Promise<PythonFacts>, os: StoreOs = {}): Promise<StoreFact> {
  if (key === 'node-bundled') {
    bundledCache ??= ders([...tls.rootCertificates]);
    return { key, source: 'tls.rootCertificates', anchors: bundledCache, reason: null };
  }
  if (key === 'node-extra') {
    const extra = platform.env.NODE_EXTRA_CA_CERTS?.trim();
    return extra ? fileStore(key, extra) : { key, source: null, anchors: [], reason: null };
  }
  if (key === 'os') return readOsStore(platform, os);
  if (key === 'certifi') {
    const py = await python();
    if (py.certifi) return fileStore(key, py.certifi);
    return { key, source: null, anchors: null, reason: py.reason ?? 'certifi not found', reasonRef: py.reasonRef ?? { code: 'client.python.noCertifi', values: { python: py.executable ?? py.python } } };
  }
  return fileStore(key, key.slice('file:'.length));
}

/**
 * Reads every store a client of the matrix may need, concurrently. `python` null: all but certifi's
 * (the matrix reads that one only when python3 is asked: lazy-python.ts).
 */
export async function readStores(platform: StorePlatform, python: PythonFacts | (() => Promise<PythonFacts>) | null, os: StoreOs = {}): Promise<Map<StoreKey, StoreFact>> {
  const ask = typeof python === 'function' ? python : async () => python!;
  const keys = new Set<StoreKey>(['node-bundled', 'node-extra', 'os', ...(python === null ? [] : (['certifi'] as const))]);
  for (const v of CA_FILE_VARS) {
    const p = platform.env[v]?.trim();
    if (p) keys.add(`file:${p}`);
  }
  const facts = await Promise.all([...keys].map((k) => readStore(k, platform, ask, os)));
  return new Map(facts.map((f) => [f.key, f]));
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
 * The certificates of this store that anchor the chain: only the store's certificates whose bytes
 * carry an issuer's CN are parsed and checked (names, then signatures, as chainReaches does); an
 * issuer without a CN falls back to every certificate. [] when the store refuses the chain, null
 * when it could not be read.
 */
export function anchorsFor(chain: X509Certificate[], store: StoreFact | undefined): X509Certificate[] | null {
  if (!store || store.anchors === null) return null;
  if (chain.length === 0 || store.anchors.length === 0) return [];
  const cns = issuerCns(chain);
  const candidates = cns === null ? store.anchors : store.anchors.filter((d) => cns.some((cn) => d.includes(cn)));
  const anchors = candidates.map(parse).filter((x): x is X509Certificate => x !== null);
  return anchors.filter((a) => chainReaches(chain, [a]));
}

/** Does this store accept the chain? null when the store could not be read. */
export function storeAccepts(chain: X509Certificate[], store: StoreFact | undefined): boolean | null {
  const a = anchorsFor(chain, store);
  return a === null ? null : a.length > 0;
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
