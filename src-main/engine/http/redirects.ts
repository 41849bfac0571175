import { isSensitiveHeader } from '../redact-patterns.js';
import type { ExchangeInput, ExchangeOutcome } from './exchange.js';

/** Like curl --max-redirs and browsers: past ten hops something is wrong. */
export const REDIRECT_LIMIT = 10;

export interface RedirectTrail {
  hops: ExchangeOutcome[];
  final: ExchangeOutcome;
  /** The chain cycled or exceeded the limit. */
  loop: null | { reason: 'cycle' | 'limit'; chain: string[] };
  /** The first https → http hop. */
  downgrade: null | { from: string; to: string };
  /** A Location we refused to follow (file:, javascript:, data:, …). */
  refused: null | { location: string; scheme: string };
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Follows redirects by hand so each hop is measured and recorded. Credentials never follow a
 * redirect to another origin (like browsers and curl): every header the redactor treats as
 * sensitive (the same predicate, redact-patterns.ts) is dropped, plus `extraCredentialHeaders`
 * (a custom `--auth header:Name`). A non-http(s) Location is not followed.
 */
export async function followRedirects(
  first: ExchangeInput,
  send: (input: ExchangeInput) => Promise<ExchangeOutcome>,
  extraCredentialHeaders: readonly string[],
  proxyFor: (url: URL) => Promise<string | null>,
): Promise<RedirectTrail> {
  const hops: ExchangeOutcome[] = [];
  const seen = new Set<string>();
  let input = first;
  let downgrade: RedirectTrail['downgrade'] = null;
  for (;;) {
    seen.add(`${input.method} ${input.url.href}`);
    const out = await send(input);
    hops.push(out);
    const loc = out.headers.location;
    if (out.status === null || !REDIRECT.has(out.status) || !loc || input.signal.aborted) return { hops, final: out, loop: null, downgrade, refused: null };
    let next: URL;
    try {
      next = new URL(loc, input.url);
    } catch {
      return { hops, final: out, loop: null, downgrade, refused: { location: loc, scheme: 'invalid' } };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { hops, final: out, loop: null, downgrade, refused: { location: loc, scheme: next.protocol } };
    if (input.url.protocol === 'https:' && next.protocol === 'http:' && !downgrade) downgrade = { from: input.url.href, to: next.href };
    // 303 always, and 301/302 after a POST, turn into a GET without body (what every client does).
    const toGet = out.status === 303 ? input.method !== 'HEAD' : (out.status === 301 || out.status === 302) && input.method === 'POST';
    const method = toGet ? 'GET' : input.method;
    const chain = [...hops.map((h) => h.url), next.href];
    if (seen.has(`${method} ${next.href}`)) return { hops, final: out, loop: { reason: 'cycle', chain }, downgrade, refused: null };
    if (hops.length >= REDIRECT_LIMIT) return { hops, final: out, loop: { reason: 'limit', chain }, downgrade, refused: null };
    const crossOrigin = next.origin !== input.url.origin;
    const headers = input.headers.filter((h) => {
      const n = h.name.toLowerCase();
      if (crossOrigin && (isSensitiveHeader(n) || extraCredentialHeaders.includes(n))) return false;
      if (toGet && (n === 'content-type' || n === 'content-length')) return false;
      return true;
    });
    const { body: _body, ...rest } = input;
    void _body;
    input = { ...rest, method, url: next, headers, proxyUrl: await proxyFor(next), ...(toGet || input.body === undefined ? {} : { body: input.body }) };
  }
}
