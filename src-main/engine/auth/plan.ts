import type { Evidence } from '../../common/report.js';
import type { AuthPlacement, DiagnosisRequest } from '../../common/request.js';
import type { ProviderProfile } from '../providers/types.js';
import { keyMismatch } from '../providers/key-formats.js';
import type { Redactor } from '../redact.js';
import { fingerprint, type Secret } from '../secret.js';
import { checkHygiene } from './hygiene.js';
import { jwtProblem } from './jwt.js';

/** Header names that carry credentials: stripped on cross-origin redirects, recognised in -H. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'proxy-authorization'];
/** The ones that carry the API's credential (a Proxy-Authorization the user adds is for the proxy). */
const API_CREDENTIAL_HEADERS = CREDENTIAL_HEADERS.filter((h) => h !== 'proxy-authorization');

export type PrecheckCode = 'AUTH_MALFORMED' | 'AUTH_TOKEN_EXPIRED' | 'AUTH_KEY_PROVIDER_MISMATCH';

/** How the credential is (or is not) sent, decided before any request. Holds no secret, only a fingerprint. */
export interface CredentialPlan {
  source: 'credential' | 'oauth' | 'header' | 'none';
  /** "Bearer (Authorization header)", "header x-api-key", "query parameter key". */
  sentAs: string | null;
  /** The lower-case header name carrying it, or null (query parameter, or none). */
  headerName: string | null;
  /** The scheme word for Authorization (bearer, basic), or null for other placements. */
  scheme: string | null;
  fingerprint: string | null;
  /** A problem found without a round trip: the credential is then withheld. */
  problem: null | { code: PrecheckCode; evidence: Evidence };
  /** Not sent (problem found, or the TLS certificate failed verification). */
  withheld: boolean;
  withheldReason: string | null;
  /** The placement decided by --auth or the provider profile. */
  placement: AuthPlacement | null;
}

export interface PlannedAuth {
  plan: CredentialPlan;
  /** Headers to add (the user's own credential headers are already in the request). */
  headers: { name: string; value: string }[];
  url: URL;
}

/** Worded so it never reads as a header line ("Name: value"), which the redactor would scrub. */
export const describePlacement = (p: AuthPlacement): string =>
  p.kind === 'bearer' ? 'Bearer (Authorization header)' : p.kind === 'basic' ? 'Basic (Authorization header)' : p.kind === 'header' ? `header ${p.name}` : `query parameter ${p.param}`;

export interface PlanInput {
  request: DiagnosisRequest;
  url: URL;
  provider: ProviderProfile;
  credential: Secret | null;
  /** An OAuth access token obtained for this run (replaces the credential, which was the client secret). */
  oauthToken: Secret | null;
  redactor: Redactor;
  /** False when the TLS probe saw the certificate fail verification: no secret goes over that. */
  tlsTrusted: boolean;
  now: number;
}

