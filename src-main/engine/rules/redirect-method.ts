import type { HttpProbeData } from '../http/types.js';
import type { FindingDraft } from '../probe.js';

/**
 * HTTP_REDIRECT_CHANGED_METHOD: a 301/302 after a POST, or any 303, made the client send a GET to
 * the next URL (every client does: RFC 9110 §15.4 allows it, and curl, browsers, requests and
 * undici do it). The API then never saw the request as sent, and its answer (often 405 or 404)
 * is about a GET the user never made (a 303 to a result that answers is by design). Pure: reads the hops the http probe recorded.
 */
export function redirectChangedMethod(d: Pick<HttpProbeData, 'hops' | 'answer'>): FindingDraft | null {
  const first = d.hops[0];
  if (!first) return null;
  const i = d.hops.findIndex((h, n) => n > 0 && h.method !== first.method);
  if (i < 1) return null;
  const redirect = d.hops[i - 1]!;
  const final = d.hops.at(-1)!;
  // POST → 303 See Other → GET of a result that exists is the pattern 303 was made for, not a fault.
  if (redirect.status === 303 && final.status !== null && final.status < 400) return null;
  return {
    code: 'HTTP_REDIRECT_CHANGED_METHOD',
    evidence: {
      sentMethod: first.method,
      sentTo: first.url,
      redirectStatus: redirect.status,
      redirectFrom: redirect.url,
      location: redirect.location,
      becameMethod: d.hops[i]!.method,
      finalUrl: final.url,
      finalStatus: final.status,
      hops: d.hops.length - 1,
    },
  };
}
