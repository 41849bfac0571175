import diagnostics from 'node:diagnostics_channel';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { CODES, type FindingCode } from '../../common/codes.js';
import type { DiagnosisRequest } from '../../common/request.js';
import type { WatchSample } from '../../common/watch.js';
import { CREDENTIAL_HEADERS } from '../auth/plan.js';
import { summarize } from '../http/call.js';
import { exchange, type ExchangeOutcome } from '../http/exchange.js';
import { judgeAnswer } from '../http/answer-finding.js';
import { planHeaders } from '../http/planned-call.js';
import { followRedirects } from '../http/redirects.js';
import { proxyChoiceFor } from '../clients/choice.js';
import type { PlatformAdapters } from '../platform.js';
import { profileFor } from '../providers/index.js';
import type { Redactor } from '../redact.js';
import type { Secret } from '../secret.js';

export interface LightProbeDeps {
  credential: Secret | null;
  redactor: Redactor;
  platform: PlatformAdapters;
  /** The trusted CAs, read once per watch (trustedCAs(request)). */
  ca: string[] | undefined;
  signal: AbortSignal;
}

/** A tick's sample plus what the scheduler and the metrics need. */
export interface LightResult extends WatchSample {
  /** Retry-After of a 429/503 answer, in ms; null when absent or unparsable. */
  retryAfterMs: number | null;
  /** notAfter of the earliest-expiring certificate of the chain (seconds since the epoch); null for http or no TLS. */
  certExpiry: number | null;
}

/**
 * The call itself, once, with its phase timings: no DNS/TCP/TLS probes around it and no rules
 * beyond the answer's own verdict (judgeAnswer). This is what a watch tick costs; a full
 * diagnosis runs only when a failure needs explaining.
 */
export async function lightProbe(request: DiagnosisRequest, deps: LightProbeDeps): Promise<LightResult> {
  const at = new Date().toISOString();
  const target = new URL(request.url);
  const provider = profileFor(request, target);
  // The same credential placement and headers as the diagnosis's own call (planned-call.ts); the
  // exchange differs: no probe context, the watch's CA read once, and redirects followed here.
  const { planned, headers } = planHeaders({ request, provider, url: target, credential: deps.credential, oauthToken: null, redactor: deps.redactor, tlsTrusted: true, now: deps.platform.now(), ...(request.body !== undefined ? { body: request.body } : {}) });
  const { plan } = planned;
  const proxyFor = async (url: URL) => {
    // The same route as the diagnosis: the run's client's (curl by default: never the OS proxy).
    const c = await proxyChoiceFor(request, deps.platform.env, url, (u) => deps.platform.resolveSystemProxy(u)).catch(() => null);
    // SOCKS is not tunnelled by the exchange code: same rule as the http probe.
    return c?.proxyUrl && /^https?:/i.test(c.proxyUrl) ? c.proxyUrl : null;
  };
  let certExpiry: number | null = null;
  const onConnected = (message: unknown) => {
    const socket = (message as { socket?: Partial<TLSSocket> }).socket;
    if (typeof socket?.getPeerCertificate === 'function') certExpiry = earliestExpiry(socket as TLSSocket) ?? certExpiry;
  };
  diagnostics.subscribe('undici:client:connected', onConnected);
  let hops: ExchangeOutcome[];
  let final: ExchangeOutcome;
  try {
    const trail = await followRedirects(
      { method: request.method, url: planned.url, headers, ...(request.body !== undefined ? { body: request.body } : {}), timeoutMs: request.timeoutMs, signal: deps.signal, ca: deps.ca, pins: request.resolve, dnsServers: request.dnsServers, proxyUrl: await proxyFor(planned.url) },
      exchange,
      [...CREDENTIAL_HEADERS, ...(plan.headerName ? [plan.headerName] : [])],
      proxyFor,
    );
    hops = trail.hops;
    final = trail.final;
  } finally {
    diagnostics.unsubscribe('undici:client:connected', onConnected);
  }
  const timings = {
    dnsMs: final.times.dnsMs,
    connectMs: final.times.connectMs,
    tlsMs: final.times.tlsMs,
    ttfbMs: final.ttfbMs,
    downloadMs: final.downloadMs,
    totalMs: Math.round(hops.reduce((a, h) => a + h.totalMs, 0) * 10) / 10,
  };
  let rootCause: string | null;
  if (final.error) {
    rootCause = final.error.code ?? 'HTTP_EMPTY_REPLY';
  } else {
    const verdict = judgeAnswer(summarize(final, request.body !== undefined ? Buffer.byteLength(request.body) : 0)!, plan, provider);
    // Warnings (a slow answer, a deprecation) are not failures: the call worked.
    rootCause = verdict && CODES[verdict.code as FindingCode].severity === 'error' ? verdict.code : null;
  }
  const retryAfterMs = final.status === 429 || final.status === 503 ? parseRetryAfter(final.headers['retry-after'], deps.platform.now()) : null;
  return { at, ok: rootCause === null, rootCause, timings, status: final.status, retryAfterMs, certExpiry };
}

/** Retry-After as seconds or an HTTP date → ms from now; null when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** The chain's earliest notAfter (what blackbox's probe_ssl_earliest_cert_expiry reports), in epoch seconds. */
function earliestExpiry(socket: TLSSocket): number | null {
  let cert: DetailedPeerCertificate | undefined;
  try {
    cert = socket.getPeerCertificate(true);
  } catch {
    return null;
  }
  let earliest: number | null = null;
  const seen = new Set<string>();
  while (cert && cert.valid_to && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const t = Date.parse(cert.valid_to) / 1000;
    if (!Number.isNaN(t) && (earliest === null || t < earliest)) earliest = t;
    cert = cert.issuerCertificate;
  }
  return earliest;
}
