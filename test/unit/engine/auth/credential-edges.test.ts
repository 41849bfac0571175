import { describe, expect, it } from 'vitest';
import { checkHygiene } from '../../../../src-main/engine/auth/hygiene.js';
import { decodeJwt, jwtProblem } from '../../../../src-main/engine/auth/jwt.js';
import { readTokenAnswer } from '../../../../src-main/engine/auth/oauth.js';
import { tlsTrustedFor } from '../../../../src-main/engine/auth/tls-trusted.js';
import { parseWwwAuthenticate } from '../../../../src-main/engine/auth/www-authenticate.js';

// Boundaries of the credential checks and parsers in engine/auth (issue #11: mutation testing).
// credential-checks.test.ts has the ordinary cases; these are the edges that decide each line.

describe('hygiene edges', () => {
  it.each([
    // value, kind, problems, firstBadChar
    ['sk-ab\r\ncd', 'raw', ['newline'], null], // CR and LF are "newline", never also "non-ascii"
    ['sk-abc \n', 'raw', ['newline', 'whitespace'], null], // a blank before the line break is a problem of its own
    ['sk-a\tbc', 'raw', ['non-ascii'], 'U+0009 at position 5'], // other control characters are
    ['sk-a\u0001bc', 'raw', ['non-ascii'], 'U+0001 at position 5'],
    ['sk-a~bc', 'raw', [], null], // 0x7e is printable ASCII
    ['sk-a\u007fbc', 'raw', ['non-ascii'], 'U+007F at position 5'],
    ['sk-\u00e9', 'raw', ['non-ascii'], 'U+00E9 at position 4'], // four hex digits, zero-padded
    [' "sk-abc" ', 'raw', ['whitespace', 'quotes'], null], // quotes inside the blanks
    ['"sk-abc', 'raw', ['quotes'], null], // one quote is enough
    ['sk-abc`', 'raw', ['quotes'], null],
    ['sk-a"bc', 'raw', [], null], // a quote inside the key is the key's business
    ['Bearer "sk-abc', 'authorization', ['quotes'], null], // after the scheme
    ['sk bearer x', 'raw-bearer', [], null], // "bearer" not at the start is no prefix
    [' Bearer sk-abc', 'raw-bearer', ['whitespace', 'doubled-prefix'], null],
    ['Token bearer bearer x', 'authorization', [], null],
    ['Bearer  Bearer x', 'authorization', ['doubled-prefix'], null],
    [' Bearer Bearer x', 'authorization', ['whitespace', 'doubled-prefix'], null],
    [' Bearer sk-abc', 'authorization', ['whitespace'], null], // the scheme is read after trimming
    ['MyKey abc', 'authorization', ['missing-prefix'], null], // a scheme must start the value
    ['Bearer', 'authorization', ['missing-prefix'], null], // a scheme needs something after it
    ['ApiKey abc', 'authorization', [], null],
  ] as const)('%j as %s → %j', (value, kind, problems, bad) => {
    expect(checkHygiene(value, kind)).toEqual({ problems, firstBadChar: bad });
  });
});

const b64 = (x: string) => Buffer.from(x).toString('base64url');
const HDR = b64(JSON.stringify({ alg: 'RS256' }));
const NOW = Date.parse('2026-11-23T20:00:00Z');
const S = NOW / 1000;

describe('JWT edges', () => {
  it.each([
    ['a payload that is an array', `${HDR}.${b64('[1]')}.sig`],
    ['a payload that is a number', `${HDR}.${b64('5')}.sig`],
    ['a payload that is null', `${HDR}.${b64('null')}.sig`],
    ['a header that is a number', `${b64('5')}.${b64('{"exp":1}')}.sig`],
    ['a payload that is not JSON', `${HDR}.${b64('{exp')}.sig`],
    ['four parts', `${HDR}.${b64('{"exp":1}')}.sig.x`],
    ['two parts', `${HDR}.${b64('{"exp":1}')}`],
    ['a signature with "+"', `${HDR}.${b64('{"exp":1}')}.ab+c`],
    ['a header with "/"', `${HDR}/.${b64('{"exp":1}')}.sig`],
    ['a space inside', `${HDR}Bearer .${b64('{"exp":1}')}.sig`],
  ])('%s is not a JWT', (_, v) => {
    expect(decodeJwt(v)).toBeNull();
  });

  it.each([
    ['leading blanks', ` ${HDR}.${b64('{"exp":1}')}.sig`, { exp: 1, nbf: null }],
    ['"Bearer " with two spaces', `Bearer  ${HDR}.${b64('{"exp":1}')}.sig`, { exp: 1, nbf: null }],
    ['a non-finite exp (1e999)', `${HDR}.${b64('{"exp":1e999,"nbf":2}')}.sig`, { exp: null, nbf: 2 }],
    ['a string exp', `${HDR}.${b64('{"exp":"100"}')}.sig`, { exp: null, nbf: null }],
  ])('%s', (_, v, want) => {
    expect(decodeJwt(v)).toEqual(want);
  });

  const tok = (p: object) => `${HDR}.${b64(JSON.stringify(p))}.sig`;
  it('exp equal to now is still valid; a second before is expired', () => {
    expect(jwtProblem(tok({ exp: S }), NOW)).toBeNull();
    expect(jwtProblem(tok({ exp: S - 1 }), NOW)?.reason).toBe('expired');
  });

  it('nbf exactly a minute ahead is tolerated; a second more is not, and says when', () => {
    expect(jwtProblem(tok({ nbf: S + 60 }), NOW)).toBeNull();
    expect(jwtProblem(tok({ nbf: S + 61 }), NOW)).toEqual({ reason: 'not-yet-valid', at: new Date(NOW + 61_000).toISOString() });
  });
});

