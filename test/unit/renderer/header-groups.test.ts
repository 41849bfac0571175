import { describe, expect, it } from 'vitest';
import { groupHeaders } from '../../../src-renderer/lib/header-groups.js';

const h = (name: string, value = 'v') => ({ name, value });

describe('groupHeaders', () => {
  it('sorts a provider answer into rate limits, ids, CDN/proxy and the rest, keeping the server’s order', () => {
    const groups = groupHeaders([
      h('content-type', 'application/json'),
      h('x-ratelimit-remaining-requests', '0'),
      h('cf-ray', '8f1c2d3e4f5a6b7c-SJC'),
      h('retry-after', '20'),
      h('x-request-id', 'req_abc'),
      h('server', 'cloudflare'),
      h('cf-cache-status', 'DYNAMIC'),
      h('anthropic-ratelimit-tokens-reset', '2026-11-29T16:00:00Z'),
      h('via', '1.1 squid'),
      h('ratelimit-policy', '100;w=60'),
      h('traceparent', '00-abc-def-01'),
      h('set-cookie', '[redacted]'),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['rate', 'ids', 'cdn', 'other']);
    const names = Object.fromEntries(groups.map((g) => [g.id, g.headers.map((x) => x.name)]));
    expect(names.rate).toEqual(['x-ratelimit-remaining-requests', 'retry-after', 'anthropic-ratelimit-tokens-reset', 'ratelimit-policy']);
    expect(names.ids).toEqual(['cf-ray', 'x-request-id', 'traceparent']);
    expect(names.cdn).toEqual(['server', 'cf-cache-status', 'via']);
    // Values pass through untouched: a redacted value stays redacted.
    expect(groups.find((g) => g.id === 'other')!.headers).toEqual([h('content-type', 'application/json'), h('set-cookie', '[redacted]')]);
  });

  it('no rate-limit group when the answer has no such header, and no empty groups at all', () => {
    expect(groupHeaders([h('content-type'), h('date')]).map((g) => g.id)).toEqual(['other']);
    expect(groupHeaders([])).toEqual([]);
    // Names are matched case-insensitively, whole prefixes only: "x-ratelimited-by" is not a rate header.
    expect(groupHeaders([h('X-RateLimit-Limit'), h('x-ratelimited-by'), h('Retry-After')]).map((g) => [g.id, g.headers.length])).toEqual([['rate', 2], ['other', 1]]);
  });
});
