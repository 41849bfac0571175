import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../fixtures/providers/', import.meta.url);
const doc = readFileSync(new URL('../../../../docs/providers.md', import.meta.url), 'utf8');

describe('docs/providers.md', () => {
  it('lists the source of every provider fixture', () => {
    const missing: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      for (const fx of JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { name: string; source: string }[]) {
        const url = /^\S+/.exec(fx.source)![0];
        if (!doc.includes(url)) missing.push(`${f}: ${fx.name}: ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every new provider-side code', () => {
    for (const code of ['HTTP_BLOCKED_BY_WAF', 'HTTP_WRONG_BASE_URL', 'MODEL_NOT_FOUND', 'REQUEST_TOO_LARGE_FOR_MODEL', 'CONTENT_FILTERED', 'SERVER_RATE_LIMIT_LOW', 'RELAY_UPSTREAM_UNAVAILABLE']) expect(doc).toContain(code);
  });
});
