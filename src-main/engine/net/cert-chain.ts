import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, DetailedPeerCertificate } from 'node:tls';
import type { CertView } from '../../common/tls-view.js';

/** What the report shows of one certificate (no key material): common/tls-view.ts. */
export type CertInfo = CertView;

/** The chain as the server presented it (or as OpenSSL built it), leaf first, each certificate once. */
export function peerChain(leaf: DetailedPeerCertificate): { info: CertInfo[]; x509: X509Certificate[] } {
  const info: CertInfo[] = [];
  const x509: X509Certificate[] = [];
  const seen = new Set<string>();
  let cur: DetailedPeerCertificate | undefined = leaf;
  while (cur && cur.raw && !seen.has(cur.fingerprint256) && info.length < 12) {
    seen.add(cur.fingerprint256);
    let x: X509Certificate | null = null;
    try {
      x = new X509Certificate(cur.raw);
    } catch {
      x = null;
    }
    if (x) x509.push(x);
    info.push(certInfo(cur, x));
    cur = cur.issuerCertificate;
  }
  return { info, x509 };
}

const dn = (o: PeerCertificate['subject'] | undefined): string => {
  if (!o) return '?';
  const parts = (['CN', 'O', 'OU'] as const).map((k) => o[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return parts.length > 0 ? parts.join(', ') : '?';
};

function certInfo(c: PeerCertificate, x: X509Certificate | null): CertInfo {
  const names = (c.subjectaltname ?? '')
    .split(/,\s*/)
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
    .filter((s) => s !== '');
  const selfSigned = x !== null && x.subject === x.issuer && safe(() => x.verify(x.publicKey));
  return {
    subject: dn(c.subject),
    issuer: dn(c.issuer),
    validFrom: iso(c.valid_from),
    validTo: iso(c.valid_to),
    names,
    selfSigned,
    fingerprint256: c.fingerprint256,
    ...keyOf(c, x),
  };
}

/** Key algorithm and size, from what the handshake and the parsed certificate say; absent when neither does. */
function keyOf(c: PeerCertificate, x: X509Certificate | null): Pick<CertView, 'keyType' | 'keyBits' | 'curve' | 'serialNumber' | 'ca'> {
  const out: Pick<CertView, 'keyType' | 'keyBits' | 'curve' | 'serialNumber' | 'ca'> = {};
  const key = x ? safeGet(() => x.publicKey) : null;
  if (key?.asymmetricKeyType) out.keyType = key.asymmetricKeyType;
  const details = key?.asymmetricKeyDetails;
  const bits = typeof c.bits === 'number' && c.bits > 0 ? c.bits : details?.modulusLength;
  if (typeof bits === 'number') out.keyBits = bits;
  const curve = c.nistCurve ?? c.asn1Curve ?? details?.namedCurve;
  if (typeof curve === 'string' && curve !== '') out.curve = curve;
  if (typeof c.serialNumber === 'string' && c.serialNumber !== '') out.serialNumber = c.serialNumber;
  if (x) out.ca = x.ca;
  return out;
}

const safeGet = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch {
    return null;
  }
};

const iso = (s: string): string => {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
};

const safe = (f: () => boolean): boolean => {
  try {
    return f();
  } catch {
    return false;
  }
};

/**
 * Does the presented chain lead to one of `anchors`? A plain path walk (names, then signatures),
 * enough to tell "trusted by store A but not by store B" without another handshake. Dates are
 * judged separately.
 */
export function chainReaches(chain: X509Certificate[], anchors: X509Certificate[]): boolean {
  const fps = new Set(anchors.map((a) => a.fingerprint256));
  let cur = chain[0];
  const used = new Set<X509Certificate>();
  for (let depth = 0; cur && depth < 12; depth++) {
    if (fps.has(cur.fingerprint256)) return true;
    const c = cur;
    if (anchors.some((a) => safe(() => c.checkIssued(a)) && safe(() => c.verify(a.publicKey)))) return true;
    used.add(c);
    cur = chain.find((n) => !used.has(n) && safe(() => c.checkIssued(n)) && safe(() => c.verify(n.publicKey)));
  }
  return false;
}

/** Parses PEM text (one or many certificates) into X509 objects, skipping what does not parse. */
export function parsePems(pems: string[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const text of pems) {
    for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) {
      try {
        out.push(new X509Certificate(m[0]));
      } catch {
        // A broken entry in a bundle is not our problem to report here.
      }
    }
  }
  return out;
}

/**
 * Vendors whose products inspect TLS by re-signing certificates with their own CA. An issuer that
 * names one means "your network is intercepting", not "the server is broken".
 */
const INTERCEPTORS: [RegExp, string][] = [
  [/zscaler/i, 'Zscaler'],
  [/fortinet|fortigate/i, 'Fortinet FortiGate'],
  [/palo ?alto/i, 'Palo Alto Networks'],
  [/netskope/i, 'Netskope'],
  [/blue ?coat|symantec web|proxysg/i, 'Blue Coat / Symantec ProxySG'],
  [/cisco umbrella|opendns/i, 'Cisco Umbrella'],
  [/forcepoint|websense/i, 'Forcepoint'],
  [/sophos/i, 'Sophos'],
  [/check ?point/i, 'Check Point'],
  [/mcafee web gateway|skyhigh/i, 'McAfee / Skyhigh Web Gateway'],
  [/barracuda/i, 'Barracuda'],
  [/kaspersky/i, 'Kaspersky'],
  [/avast|avg web/i, 'Avast / AVG'],
  [/eset ssl/i, 'ESET'],
  [/bitdefender/i, 'Bitdefender'],
  [/mitmproxy/i, 'mitmproxy'],
  [/charles proxy/i, 'Charles Proxy'],
  [/fiddler|do_not_trust/i, 'Fiddler'],
  [/portswigger|burp/i, 'Burp Suite'],
];

/** The intercepting product an issuer name points to, or null. */
export function interceptorOf(names: string[]): string | null {
  for (const n of names) for (const [re, vendor] of INTERCEPTORS) if (re.test(n)) return vendor;
  return null;
}
