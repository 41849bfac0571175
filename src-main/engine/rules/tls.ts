import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { interceptorOf } from '../net/cert-chain.js';
import { certValidity } from '../../common/tls-view.js';

/** Clients that trust Node's store: the findings' text says "Node.js" for them. */
const NODE_CLIENTS: ReadonlySet<string> = new Set(['node', 'openai-node']);

export { EXPIRING_SOON_DAYS } from '../../common/tls-view.js';

export const tlsRules: StageRules = (view) => {
  const r = view.result(PROBE_IDS.tls);
  if (!r || r.status === 'skipped' || !r.data) return [];
  const d = r.data;
  const out: FindingDraft[] = [];
  const where = { host: d.host, address: d.address, viaProxy: d.viaProxy };
  // A verdict about the certificate names the CA file it was reached with (the wizard's "CA file", --ca-file).
  const ca: { caFile?: string } = d.caFile ? { caFile: d.caFile } : {};
  if (d.error) {
    const e = d.error;
    const code = e.code === 'TLS_NOT_TLS' || e.code === 'TLS_HANDSHAKE_TIMEOUT' || e.code === 'TLS_CLIENT_CERT_REQUIRED' ? e.code : 'TLS_PROTOCOL_ERROR';
    out.push({ code, evidence: { ...where, errno: e.errno, error: e.message, handshakeMs: d.handshakeMs, ...(d.firstBytes !== undefined ? { firstBytes: d.firstBytes } : {}) } });
    return out;
  }
  const leaf = d.chain[0];
  if (!leaf) return out;
  const certEv = { subject: leaf.subject, issuer: leaf.issuer, validFrom: leaf.validFrom, validTo: leaf.validTo, localClock: d.now, ...ca };
  const v = certValidity(leaf.validFrom, leaf.validTo, d.now);
  if (v?.state === 'expired') out.push({ code: 'TLS_CERT_EXPIRED', evidence: { ...where, ...certEv, daysAgo: v.days } });
  else if (v?.state === 'not-yet') out.push({ code: 'TLS_CERT_NOT_YET_VALID', evidence: { ...where, ...certEv, daysAhead: v.days } });
  else if (v?.state === 'expiring') out.push({ code: 'TLS_CERT_EXPIRING_SOON', evidence: { ...where, ...certEv, daysLeft: v.days } });

  // Judged for --client (default curl): a client other than Node is named, with its store.
  const judged: { client?: string; store?: string } = d.judged && !NODE_CLIENTS.has(d.judged.client) ? { client: d.judged.client, store: d.judged.store } : {};
  const osOnly = () => ({ ...where, issuer: d.chain.at(-1)?.issuer ?? leaf.issuer, chain: d.chain.map((c) => c.subject), osStore: d.osStore, interceptor: interceptorOf(d.chain.flatMap((c) => [c.issuer, c.subject])) });
  if (d.trust === 'os-only') {
    out.push({ code: 'TLS_OS_TRUST_ONLY', evidence: { ...osOnly(), ...judged, ...ca } });
  } else if (d.trust === 'node' && d.nodeOsOnly && d.judged) {
    // The judged client (curl, say) is fine; Node SDKs on this machine are not: a warning, not the root cause.
    out.push({ code: 'TLS_OS_TRUST_ONLY', severity: 'warn', evidence: { ...osOnly(), judgedFor: d.judged.client, ...ca } });
  } else if (d.trust === 'none') {
    const interceptor = interceptorOf(d.chain.flatMap((c) => [c.issuer, c.subject]));
    // Only the leaf came, it is not its own issuer, and the issuer is not a product's CA: the server forgot its intermediate.
    const incomplete = d.chain.length === 1 && !leaf.selfSigned && leaf.subject !== leaf.issuer && interceptor === null;
    if (incomplete) out.push({ code: 'TLS_INCOMPLETE_CHAIN', evidence: { ...where, subject: leaf.subject, missingIssuer: leaf.issuer, sent: d.chain.length, authorizationError: d.authorizationError, ...ca } });
    else out.push({ code: 'TLS_UNTRUSTED_CERT', evidence: { ...where, subject: leaf.subject, issuer: d.chain.at(-1)?.issuer ?? leaf.issuer, selfSigned: leaf.selfSigned, chain: d.chain.map((c) => c.subject), interceptor, authorizationError: d.authorizationError, caFile: d.caFile, ...judged } });
  }
  if (d.hostnameError) out.push({ code: 'TLS_HOSTNAME_MISMATCH', evidence: { ...where, covers: leaf.names, subject: leaf.subject, error: d.hostnameError, ...ca } });
  return out;
};
