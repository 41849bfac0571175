import type { X509Certificate } from 'node:crypto';
import type { ClientId } from '../../common/clients.js';
import type { DiagnosisRequest } from '../../common/request.js';
import { nodeDefaultRoots, trustedCAs } from '../net/trust.js';
import type { PlatformAdapters } from '../platform.js';
import { clientStores } from './judge.js';
import { discoverPython, type PythonFacts } from './python.js';
import { anchorsFor, readStore, type StoreKey } from './stores.js';

/**
 * Whose trust store the run judges a chain with (contract section 8: the verdict is the one the
 * client named by --client would meet, default curl). curl on Linux trusts the OS bundle (or
 * CURL_CA_BUNDLE / SSL_CERT_FILE), the browser the OS store, Node its bundled roots plus
 * NODE_EXTRA_CA_CERTS, Python certifi or the variable it reads — the same table the matrix uses
 * (judge.ts clientStores), so the verdict and that client's row cannot disagree.
 */
export interface ClientTrust {
  client: ClientId;
  stores: StoreKey[];
  /** true: one of the client's stores anchors the chain; false: none does; null: a store could not be read. */
  accepts: boolean | null;
  /** The client's certificates that anchor the chain (PEM), to add to Node's for the run's own requests. */
  anchors: string[];
  /** Why a store is unknown (python3 not found, a CA file missing). */
  reason: string | null;
}

export const JUDGED_DEFAULT: ClientId = 'curl';

/** Node's own store (bundled roots + NODE_EXTRA_CA_CERTS), which the engine's handshake already used. */
export const isNodeStore = (stores: readonly StoreKey[]): boolean => stores.every((s) => s === 'node-bundled' || s === 'node-extra');

/**
 * Judges `chain` with `client`'s own stores, read now (certifi asks python3, cached per process).
 * Never throws: an unreadable store is `accepts: null` with its reason.
 */
export async function clientTrust(
  client: ClientId,
  chain: X509Certificate[],
  platform: Pick<PlatformAdapters, 'systemCaCertificates' | 'env'>,
  python: () => Promise<PythonFacts> = () => discoverPython(undefined, platform.env),
): Promise<ClientTrust> {
  const stores = clientStores(client, platform.env, process.versions.node);
  let unknown: string | null = null;
  for (const key of stores) {
    const fact = await readStore(key, platform, python).catch(() => null);
    const anchors = anchorsFor(chain, fact ?? undefined);
    if (anchors === null) unknown ??= fact?.reason ?? `${key} could not be read`;
    else if (anchors.length > 0) return { client, stores, accepts: true, anchors: anchors.map((a) => a.toString()), reason: null };
  }
  return { client, stores, accepts: unknown === null ? false : null, anchors: [], reason: unknown };
}

const pem = (der: Buffer): string => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

/**
 * The CA set of a `watch`'s light samples: what the full run trusts (trustedCAs) plus the judged
 * client's own stores when they are not Node's (curl: the OS store), so a chain that client
 * accepts does not fail every sample. Read once per watch; never throws.
 */
export async function watchCAs(request: Pick<DiagnosisRequest, 'caFile' | 'client'>, platform: Pick<PlatformAdapters, 'systemCaCertificates' | 'env'>): Promise<string[] | undefined> {
  const ca = await trustedCAs(request).catch(() => undefined);
  const stores = clientStores(request.client ?? JUDGED_DEFAULT, platform.env, process.versions.node);
  if (isNodeStore(stores)) return ca;
  const facts = await Promise.all(stores.map((k) => readStore(k, platform, () => discoverPython(undefined, platform.env)).catch(() => null)));
  const extra = facts.flatMap((f) => (f?.anchors ?? []).map(pem));
  return extra.length === 0 ? ca : [...(ca ?? (await nodeDefaultRoots(platform.env))), ...extra];
}