describe('OAuth token answers', () => {
  const none = { accessToken: null, tokenType: null, expiresIn: null, error: null, errorDescription: null };
  it.each([
    ['JSON success', '{"access_token":"at-123","token_type":"Bearer","expires_in":3599}', { ...none, accessToken: 'at-123', tokenType: 'Bearer', expiresIn: 3599 }],
    ['JSON error (RFC 6749 §5.2)', '{"error":"invalid_client","error_description":"Client authentication failed"}', { ...none, error: 'invalid_client', errorDescription: 'Client authentication failed' }],
    ['form-encoded', 'access_token=at-456&token_type=bearer&expires_in=3600', { ...none, accessToken: 'at-456', tokenType: 'bearer', expiresIn: 3600 }],
    ['expires_in as a digit string', '{"access_token":"a","expires_in":"120"}', { ...none, accessToken: 'a', expiresIn: 120 }],
    ['expires_in not a number', '{"access_token":"a","expires_in":"12x"}', { ...none, accessToken: 'a' }],
    ['expires_in with a prefix', '{"access_token":"a","expires_in":"x12"}', { ...none, accessToken: 'a' }],
    ['expires_in a word', 'access_token=a&expires_in=soon', { ...none, accessToken: 'a' }],
    ['expires_in a boolean', '{"expires_in":true}', none],
    ['expires_in an array of digits', '{"expires_in":[5]}', none],
    ['an empty token', 'access_token=&token_type=bearer', { ...none, tokenType: 'bearer' }],
    ['an empty JSON token', '{"access_token":"","error":""}', none],
    ['a token that is a number', '{"access_token":12345}', none],
    ['a JSON array', '[{"access_token":"a"}]', none],
    ['JSON null', 'null', none],
  ])('%s', (_, text, want) => {
    expect(readTokenAnswer(text)).toEqual(want);
  });
});

describe('tlsTrustedFor', () => {
  const ctx = (tls: unknown) => ({ result: (() => tls) as never });
  const https = new URL('https://api.example.test/v1');
  it.each([
    ['http: never asks the TLS probe', new URL('http://api.example.test/v1'), { status: 'ok', data: { authorized: false } }, true],
    ['https without a TLS result: our connector verifies', https, undefined, true],
    ['https, TLS probe failed', https, { status: 'failed', data: undefined }, true],
    ['https, verified', https, { status: 'ok', data: { authorized: true } }, true],
    ['https, not verified', https, { status: 'ok', data: { authorized: false } }, false],
  ])('%s', (_, url, tls, want) => {
    expect(tlsTrustedFor(ctx(tls), url)).toBe(want);
  });
});

describe('WWW-Authenticate edges', () => {
  it.each([
    ['a tab between scheme and parameters', 'Basic\trealm="x"', [{ scheme: 'Basic', params: { realm: 'x' }, token68: null }]],
    ['an unterminated quoted string ends at the end', 'Bearer realm="ab', [{ scheme: 'Bearer', params: { realm: 'ab' }, token68: null }]],
    ['a backslash as the last character is kept', 'Bearer realm="ab\\', [{ scheme: 'Bearer', params: { realm: 'ab\\' }, token68: null }]],
    ['a malformed tail is dropped', 'Bearer (x)', [{ scheme: 'Bearer', params: {}, token68: null }]],
    ['token68, then another challenge with parameters', 'Negotiate abc, Basic realm="x"', [
      { scheme: 'Negotiate', params: {}, token68: 'abc' },
      { scheme: 'Basic', params: { realm: 'x' }, token68: null },
    ]],
    // Was read as a parameter "yii" with an empty value (a bug the guard's surviving mutants showed):
    ['token68 with one "=" of padding, then another challenge', 'Negotiate YII=, Basic realm="x"', [
      { scheme: 'Negotiate', params: {}, token68: 'YII=' },
      { scheme: 'Basic', params: { realm: 'x' }, token68: null },
    ]],
    ['token68 with one "=" and a trailing blank', 'Negotiate YII= ', [{ scheme: 'Negotiate', params: {}, token68: 'YII=' }]],
    ['a parameter, not token68', 'Bearer error=invalid_token', [{ scheme: 'Bearer', params: { error: 'invalid_token' }, token68: null }]],
    ['a parameter with blanks around "="', 'Bearer realm = "r"', [{ scheme: 'Bearer', params: { realm: 'r' }, token68: null }]],
  ])('%s', (_, header, want) => {
    expect(parseWwwAuthenticate(header)).toEqual(want);
  });

  it('stops after 1000 steps on a hostile header (each "A," is two steps)', () => {
    expect(parseWwwAuthenticate('A,'.repeat(600))).toHaveLength(500);
  });
});
