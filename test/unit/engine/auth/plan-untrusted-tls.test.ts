import { describe, expect, it } from 'vitest';
import { planCredential, type PlanInput } from '../../../../src-main/engine/auth/plan.js';
import { defaultRequest } from '../../../../src-main/common/request.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';
import { Redactor } from '../../../../src-main/engine/redact.js';
import { Secret } from '../../../../src-main/engine/secret.js';

// The guard "no secret over a connection whose certificate failed verification" (plan.ts, finish()).
const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123';
const input = ({ url: href, headers, ...over }: Omit<Partial<PlanInput>, 'url'> & { url?: string; headers?: { name: string; value: string }[] } = {}): PlanInput => {
  const url = new URL(href ?? 'https://api.openai.com/v1/models');
  return {
    request: defaultRequest(url.href, headers ? { headers } : {}),
    url,
    provider: profileById('openai'),
    credential: new Secret(KEY),
    oauthToken: null,
    redactor: new Redactor(),
    tlsTrusted: true,
    now: Date.parse('2026-06-01T00:00:00Z'),
    ...over,
  };
};

describe('planCredential over TLS the client does not trust', () => {
  it('sends the key when the certificate verified', () => {
    const p = planCredential(input());
    expect(p.plan).toMatchObject({ withheld: false, withheldReason: null, source: 'credential' });
    expect(p.headers).toEqual([{ name: 'authorization', value: `Bearer ${KEY}` }]);
  });

  it('withholds a stored key, says why, and still reports where it would have gone', () => {
    const p = planCredential(input({ tlsTrusted: false }));
    expect(p.headers).toEqual([]);
    expect(p.plan).toMatchObject({ withheld: true, withheldReason: 'the server certificate failed verification', sentAs: 'Bearer (Authorization header)', problem: null });
  });

  it('withholds a key the user wrote in -H too', () => {
    const p = planCredential(input({ tlsTrusted: false, credential: null, headers: [{ name: 'Authorization', value: `Bearer ${KEY}` }] }));
    expect(p.headers).toEqual([]);
    expect(p.plan).toMatchObject({ withheld: true, source: 'header' });
  });

  it('keeps a key in the query string out of the URL it returns', () => {
    const inp = input({ tlsTrusted: false, url: 'https://api.example.test/v1/models', provider: profileById('generic') });
    const p = planCredential({ ...inp, request: { ...inp.request, auth: { kind: 'query', param: 'key' } } });
    expect(p.plan.withheld).toBe(true);
    expect(p.url.href).not.toContain(KEY);
    const trusted = planCredential({ ...inp, tlsTrusted: true, request: { ...inp.request, auth: { kind: 'query', param: 'key' } } });
    expect(trusted.url.searchParams.get('key')).toBe(KEY);
  });

  it('a problem found before sending is the reason, not the certificate', () => {
    const p = planCredential(input({ tlsTrusted: false, credential: new Secret(`${KEY}\n`) }));
    expect(p.plan).toMatchObject({ withheld: true, withheldReason: 'AUTH_MALFORMED' });
  });
});
