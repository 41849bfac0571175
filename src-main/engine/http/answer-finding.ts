import type { Evidence } from '../../common/report.js';
import type { CredentialPlan } from '../auth/plan.js';
import { parseWwwAuthenticate } from '../auth/www-authenticate.js';
import type { FindingDraft } from '../probe.js';
import { parseErrorBody } from '../providers/error-body.js';
import type { ProviderProfile } from '../providers/types.js';
import { gatewayOf, rateLimitTable, requestIdOf, retryAfterSeconds } from '../server/headers.js';
import type { AnswerSummary } from './types.js';
import { errorInSuccess, providerExtras, wrongBaseUrl } from '../providers/judge-extras.js';
import { fixBaseUrl } from '../providers/base-url.js';
import { cloudflare5xx, detectWaf, wafEvidence } from './waf.js';
import { clientCertAnswer } from './client-cert-answer.js';

/** A quoted server message is evidence, not an essay. */
const quote = (s: string | null | undefined, n = 300): string | null => (s ? s.replace(/\s+/g, ' ').trim().slice(0, n) : null);

/**
 * What a completed answer means: the one primary finding (of any stage) or null when the API
 * answered as it should. Pure; every stage's rules and probes call this, each keeping its own
 * stage's codes, so a 429 is judged in one place only.
 */
