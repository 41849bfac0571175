import type { Evidence } from '../../common/report.js';

/** Request-id headers providers use, most specific first: support asks for this id. */
const REQUEST_ID = ['x-request-id', 'request-id', 'apim-request-id', 'x-ms-request-id', 'x-amzn-requestid', 'cf-ray', 'x-trace-id', 'trace-id'];

export function requestIdOf(headers: Record<string, string>): string | null {
  for (const h of REQUEST_ID) if (headers[h]) return `${h}: ${headers[h]}`;
  return null;
}

/** Every rate-limit header (OpenAI x-ratelimit-*, Anthropic anthropic-ratelimit-*, Retry-After, retry-after-ms), as a table. */
export function rateLimitTable(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (/^(x-ratelimit-|anthropic-ratelimit-|ratelimit-|ratelimit$|retry-after|x-rate-limit-)/.test(k)) out[k] = v.slice(0, 200);
  }
  return out;
}

/** Seconds to wait from Retry-After (seconds or HTTP date) or retry-after-ms; null when absent. */
export function retryAfterSeconds(headers: Record<string, string>, now = Date.now()): number | null {
  const ms = headers['retry-after-ms'];
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms) / 100) / 10;
  const ra = headers['retry-after']?.trim();
  if (!ra) return null;
  if (/^\d+$/.test(ra)) return Number(ra);
  const t = Date.parse(ra);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now) / 1000)) : null;
}

/** Who answered: the gateway headers that say whether a CDN, a load balancer or the service itself spoke. */
export function gatewayOf(headers: Record<string, string>): Evidence {
  const out: Evidence = {};
  for (const h of ['server', 'via', 'cf-ray', 'x-cache', 'x-served-by', 'x-amz-cf-id', 'x-azure-ref', 'x-envoy-upstream-service-time']) {
    if (headers[h]) out[h] = headers[h].slice(0, 200);
  }
  return out;
}
