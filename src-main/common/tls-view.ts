/**
 * What a report shows of the TLS handshake's certificates: the chain as the server sent it and
 * which trust stores accept it. Pure data (the renderer imports it too); no key material.
 */

/** One certificate of the presented chain. */
export interface CertView {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** DNS names and IP addresses the certificate covers (subjectAltName). */
  names: string[];
  selfSigned: boolean;
  fingerprint256: string;
  /** Public key algorithm as Node names it ('rsa', 'ec', 'ed25519', 'rsa-pss'), when known. */
  keyType?: string;
  /** Key size in bits (RSA modulus, EC curve size), when known. */
  keyBits?: number;
  /** EC curve name (P-256, prime256v1), when the key is EC. */
  curve?: string;
  serialNumber?: string;
  /** A CA certificate (basicConstraints CA:TRUE). */
  ca?: boolean;
  /**
   * The chain's root is one of the verifying store's own certificates (Node's bundle or the CA
   * file). OpenSSL completes the chain from that store, so the server may not have sent it.
   */
  inTrustStore?: boolean;
}

/**
 * A trust store the run read: Node's bundled roots, NODE_EXTRA_CA_CERTS, the OS store, certifi,
 * the --ca-file the run was given, or a CA file a client variable names (`file:<path>`).
 */
export type CertStoreId = 'node-bundled' | 'node-extra' | 'os' | 'certifi' | 'ca-file' | `file:${string}`;

export interface CertStoreTrust {
  store: CertStoreId;
  /** Where the store came from (a path, "tls.rootCertificates", "platform"), when known. */
  source: string | null;
  /** Does it accept the chain? null: unknown (the store could not be read, or was not checked). */
  trusts: boolean | null;
  /** Why it is unknown, in English (the store reader's words); null otherwise. */
  reason: string | null;
}

export interface TlsCertificates {
  host: string;
  /** The clock the dates were judged by (ISO): "days left" counts from here. */
  checkedAt: string;
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  /** The CA file the run verified with (--ca-file, the wizard's "CA file"), or null. */
  caFile: string | null;
  /** Leaf first, as the server sent it; a last root marked inTrustStore may come from the store. */
  chain: CertView[];
  stores: CertStoreTrust[];
}

/** Renewal automation (ACME) renews at 30 days left; under 14 it has failed and someone must act. */
export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Where a certificate stands on the clock `now`, in whole days, counted one way for the findings
 * and the viewer alike: expired N days ago (floor), not valid for N more days (ceil), N days left (floor).
 */
export type CertValidity = { state: 'expired'; days: number } | { state: 'not-yet'; days: number } | { state: 'expiring' | 'valid'; days: number };

export function certValidity(validFrom: string, validTo: string, now: string): CertValidity | null {
  const t = Date.parse(now);
  const from = Date.parse(validFrom);
  const to = Date.parse(validTo);
  if (Number.isNaN(t) || Number.isNaN(from) || Number.isNaN(to)) return null;
  if (to < t) return { state: 'expired', days: Math.floor((t - to) / DAY_MS) };
  if (from > t) return { state: 'not-yet', days: Math.ceil((from - t) / DAY_MS) };
  return { state: to - t < EXPIRING_SOON_DAYS * DAY_MS ? 'expiring' : 'valid', days: Math.floor((to - t) / DAY_MS) };
}

/** A certificate's place in the chain, as the wizard's viewer, report.md and the terminal name it. */
export function certRole(chain: readonly CertView[], i: number): 'leaf' | 'intermediate' | 'root' {
  const c = chain[i]!;
  return i === 0 ? 'leaf' : c.selfSigned || (i === chain.length - 1 && c.inTrustStore) ? 'root' : 'intermediate';
}

const KEY_NAMES: Record<string, string> = { ec: 'EC', rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ed25519: 'Ed25519', ed448: 'Ed448', dsa: 'DSA' };
/** "EC P-256", "RSA": the algorithm and curve (the size is worded by the caller). */
export const keyAlgorithm = (c: CertView): string => [c.keyType ? (KEY_NAMES[c.keyType] ?? c.keyType) : '', c.curve ?? ''].filter((x) => x !== '').join(' ');