/** Decides where the credential goes and whether it is fit to send, and builds the headers for it. */
export function planCredential(inp: PlanInput): PlannedAuth {
  const placement = inp.request.auth ?? inp.provider.auth(inp.url);
  const userHeader = inp.request.headers.find((h) => API_CREDENTIAL_HEADERS.includes(h.name.toLowerCase()) || (placement.kind === 'header' && h.name.toLowerCase() === placement.name.toLowerCase()));
  const empty: CredentialPlan = { source: 'none', sentAs: null, headerName: null, scheme: null, fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: null };

  if (userHeader) {
    // The user wrote the header: we send it as given, after the same checks.
    const name = userHeader.name.toLowerCase();
    const isAuthz = name === 'authorization';
    const key = isAuthz ? userHeader.value.replace(/^\s*\S+\s+/, '') : userHeader.value;
    inp.redactor.add(userHeader.value);
    inp.redactor.add(key);
    const scheme = isAuthz ? (/^\s*(\S+)\s/.exec(userHeader.value)?.[1]?.toLowerCase() ?? null) : null;
    const plan: CredentialPlan = { ...empty, source: 'header', sentAs: isAuthz ? `${scheme ?? '(no scheme)'} (Authorization header, from -H)` : `header ${userHeader.name} (from -H)`, headerName: name, scheme, fingerprint: fingerprint(key), placement: null };
    plan.problem = precheck(userHeader.value, isAuthz ? 'authorization' : 'raw', key, inp, userHeader.name);
    return finish(plan, [], inp);
  }

  const secret = inp.oauthToken ?? inp.credential;
  if (!secret) return { plan: empty, headers: [], url: inp.url };
  const value = secret.reveal();
  const plan: CredentialPlan = {
    ...empty,
    source: inp.oauthToken ? 'oauth' : 'credential',
    sentAs: describePlacement(placement),
    headerName: placement.kind === 'bearer' || placement.kind === 'basic' ? 'authorization' : placement.kind === 'header' ? placement.name.toLowerCase() : null,
    scheme: placement.kind === 'bearer' ? 'bearer' : placement.kind === 'basic' ? 'basic' : null,
    fingerprint: secret.fingerprint,
    placement,
  };
  plan.problem = inp.oauthToken ? null : precheck(value, placement.kind === 'bearer' ? 'raw-bearer' : 'raw', value, inp);
  if (!plan.problem && placement.kind === 'basic' && !value.includes(':')) {
    plan.problem = { code: 'AUTH_MALFORMED', evidence: { credential: plan.fingerprint, problems: ['basic-needs-user-colon-password'], sentAs: plan.sentAs } };
  }
  const headers: { name: string; value: string }[] = [];
  let url = inp.url;
  if (placement.kind === 'bearer') headers.push({ name: 'authorization', value: `Bearer ${value}` });
  else if (placement.kind === 'basic') {
    const b64 = Buffer.from(value).toString('base64');
    inp.redactor.add(b64);
    headers.push({ name: 'authorization', value: `Basic ${b64}` });
  } else if (placement.kind === 'header') headers.push({ name: placement.name, value });
  else {
    url = new URL(inp.url);
    url.searchParams.set(placement.param, value);
  }
  return finish(plan, headers, inp, url);
}

function finish(plan: CredentialPlan, headers: { name: string; value: string }[], inp: PlanInput, url = inp.url): PlannedAuth {
  if (plan.problem) {
    plan.withheld = true;
    plan.withheldReason = plan.problem.code;
  } else if (!inp.tlsTrusted) {
    plan.withheld = true;
    plan.withheldReason = 'the server certificate failed verification';
  }
  if (plan.withheld) return { plan, headers: [], url: inp.url };
  return { plan, headers, url };
}

function precheck(sentValue: string, kind: 'raw-bearer' | 'raw' | 'authorization', key: string, inp: PlanInput, fromHeader?: string): CredentialPlan['problem'] {
  const fp = fingerprint(key);
  const h = checkHygiene(sentValue, kind);
  // Where the key came from (a variable's or a saved credential's name, never a secret), so the text can name it.
  const ref = inp.request.credential;
  const origin: Record<string, string> = fromHeader ? { fromHeader } : ref.kind === 'env' ? { variable: ref.variable } : ref.kind === 'keychain' ? { savedAs: ref.name } : {};
  if (h.problems.length > 0) return { code: 'AUTH_MALFORMED', evidence: { credential: fp, problems: h.problems, ...origin, ...(h.firstBadChar ? { firstBadChar: h.firstBadChar } : {}) } };
  const jwt = jwtProblem(key, inp.now);
  if (jwt) return { code: 'AUTH_TOKEN_EXPIRED', evidence: { credential: fp, source: 'jwt', reason: jwt.reason, ...(jwt.reason === 'expired' ? { expiredAt: jwt.at } : { notBefore: jwt.at }), checkedAt: new Date(inp.now).toISOString() } };
  const mm = keyMismatch(inp.provider.id, key);
  if (mm) return { code: 'AUTH_KEY_PROVIDER_MISMATCH', evidence: { credential: fp, keyLooksLike: mm.label, endpointProvider: inp.provider.name, url: inp.url.origin } };
  return null;
}
