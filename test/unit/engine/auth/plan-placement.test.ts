import { describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADERS, describePlacement, planCredential, type PlanInput } from '../../../../src-main/engine/auth/plan.js';
import { defaultRequest, type AuthPlacement, type CredentialRef } from '../../../../src-main/common/request.js';
import type { ProviderId } from '../../../../src-main/common/report.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';
import { Redactor } from '../../../../src-main/engine/redact.js';
import { fingerprint, Secret } from '../../../../src-main/engine/secret.js';

// Where planCredential puts a credential, what it tells the report about it, and which problems it
// finds before any request (issue #11: mutation testing of engine/auth).

/** No known key shape, so only a value the redactor was told about is scrubbed. */
const KEY = 'zq7Wm2pLx9Tr4Vb8Nc6Hd';
const NOW = Date.parse('2026-06-01T00:00:00Z');

const input = (o: { url?: string; provider?: ProviderId; headers?: { name: string; value: string }[]; auth?: AuthPlacement; credentialRef?: CredentialRef; credential?: string | null; oauth?: string | null } = {}): PlanInput => {
  const url = new URL(o.url ?? 'https://api.example.test/v1/models');
  return {
    request: defaultRequest(url.href, { headers: o.headers ?? [], ...(o.auth ? { auth: o.auth } : {}), ...(o.credentialRef ? { credential: o.credentialRef } : {}) }),
    url,
    provider: profileById(o.provider ?? 'generic'),
    credential: o.credential === null ? null : new Secret(o.credential ?? KEY),
    oauthToken: o.oauth ? new Secret(o.oauth) : null,
    redactor: new Redactor(),
    tlsTrusted: true,
    now: NOW,
  };
};