export function judgeAnswer(a: AnswerSummary, plan: CredentialPlan, provider: ProviderProfile, oauthFailed = false, requestBody?: string): FindingDraft | null {
  const err = a.html ? null : parseErrorBody(a.bodyText);
  // An error body inside a 2xx (Zhipu does this) is judged like any error: evidence.httpStatus says 200.
  const in2xx = a.status >= 200 && a.status < 300 && errorInSuccess(a.bodyText);
  const meaning = provider.meaning(in2xx ? 400 : a.status, err);
  const requestId = requestIdOf(a.headers);
  const base: Evidence = { url: a.url, status: a.status, ...(requestId ? { requestId } : {}) };
  const providerMessage = quote(err?.message);
  const pe: Evidence = { ...(providerMessage ? { providerMessage } : {}), ...(err?.code ? { providerCode: err.code } : {}), ...(err?.type ? { providerType: err.type } : {}), ...(meaning ? { providerMeaning: meaning.reason } : {}), ...(meaning?.reasonZh ? { providerMeaningZh: meaning.reasonZh } : {}) };
  const s = a.status;

  // Problems found before sending come first: the answer is a consequence of them.
  if (plan.problem) return { code: plan.problem.code, evidence: plan.problem.evidence };
  if (oauthFailed && (s === 401 || s === 403)) return null; // OAUTH_TOKEN_REQUEST_FAILED (from the oauth probe) says it all
  const clientCert = clientCertAnswer(a);
  if (clientCert) return clientCert;

  // A CDN or web firewall answered, not the API (its 5xx pages are gateway errors, below).
  const waf = s < 500 || a.headers['cf-mitigated'] || a.headers['x-amzn-waf-action'] ? detectWaf(a) : null;
  if (waf) return { code: 'HTTP_BLOCKED_BY_WAF', evidence: { ...base, ...wafEvidence(waf), contentType: a.contentType, ...(a.title ? { title: a.title } : {}) } };

  if (in2xx) {
    const ev: Evidence = { ...base, httpStatus: s, ...pe };
    const extra = providerExtras(meaning, err, a, provider, requestBody);
    if (extra) return { code: extra.code, evidence: { ...ev, ...extra.evidence } };
    if (meaning?.code === 'AUTH_MISSING' || meaning?.code === 'AUTH_REJECTED' || meaning?.code === 'AUTH_TOKEN_EXPIRED') return { code: meaning.code, evidence: { ...ev, credential: plan.fingerprint, sentAs: plan.sentAs } };
    if (meaning && meaning.code !== 'HTTP_NOT_FOUND') return { code: meaning.code, evidence: { ...ev, ...(meaning.code === 'AUTH_FORBIDDEN' ? { reason: providerMessage ?? meaning.reason, ...whatWasSent(plan) } : { serverMessage: providerMessage }) } };
    return { code: 'SERVER_ERROR', evidence: { ...ev, serverMessage: providerMessage } };
  }

  if (s === 401) return judge401(a, plan, base, pe, meaning?.code ?? null, provider);
  if (a.html && (s < 300 || s === 403)) {
    return { code: 'HTTP_UNEXPECTED_CONTENT', evidence: { ...base, contentType: a.contentType, title: a.title, ...(a.bodyText ? { snippet: quote(stripTags(a.bodyText), 200) } : {}) } };
  }
  // 2xx: answered as it should; 3xx: a redirect we did not follow (the http rules say why).
  if (s < 400) return null;

  const limits = rateLimitTable(a.headers);
  const retryAfter = retryAfterSeconds(a.headers, a.receivedAt);
  const serverSide: Evidence = { ...base, ...pe, ...(retryAfter !== null ? { retryAfterSeconds: retryAfter } : {}), ...(Object.keys(limits).length ? { limits } : {}) };

  // Cloudflare's own 52x: the origin behind Cloudflare is down or slow (a gateway error, with the ray id).
  const cf = cloudflare5xx(a);
  if (cf) return { code: 'SERVER_BAD_GATEWAY', evidence: { ...serverSide, gateway: gatewayOf(a.headers), ...cf, ...(a.title ? { title: a.title } : {}) } };
  // The new provider codes (model, size, filter, relay, URL layout) carry their own evidence.
  const extra = providerExtras(meaning, err, a, provider, requestBody);
  if (extra) return { code: extra.code, evidence: { ...serverSide, ...extra.evidence } };

  // The provider's own words beat the status (a Zhipu 1113 comes as 429, an Anthropic credit error as 400).
  if (meaning && meaning.code !== 'AUTH_MISSING' && meaning.code !== 'AUTH_REJECTED' && meaning.code !== 'AUTH_TOKEN_EXPIRED') {
    switch (meaning.code) {
      case 'SERVER_QUOTA_EXHAUSTED':
      case 'SERVER_RATE_LIMITED':
      case 'SERVER_OVERLOADED':
        return { code: meaning.code, evidence: serverSide };
      case 'AUTH_FORBIDDEN':
        return { code: 'AUTH_FORBIDDEN', evidence: { ...base, ...pe, reason: providerMessage ?? meaning.reason, ...whatWasSent(plan) } };
      case 'HTTP_NOT_FOUND':
        return notFound(a, provider, base, pe);
      case 'SERVER_ERROR':
        if (s >= 500) break;
        return { code: 'SERVER_ERROR', evidence: serverSide };
      default:
        if (s < 500) return { code: meaning.code, evidence: { ...base, ...pe, method: a.method, requestBytes: a.requestBytes, serverMessage: providerMessage } };
    }
  }
  if (s === 403) return { code: 'AUTH_FORBIDDEN', evidence: { ...base, ...pe, reason: providerMessage ?? quote(a.bodyText, 200) ?? a.statusText, ...whatWasSent(plan) } };
  if (s === 404 || s === 410) return notFound(a, provider, base, pe);
  if (s === 405) return { code: 'HTTP_METHOD_NOT_ALLOWED', evidence: { ...base, method: a.method, allow: a.headers.allow ?? null, ...pe } };
  if (s === 413) return { code: 'HTTP_PAYLOAD_TOO_LARGE', evidence: { ...base, requestBytes: a.requestBytes, ...pe } };
  if (s === 402) return { code: 'SERVER_QUOTA_EXHAUSTED', evidence: serverSide };
  if (s === 429) return { code: 'SERVER_RATE_LIMITED', evidence: serverSide };
  if (s === 400 || s === 409 || s === 415 || s === 422) {
    return { code: 'HTTP_BAD_REQUEST', evidence: { ...base, method: a.method, serverMessage: providerMessage ?? quote(a.html ? a.title : a.bodyText, 300), ...pe } };
  }
  if (s === 529) return { code: 'SERVER_OVERLOADED', evidence: serverSide };
  if (s === 502 || s === 504) return { code: 'SERVER_BAD_GATEWAY', evidence: { ...serverSide, gateway: gatewayOf(a.headers), ...(a.title ? { title: a.title } : {}) } };
  if (s === 503) {
    if (/overload/i.test(`${err?.type ?? ''} ${err?.message ?? ''}`)) return { code: 'SERVER_OVERLOADED', evidence: serverSide };
    return { code: 'SERVER_UNAVAILABLE', evidence: { ...serverSide, gateway: gatewayOf(a.headers) } };
  }
  // (A provider saying "overloaded" was answered by the switch above, whatever the status.)
  if (s >= 500) return { code: 'SERVER_ERROR', evidence: { ...serverSide, ...(a.title ? { title: a.title } : {}) } };
  // Any other 4xx (431 headers too large, 408, 411, 414, …) refused the request as sent: never "healthy".
  // (Below 400 returned above, so every status that gets here is a 4xx.)
  return { code: 'HTTP_BAD_REQUEST', evidence: { ...base, method: a.method, serverMessage: providerMessage ?? quote(a.html ? a.title : a.bodyText, 300) ?? a.statusText, ...pe } };
}

