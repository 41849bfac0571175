import type { ProviderProfile } from './types.js';

/**
 * Does this URL's path fit the provider's layout? The common mistakes, from real reports:
 * a doubled version (`/v1/v1/chat/completions`, SDK base URL already ending in /v1), a missing
 * one (`https://api.openai.com/chat/completions`), Zhipu's `/api/paas/v4` left out or shortened,
 * and an endpoint used as the base URL (`…/chat/completions/chat/completions`). Pure.
 */
export type BaseUrlProblem = 'doubled-version' | 'endpoint-as-base' | 'missing-base-path' | 'server-says';

export interface BaseUrlFix {
  problem: BaseUrlProblem;
  /** The URL the call should have gone to. */
  correctedUrl: string;
  /** The base URL an SDK wants (the corrected URL without the endpoint). */
  correctedBase: string;
  /** Layout knowledge alone (a known provider, or a structural error) is enough to say so. */
  certain: boolean;
}

/** Endpoints an SDK appends to its base URL, longest first so `/chat/completions` wins over `/completions`. */
const ENDPOINTS = ['/services/aigc/text-generation/generation', '/chat/completions', '/audio/transcriptions', '/images/generations', '/embeddings', '/completions', '/moderations', '/responses', '/messages', '/models'];

interface Split {
  prefix: string;
  endpoint: string;
  rest: string;
}

/** The first endpoint in the path (on segment boundaries) and what precedes and follows it. */
function splitEndpoint(path: string): Split | null {
  let best: Split | null = null;
  for (const ep of ENDPOINTS) {
    let from = 0;
    for (;;) {
      const i = path.indexOf(ep, from);
      if (i < 0) break;
      const after = path[i + ep.length];
      if (after === undefined || after === '/') {
        if (!best || i < best.prefix.length) best = { prefix: path.slice(0, i), endpoint: ep, rest: path.slice(i + ep.length) };
        break;
      }
      from = i + 1;
    }
  }
  return best;
}

const clean = (p: string) => p.replace(/\/+$/, '');

export function fixBaseUrl(url: URL, provider: ProviderProfile, serverSays = false): BaseUrlFix | null {
  const path = clean(url.pathname);
  const out = (problem: BaseUrlProblem, newPath: string, certain: boolean): BaseUrlFix => {
    const s = splitEndpoint(newPath);
    const u = new URL(url.href);
    u.pathname = newPath;
    return { problem, correctedUrl: u.href.replace(/\?$/, ''), correctedBase: `${url.origin}${s ? clean(s.prefix) : newPath}`, certain };
  };

  // /v1/v1/… (or /api/paas/v4/api/paas/v4/…): the base URL already had the prefix and the client added it again.
  const doubled = /(\/v\d+[a-z]*\d*)\1(?=\/|$)/i.exec(path) ?? /(\/api\/(?:coding\/)?paas\/v4)\1(?=\/|$)/.exec(path);
  if (doubled) return out('doubled-version', path.replace(doubled[0], doubled[1]!), true);

  const s = splitEndpoint(path);
  if (s) {
    // An endpoint followed by another endpoint: the first was used as the base URL.
    const inner = splitEndpoint(s.rest);
    if (inner && inner.prefix === '') return out('endpoint-as-base', `${s.prefix}${s.rest}`, true);
    const bases = provider.basePaths;
    // A deeper path under a known base (Zhipu's /api/paas/v4/async/chat/completions) fits too.
    const fits = bases.some((b) => clean(s.prefix) === b || (b !== '' && s.prefix.startsWith(`${b}/`)));
    if (bases.length > 0 && !fits) {
      // Known layout, wrong prefix: the canonical base with the same endpoint. DashScope's native endpoint lives under /api/v1 only.
      const canonical = s.endpoint.startsWith('/services/') ? (bases.find((b) => b === '/api/v1') ?? bases[0]!) : bases[0]!;
      return out('missing-base-path', `${canonical}${s.endpoint}${s.rest}`, true);
    }
    // Unknown layout and no version segment at all: /v1 is the usual guess, to be confirmed by a probe.
    if (bases.length === 0 && provider.id === 'generic' && !/\/v\d/i.test(s.prefix)) return out('missing-base-path', `${clean(s.prefix)}/v1${s.endpoint}${s.rest}`, false);
    if (serverSays) return null;
  }
  return null;
}
