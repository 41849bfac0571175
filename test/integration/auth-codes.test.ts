import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, stageOf } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';

let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const jwt = (payload: object) => `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;
const EXPIRED_JWT = jwt({ sub: 'lab', exp: Math.floor(Date.now() / 1000) - 3600 });
const FRESH_JWT = jwt({ sub: 'lab', exp: Math.floor(Date.now() / 1000) + 3600 });

const env = {
  K: LAB_KEYS.openai,
  BAD: 'sk-proj-wrongWrongWrongWrong0000',
  NEWLINE: `${LAB_KEYS.openai}\n`,
  ANTHROPIC: LAB_KEYS.anthropic,
  EXPIRED: EXPIRED_JWT,
  FRESH: FRESH_JWT,
  O: LAB_KEYS.oauthSecret,
  O_BAD: 'not-the-secret-0000',
};
const run = (path: string, ...args: string[]) => diagnoseJson([lab.url(path), '--timeout', '2000', ...args], { env });
/** True when some recorded request carried this credential header (the report shows it redacted). */
const sentAuth = (r: Awaited<ReturnType<typeof run>>) => r.report.exchanges.some((x) => x.request.headers.some((h) => ['authorization', 'x-api-key'].includes(h.name)));

describe('auth stage against the lab', () => {
  it('401 without a credential → AUTH_MISSING; the server stage is skipped, exit 1', async () => {
    const r = await run('/openai/v1/models', '--provider', 'openai');
    expect(r.report.summary.rootCause).toBe('AUTH_MISSING');
    expect(stageOf(r.report, 'http').status).toBe('pass');
    expect(stageOf(r.report, 'server').status).toBe('skipped');
    expect(r.code).toBe(1);
  });

  it('401 with a wrong key → AUTH_REJECTED quoting the provider, fingerprint only', async () => {
    const r = await run('/openai/v1/models', '--provider', 'openai', '--token-env', 'BAD');
    expect(r.report.summary.rootCause).toBe('AUTH_REJECTED');
    const f = r.report.findings[0]!;
    expect(f.evidence).toMatchObject({ providerCode: 'invalid_api_key', credential: 'sk-proj-…0000', sentAs: 'Bearer (Authorization header)' });
    expect(r.stdout).not.toContain(env.BAD);
    expect(r.code).toBe(1);
  });

  it('a key with a trailing newline → AUTH_MALFORMED without sending it', async () => {
    const r = await run('/openai/v1/models', '--provider', 'openai', '--token-env', 'NEWLINE');
    expect(r.report.summary.rootCause).toBe('AUTH_MALFORMED');
    expect(r.report.findings[0]!.evidence.problems).toContain('newline');
    expect(sentAuth(r)).toBe(false);
    expect(r.code).toBe(1);
  });

  it('-H "Authorization: <key>" without the Bearer scheme → AUTH_MALFORMED (missing-prefix), header not sent, key redacted', async () => {
    const r = await run('/openai/v1/models', '-H', `Authorization: ${LAB_KEYS.openai}`);
    expect(r.report.summary.rootCause).toBe('AUTH_MALFORMED');
    expect(r.report.findings[0]!.evidence.problems).toEqual(['missing-prefix']);
    expect(sentAuth(r)).toBe(false);
    expect(r.stdout).not.toContain(LAB_KEYS.openai);
    expect(r.code).toBe(1);
  });

  it('-H "Authorization: Bearer <key>" written by the user is sent as given, passes, and never printed', async () => {
    const r = await run('/openai/v1/models', '--provider', 'openai', '-H', `Authorization: Bearer ${LAB_KEYS.openai}`);
    expect(codesOf(r.report)).toEqual([]);
    expect(r.report.summary.verdict).toBe('healthy');
    expect(r.stdout).not.toContain(LAB_KEYS.openai);
    expect(r.code).toBe(0);
  });

  it('an expired JWT → AUTH_TOKEN_EXPIRED from its exp claim, never sent', async () => {
    const r = await run('/oauth/resource', '--token-env', 'EXPIRED');
    expect(r.report.summary.rootCause).toBe('AUTH_TOKEN_EXPIRED');
    expect(r.report.findings[0]!.evidence).toMatchObject({ source: 'jwt', reason: 'expired' });
    expect(sentAuth(r)).toBe(false);
    expect(r.code).toBe(1);
  });

  it('the server says the token expired (WWW-Authenticate error_description) → AUTH_TOKEN_EXPIRED (server)', async () => {
    const r = await run('/s/expired', '--token-env', 'FRESH');
    expect(r.report.summary.rootCause).toBe('AUTH_TOKEN_EXPIRED');
    expect(r.report.findings[0]!.evidence).toMatchObject({ source: 'server', error: 'invalid_token', errorDescription: 'The access token expired', realm: 'lab' });
    expect(r.code).toBe(1);
  });

  it('an Anthropic key for an OpenAI endpoint → AUTH_KEY_PROVIDER_MISMATCH, not sent', async () => {
    const r = await run('/openai/v1/models', '--provider', 'openai', '--token-env', 'ANTHROPIC');
    expect(r.report.summary.rootCause).toBe('AUTH_KEY_PROVIDER_MISMATCH');
    expect(r.report.findings[0]!.evidence).toMatchObject({ keyLooksLike: 'Anthropic (sk-ant-…)', endpointProvider: 'OpenAI' });
    expect(sentAuth(r)).toBe(false);
    expect(r.stdout).not.toContain(LAB_KEYS.anthropic);
    expect(r.code).toBe(1);
  });

  it('Bearer sent where the server challenges Basic → AUTH_SCHEME_MISMATCH naming the scheme', async () => {
    const r = await run('/s/basic-only', '--token-env', 'K');
    expect(r.report.summary.rootCause).toBe('AUTH_SCHEME_MISMATCH');
    expect(r.report.findings[0]!.evidence).toMatchObject({ serverWants: ['Basic'], realm: 'lab-admin', sentAs: 'Bearer (Authorization header)' });
    expect(r.code).toBe(1);
  });

  it('an Anthropic-style API that wants x-api-key gets Bearer → AUTH_SCHEME_MISMATCH; with --auth header:x-api-key it passes', async () => {
    const wrong = await run('/s/anthropic-key', '--token-env', 'ANTHROPIC');
    expect(wrong.report.summary.rootCause).toBe('AUTH_SCHEME_MISMATCH');
    expect(wrong.code).toBe(1);
    const right = await run('/s/anthropic-key', '--token-env', 'ANTHROPIC', '--auth', 'header:x-api-key');
    expect(codesOf(right.report)).toEqual([]);
    expect(right.code).toBe(0);
  });

  it('403 with the provider reason → AUTH_FORBIDDEN', async () => {
    const r = await run('/s/forbidden', '--token-env', 'K');
    expect(r.report.summary.rootCause).toBe('AUTH_FORBIDDEN');
    expect(r.report.findings[0]!.evidence).toMatchObject({ reason: 'Country, region, or territory not supported', providerCode: 'unsupported_country_region_territory' });
    expect(r.code).toBe(1);
  });

  it('OAuth client credentials: a refused token request → OAUTH_TOKEN_REQUEST_FAILED with error/error_description', async () => {
    const r = await run('/oauth/resource', '--oauth-token-url', lab.url('/oauth/token'), '--oauth-client-id', LAB_KEYS.oauthClient, '--token-env', 'O_BAD');
    expect(r.report.summary.rootCause).toBe('OAUTH_TOKEN_REQUEST_FAILED');
    expect(r.report.findings[0]!.evidence).toMatchObject({ status: 401, error: 'invalid_client', errorDescription: 'Client authentication failed' });
    expect(codesOf(r.report)).toEqual(['OAUTH_TOKEN_REQUEST_FAILED']);
    expect(r.stdout).not.toContain('not-the-secret-0000');
    expect(r.code).toBe(1);
  });

  it('OAuth client credentials: a granted token is used for the call (healthy) and never printed', async () => {
    const r = await run('/oauth/resource', '--oauth-token-url', lab.url('/oauth/token'), '--oauth-client-id', LAB_KEYS.oauthClient, '--token-env', 'O');
    expect(codesOf(r.report)).toEqual([]);
    expect(r.report.summary.verdict).toBe('healthy');
    const leak = r.stdout.indexOf('lab-access-token-0001');
    expect(leak < 0 ? '' : r.stdout.slice(leak - 300, leak + 50)).toBe('');
    expect(r.stdout).not.toContain(LAB_KEYS.oauthSecret);
    expect(r.code).toBe(0);
  });
});