/**
 * What the call actually carried, for findings that speak about the credential: a 403 with no
 * credential sent must not read "the server knows who you are".
 */
function whatWasSent(plan: CredentialPlan): Evidence {
  const sent = plan.source !== 'none' && !plan.withheld;
  return sent ? { credentialSent: true, credential: plan.fingerprint, sentAs: plan.sentAs } : { credentialSent: false, ...(plan.withheldReason ? { withheld: plan.withheldReason } : {}) };
}

function judge401(a: AnswerSummary, plan: CredentialPlan, base: Evidence, pe: Evidence, said: string | null, provider: ProviderProfile): FindingDraft {
  const challenges = parseWwwAuthenticate(a.headers['www-authenticate']);
  const www: Evidence = challenges.length
    ? {
        wwwAuthenticate: challenges.map((c) => ({ scheme: c.scheme, ...c.params })),
      }
    : {};
  const sent = plan.source !== 'none' && !plan.withheld;
  if (!sent) return { code: 'AUTH_MISSING', evidence: { ...base, ...pe, ...www, ...(plan.withheldReason ? { withheld: plan.withheldReason } : {}) } };
  const first = challenges.find((c) => c.params.error || c.params.error_description) ?? challenges[0];
  const desc = `${first?.params.error ?? ''} ${first?.params.error_description ?? ''}`;
  const ev: Evidence = { ...base, ...pe, ...www, credential: plan.fingerprint, sentAs: plan.sentAs, ...(first?.params.realm ? { realm: first.params.realm } : {}), ...(first?.params.scope ? { scope: first.params.scope } : {}), ...(first?.params.error ? { error: first.params.error } : {}), ...(first?.params.error_description ? { errorDescription: first.params.error_description } : {}) };
  if (said === 'AUTH_TOKEN_EXPIRED' || /expired/i.test(desc)) return { code: 'AUTH_TOKEN_EXPIRED', evidence: { ...ev, source: 'server' } };
  // The server wants another scheme than the one we used, or saw no key where we put it.
  const schemes = challenges.map((c) => c.scheme.toLowerCase());
  const wrongScheme = schemes.length > 0 && (plan.scheme === null ? !schemes.some((s) => s !== 'bearer' && s !== 'basic') : !schemes.includes(plan.scheme));
  if (wrongScheme || said === 'AUTH_MISSING') return { code: 'AUTH_SCHEME_MISMATCH', evidence: { ...ev, serverWants: challenges.length ? challenges.map((c) => c.scheme) : null } };
  // Keys of a sibling region or product (bigmodel.cn vs z.ai, DashScope CN vs intl, Kimi .cn vs .ai) are rejected here.
  const siblings = provider.siblings?.(new URL(a.url)) ?? [];
  return { code: 'AUTH_REJECTED', evidence: { ...ev, ...(siblings.length ? { siblingEndpoints: siblings.map((x) => `${x.label}: ${x.origin}`) } : {}) } };
}

function notFound(a: AnswerSummary, provider: ProviderProfile, base: Evidence, pe: Evidence): FindingDraft {
  const url = new URL(a.url);
  // The path does not fit the provider's layout: say so, with the corrected URL.
  const wrong = wrongBaseUrl(a, provider, false);
  if (wrong) return { code: wrong.code, evidence: { ...base, ...pe, ...wrong.evidence } };
  // A guess for an unknown layout (…/v1 missing): the http probe confirms it against the server before saying so.
  const guess = fixBaseUrl(url, provider);
  const bases = provider.knownBases(url);
  const here = provider.apiBase(url);
  const onKnownBase = bases.some((b) => a.url.startsWith(b));
  return {
    code: 'HTTP_NOT_FOUND',
    evidence: {
      ...base,
      ...pe,
      provider: provider.name,
      ...(bases.length && !onKnownBase ? { suggestedBases: bases } : {}),
      ...(here ? { apiBase: here } : {}),
      ...(guess ? { candidateUrl: guess.correctedUrl, candidateBase: guess.correctedBase } : {}),
      ...(a.html && a.title ? { title: a.title } : {}),
    },
  };
}

const stripTags = (s: string) => s.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
