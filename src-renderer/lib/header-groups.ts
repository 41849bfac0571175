/**
 * Response headers sorted into what a reader looks for: rate limits (only when the answer has
 * them), the ids support asks for, what a CDN or proxy added, and the rest. Order within a group
 * is the server's. Values are shown as main sent them (already redacted).
 */
export type HeaderGroupId = 'rate' | 'ids' | 'cdn' | 'other';
export interface Header {
  name: string;
  value: string;
}
export interface HeaderGroup {
  id: HeaderGroupId;
  headers: Header[];
}

/** Rate-limit and retry headers: the IETF draft's RateLimit-*, the x-ratelimit-* family, providers' own. */
const RATE = /^(retry-after|retry-after-ms|x-ratelimit-|x-rate-limit-|ratelimit(-|$)|anthropic-ratelimit-|x-ms-ratelimit-|llm_provider-x-ratelimit-)/i;
/** Request and trace ids: what a provider's support asks for. cf-ray is Cloudflare's request id. */
const IDS = /^(x-request-id|request-id|x-amzn-requestid|x-amzn-trace-id|x-amz-request-id|x-amz-cf-id|apim-request-id|x-ms-request-id|x-ms-client-request-id|x-correlation-id|x-trace-id|x-b3-|traceparent|tracestate|x-cloud-trace-context|cf-ray|x-oneapi-request-id|x-litellm-call-id|x-goog-request-id|sentry-trace|eagleeye-traceid|x-acs-request-id)$|^x-b3-/i;
/** What a CDN, gateway or proxy on the way added. */
const CDN = /^(via|server|x-cache|x-cache-hits|x-served-by|x-timer|age|x-varnish|x-squid-error|x-proxy-|proxy-|x-envoy-|x-kong-|x-amz-cf-pop|x-fastly-|fastly-|akamai-|x-akamai-|x-azure-ref|x-msedge-ref|cf-|x-cdn|cdn-|x-edge-|x-iinfo|x-sucuri-|server-timing)/i;

export function groupHeaders(headers: readonly Header[]): HeaderGroup[] {
  const by: Record<HeaderGroupId, Header[]> = { rate: [], ids: [], cdn: [], other: [] };
  for (const h of headers) {
    const id: HeaderGroupId = RATE.test(h.name) ? 'rate' : IDS.test(h.name) ? 'ids' : CDN.test(h.name) ? 'cdn' : 'other';
    by[id].push(h);
  }
  return (['rate', 'ids', 'cdn', 'other'] as const).filter((id) => by[id].length > 0).map((id) => ({ id, headers: by[id] }));
}