const jwt = (payload: object) => `${Buffer.from(JSON.stringify({ alg: 'RS256' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('describePlacement', () => {
  it.each([
    [{ kind: 'bearer' }, 'Bearer (Authorization header)'],
    [{ kind: 'basic' }, 'Basic (Authorization header)'],
    [{ kind: 'header', name: 'X-Goog-Api-Key' }, 'header X-Goog-Api-Key'],
    [{ kind: 'query', param: 'key' }, 'query parameter key'],
  ] as [AuthPlacement, string][])('%j → %s', (p, text) => {
    expect(describePlacement(p)).toBe(text);
  });
});

describe('a stored credential, placed by --auth or the provider profile', () => {
  it.each([
    // placement, headerName, scheme, header sent (null: none), query parameter sent
    [{ kind: 'bearer' }, 'authorization', 'bearer', { name: 'authorization', value: `Bearer ${KEY}` }, null],
    [{ kind: 'header', name: 'X-Custom-Key' }, 'x-custom-key', null, { name: 'X-Custom-Key', value: KEY }, null],
    [{ kind: 'query', param: 'api_key' }, null, null, null, 'api_key'],
  ] as [AuthPlacement, string | null, string | null, { name: string; value: string } | null, string | null][])('%j', (auth, headerName, scheme, header, param) => {
    const p = planCredential(input({ auth }));
    expect(p.plan).toEqual({ source: 'credential', sentAs: describePlacement(auth), headerName, scheme, fingerprint: fingerprint(KEY), problem: null, withheld: false, withheldReason: null, placement: auth });
    expect(p.headers).toEqual(header ? [header] : []);
    if (param) expect(p.url.searchParams.get(param)).toBe(KEY);
    else expect(p.url.search).toBe('');
  });

  it('basic: user:password goes base64-encoded, and the redactor learns the encoded form', () => {
    const up = 'alice:s3cretPassw0rd';
    const p = planCredential(input({ auth: { kind: 'basic' }, credential: up }));
    const b64 = Buffer.from(up).toString('base64');
    expect(p.plan).toMatchObject({ source: 'credential', headerName: 'authorization', scheme: 'basic', sentAs: 'Basic (Authorization header)', problem: null, withheld: false });
    expect(p.headers).toEqual([{ name: 'authorization', value: `Basic ${b64}` }]);
    const inp = input({ auth: { kind: 'basic' }, credential: up });
    planCredential(inp);
    expect(inp.redactor.scrub(`Authorization: Basic ${b64}`)).not.toContain(b64);
  });

  it('basic without a colon is malformed and nothing is sent', () => {
    const p = planCredential(input({ auth: { kind: 'basic' } }));
    expect(p.plan.problem).toEqual({ code: 'AUTH_MALFORMED', evidence: { credential: fingerprint(KEY), problems: ['basic-needs-user-colon-password'], sentAs: 'Basic (Authorization header)' } });
    expect(p.plan).toMatchObject({ withheld: true, withheldReason: 'AUTH_MALFORMED' });
    expect(p.headers).toEqual([]);
  });

  it('basic: a hygiene problem is reported as itself, not as the missing colon', () => {
    const p = planCredential(input({ auth: { kind: 'basic' }, credential: `${KEY}\n` }));
    expect(p.plan.problem?.evidence.problems).toEqual(['newline']);
  });

  it('a provider profile decides the placement when --auth is absent (Anthropic: x-api-key)', () => {
    const p = planCredential(input({ provider: 'anthropic', url: 'https://api.anthropic.com/v1/models' }));
    expect(p.plan).toMatchObject({ headerName: 'x-api-key', scheme: null, sentAs: 'header x-api-key' });
    expect(p.headers).toEqual([{ name: 'x-api-key', value: KEY }]);
  });

  it('"Bearer " already in a key we prefix ourselves is doubled; in a header of its own it is not', () => {
    const bearer = planCredential(input({ auth: { kind: 'bearer' }, credential: `Bearer ${KEY}` }));
    expect(bearer.plan.problem).toMatchObject({ code: 'AUTH_MALFORMED', evidence: { problems: ['doubled-prefix'] } });
    const header = planCredential(input({ auth: { kind: 'header', name: 'X-Custom-Key' }, credential: `Bearer ${KEY}` }));
    expect(header.plan.problem).toBeNull();
  });

  it('an OAuth token is sent as such: source oauth, no precheck of the token', () => {
    const token = `${KEY}\n`; // would be AUTH_MALFORMED as a stored key
    const p = planCredential(input({ oauth: token }));
    expect(p.plan).toMatchObject({ source: 'oauth', problem: null, withheld: false, fingerprint: fingerprint(token) });
    expect(p.headers).toEqual([{ name: 'authorization', value: `Bearer ${token}` }]);
  });

  it('no credential at all: nothing planned', () => {
    const p = planCredential(input({ credential: null }));
    expect(p.plan).toMatchObject({ source: 'none', sentAs: null, headerName: null, placement: null, withheld: false });
    expect(p.headers).toEqual([]);
  });
});

describe('what precheck reports (evidence names where the key came from, never the key)', () => {
  it.each([
    [{ kind: 'env', variable: 'OPENAI_API_KEY' }, { variable: 'OPENAI_API_KEY' }],
    [{ kind: 'keychain', name: 'work' }, { savedAs: 'work' }],
    [{ kind: 'none' }, {}],
  ] as [CredentialRef, Record<string, string>][])('AUTH_MALFORMED from %j', (credentialRef, origin) => {
    const p = planCredential(input({ credentialRef, credential: ` ${KEY}` }));
    // toStrictEqual: no `savedAs: undefined` either.
    expect(p.plan.problem).toStrictEqual({ code: 'AUTH_MALFORMED', evidence: { credential: fingerprint(` ${KEY}`), problems: ['whitespace'], ...origin } });
  });

  it('names the first bad character when there is one', () => {
    const p = planCredential(input({ credential: `${KEY}\u00e9` }));
    expect(p.plan.problem?.evidence).toEqual({ credential: fingerprint(`${KEY}\u00e9`), problems: ['non-ascii'], firstBadChar: `U+00E9 at position ${KEY.length + 1}` });
  });

  it('an expired JWT: AUTH_TOKEN_EXPIRED with the time it expired and the time we checked', () => {
    const t = jwt({ exp: NOW / 1000 - 3600 });
    const p = planCredential(input({ credential: t }));
    expect(p.plan.problem).toEqual({ code: 'AUTH_TOKEN_EXPIRED', evidence: { credential: fingerprint(t), source: 'jwt', reason: 'expired', expiredAt: new Date(NOW - 3_600_000).toISOString(), checkedAt: new Date(NOW).toISOString() } });
    expect(p.plan).toMatchObject({ withheld: true, withheldReason: 'AUTH_TOKEN_EXPIRED' });
  });

  it('a JWT not valid yet: notBefore, not expiredAt', () => {
    const t = jwt({ nbf: NOW / 1000 + 3600 });
    const p = planCredential(input({ credential: t }));
    expect(p.plan.problem).toEqual({ code: 'AUTH_TOKEN_EXPIRED', evidence: { credential: fingerprint(t), source: 'jwt', reason: 'not-yet-valid', notBefore: new Date(NOW + 3_600_000).toISOString(), checkedAt: new Date(NOW).toISOString() } });
  });

  it("another provider's key: AUTH_KEY_PROVIDER_MISMATCH naming both", () => {
    const k = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz';
    const p = planCredential(input({ provider: 'openai', url: 'https://api.openai.com/v1/models', credential: k }));
    expect(p.plan.problem).toEqual({ code: 'AUTH_KEY_PROVIDER_MISMATCH', evidence: { credential: fingerprint(k), keyLooksLike: 'Anthropic (sk-ant-…)', endpointProvider: 'OpenAI', url: 'https://api.openai.com' } });
    expect(p.plan.withheldReason).toBe('AUTH_KEY_PROVIDER_MISMATCH');
  });
});

describe('a credential header the user wrote (-H)', () => {
  it.each(CREDENTIAL_HEADERS.filter((h) => h !== 'proxy-authorization'))('%s is recognised as the credential, sent as given', (name) => {
    const value = name === 'authorization' ? `Bearer ${KEY}` : KEY;
    const p = planCredential(input({ headers: [{ name, value }] }));
    expect(p.plan).toMatchObject({ source: 'header', headerName: name, fingerprint: fingerprint(KEY), problem: null, withheld: false, placement: null });
    expect(p.headers).toEqual([]); // already in the request
  });

  it('the list of credential headers', () => {
    expect(CREDENTIAL_HEADERS).toEqual(['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'proxy-authorization']);
  });

  it.each([
    ['Proxy-Authorization', 'Basic dXNlcjpwYXNzd29yZA=='], // for the proxy, not the API
    ['Accept', 'application/json'],
    ['X-Other', KEY],
  ])('%s is not the API credential: the stored key is placed', (name, value) => {
    const p = planCredential(input({ headers: [{ name, value }] }));
    expect(p.plan.source).toBe('credential');
    expect(p.headers).toEqual([{ name: 'authorization', value: `Bearer ${KEY}` }]);
  });

  it('a header named by --auth header:NAME counts, whatever its case; another header does not', () => {
    const auth: AuthPlacement = { kind: 'header', name: 'X-Custom-Key' };
    const own = planCredential(input({ auth, headers: [{ name: 'x-CUSTOM-key', value: KEY }] }));
    expect(own.plan).toMatchObject({ source: 'header', headerName: 'x-custom-key', sentAs: 'header x-CUSTOM-key (from -H)', scheme: null });
    const other = planCredential(input({ auth, headers: [{ name: 'X-Trace', value: 'abc' }] }));
    expect(other.plan.source).toBe('credential');
    // With a query placement, a header of that name is just a header.
    const query = planCredential(input({ auth: { kind: 'query', param: 'X-Custom-Key' }, headers: [{ name: 'X-Custom-Key', value: 'abc' }] }));
    expect(query.plan.source).toBe('credential');
  });

  it.each([
    // value, scheme, key whose fingerprint is shown
    [`Bearer ${KEY}`, 'bearer', KEY],
    [`  BEARER   ${KEY}`, 'bearer', KEY],
    [`Token\t${KEY}`, 'token', KEY],
    [`Basic ${Buffer.from('u:p4ssword').toString('base64')}`, 'basic', Buffer.from('u:p4ssword').toString('base64')],
  ])('Authorization %j: scheme %s, the key after it', (value, scheme, key) => {
    const inp = input({ credential: null, headers: [{ name: 'Authorization', value }] });
    const p = planCredential(inp);
    expect(p.plan).toMatchObject({ source: 'header', headerName: 'authorization', scheme, sentAs: `${scheme} (Authorization header, from -H)`, fingerprint: fingerprint(key) });
    // The key alone is a secret too (a server may echo it without the scheme).
    expect(inp.redactor.scrub(`echoed: ${key}.`)).not.toContain(key);
  });

  it('Authorization without a scheme: "(no scheme)", and missing-prefix names the header', () => {
    const p = planCredential(input({ credential: null, headers: [{ name: 'Authorization', value: KEY }] }));
    expect(p.plan).toMatchObject({ scheme: null, sentAs: '(no scheme) (Authorization header, from -H)', fingerprint: fingerprint(KEY), withheld: true });
    expect(p.plan.problem).toEqual({ code: 'AUTH_MALFORMED', evidence: { credential: fingerprint(KEY), problems: ['missing-prefix'], fromHeader: 'Authorization' } });
  });

  it('a key header is checked as a raw key ("Bearer " in x-api-key is no doubled prefix, a quote is)', () => {
    const ok = planCredential(input({ headers: [{ name: 'X-Api-Key', value: KEY }] }));
    expect(ok.plan).toMatchObject({ sentAs: 'header X-Api-Key (from -H)', headerName: 'x-api-key', scheme: null, problem: null });
    const quoted = planCredential(input({ credentialRef: { kind: 'env', variable: 'K' }, headers: [{ name: 'X-Api-Key', value: `"${KEY}"` }] }));
    expect(quoted.plan.problem).toMatchObject({ code: 'AUTH_MALFORMED', evidence: { problems: ['quotes'], fromHeader: 'X-Api-Key' } });
    expect(quoted.plan.problem?.evidence).not.toHaveProperty('variable');
  });
});
