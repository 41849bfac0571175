import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { CertStoreTrust, CertView, TlsCertificates } from '../common/tls-view.js';
import { chainReaches, parsePems } from './net/cert-chain.js';
import { storeAccepts, type StoreFact, type StoreKey } from './clients/stores.js';
import type { RunView } from './probe.js';
import { PROBE_IDS } from './probe-data.js';

/** The stores a person asks about, in this order; CA files named by client variables follow. */
const ORDER: readonly StoreKey[] = ['node-bundled', 'node-extra', 'os', 'certifi'];

/**
 * The report's certificate section: the chain the TLS probe saw and, for each trust store the run
 * read (the client matrix's stores, plus --ca-file), whether it accepts that chain. A store that
 * was not read is "unknown" with its reason, never "no". Undefined when no chain was seen.
 * Never throws (a bonus to the report).
 */
export async function tlsCertificates(view: RunView, stores: Map<StoreKey, StoreFact> | null): Promise<TlsCertificates | undefined> {
  try {
    const r = view.result(PROBE_IDS.tls);
    if (!r || r.status === 'skipped' || !r.data || r.data.chain.length === 0) return undefined;
    const d = r.data;
    const x509 = parsePems(d.chainPem ?? []);
    const rows: CertStoreTrust[] = stores ? fromStores(x509, stores) : fromVerdict(d.trust, d.osStore);
    const caPem = d.caFile ? await readFile(d.caFile, 'utf8').catch(() => null) : null;
    if (d.caFile) rows.push(caFileRow(d.caFile, caPem, x509));
    return { host: d.host, checkedAt: d.now, protocol: d.protocol, cipher: d.cipher, alpn: d.alpn, caFile: d.caFile, chain: markStoreRoot(d.chain, x509, caPem), stores: rows };
  } catch {
    return undefined;
  }
}

function fromStores(x509: ReturnType<typeof parsePems>, stores: Map<StoreKey, StoreFact>): CertStoreTrust[] {
  const keys = [...ORDER, ...[...stores.keys()].filter((k) => !ORDER.includes(k))];
  const out: CertStoreTrust[] = [];
  for (const k of keys) {
    const s = stores.get(k);
    if (!s) continue;
    // NODE_EXTRA_CA_CERTS unset is no store at all, not a store that says no.
    if (k === 'node-extra' && s.source === null) continue;
    const trusts = x509.length === 0 ? null : storeAccepts(x509, s);
    out.push({ store: k, source: s.source, trusts, reason: trusts === null ? (s.reason ?? (x509.length === 0 ? 'the chain could not be parsed' : null)) : null });
  }
  return out;
}

/** Without the matrix's stores (left out, or the run was cancelled): what the TLS probe itself judged. */
function fromVerdict(trust: 'node' | 'os-only' | 'none' | null, osStore: string | null): CertStoreTrust[] {
  const notRead = 'not read in this run';
  const node: CertStoreTrust = { store: 'node-bundled', source: 'tls.rootCertificates', trusts: trust === null ? null : trust === 'node', reason: trust === null ? notRead : null };
  // The probe reads the OS store only when Node's said no.
  const osKnown = trust === 'os-only' || (trust === 'none' && osStore !== null);
  const os: CertStoreTrust = { store: 'os', source: osStore, trusts: osKnown ? trust === 'os-only' : null, reason: osKnown ? null : notRead };
  return [node, os];
}

function caFileRow(path: string, pem: string | null, x509: ReturnType<typeof parsePems>): CertStoreTrust {
  if (pem === null) return { store: 'ca-file', source: path, trusts: null, reason: `cannot read ${path}` };
  const anchors = parsePems([pem]);
  if (anchors.length === 0) return { store: 'ca-file', source: path, trusts: null, reason: `${path} holds no certificate` };
  return { store: 'ca-file', source: path, trusts: x509.length === 0 ? null : chainReaches(x509, anchors), reason: null };
}

/**
 * Node's peer chain is the server's certificates completed from the verifying store: when the
 * last one is a self-signed root the store holds, say so (the server may not have sent it).
 * Compared as base64 DER inside the PEM text, so no root is parsed.
 */
function markStoreRoot(chain: readonly CertView[], x509: ReturnType<typeof parsePems>, caPem: string | null): CertView[] {
  const out = chain.map((c) => ({ ...c }));
  const last = out.at(-1);
  const raw = x509.length === out.length ? x509.at(-1)?.raw : undefined;
  if (out.length < 2 || !last?.selfSigned || !raw) return out;
  const b64 = raw.toString('base64');
  const pems = [...tls.rootCertificates, ...(caPem ? [caPem] : [])];
  if (pems.some((p) => p.replace(/\s+/g, '').includes(b64))) last.inTrustStore = true;
  return out;
}
