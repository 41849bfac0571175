import { describe, expect, it } from 'vitest';
import { checkHygiene } from '../../../../src-main/engine/auth/hygiene.js';
import { decodeJwt, jwtProblem } from '../../../../src-main/engine/auth/jwt.js';
import { parseWwwAuthenticate } from '../../../../src-main/engine/auth/www-authenticate.js';
import { keyMismatch, keyOwner } from '../../../../src-main/engine/providers/key-formats.js';

const jwt = (payload: object, header: object = { alg: 'RS256', typ: 'JWT' }) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
const NOW = Date.parse('2026-11-23T20:00:00Z');

describe('credential hygiene', () => {
  it.each([
    ['sk-proj-abcdefghijklmnop', 'raw-bearer', []],
    [' sk-abc123 ', 'raw-bearer', ['whitespace']],
    ['sk-abc123\n', 'raw-bearer', ['newline']],
    ['sk-abc123\r\n', 'raw', ['newline']],
    [' sk-abc123\n', 'raw', ['newline', 'whitespace']],
    ['"sk-abc123"', 'raw-bearer', ['quotes']],
    ["'sk-abc123'", 'raw', ['quotes']],
    ['sk-abc\u200b123', 'raw-bearer', ['non-ascii']],
    ['sk-ａbc123', 'raw-bearer', ['non-ascii']],
    ['Bearer sk-abc123', 'raw-bearer', ['doubled-prefix']],
    ['Bearer Bearer sk-abc123', 'authorization', ['doubled-prefix']],
    ['sk-abc123', 'authorization', ['missing-prefix']],
    ['Bearer sk-abc123', 'authorization', []],
    ['Basic dXNlcjpwYXNz', 'authorization', []],
    ['   ', 'raw', ['empty']],
  ] as const)('%j as %s → %j', (value, kind, want) => {
    expect(checkHygiene(value, kind).problems).toEqual(want);
  });

  it('names the first bad character and where it is', () => {
    expect(checkHygiene('sk-a\u200bbc', 'raw').firstBadChar).toBe('U+200B at position 5');
  });
});

describe('JWT time claims, decoded locally', () => {
  it('reads exp/nbf of a JWS and ignores things that are not JWTs', () => {
    expect(decodeJwt(jwt({ exp: 100, nbf: 50 }))).toEqual({ exp: 100, nbf: 50 });
    expect(decodeJwt('sk-proj-abc.def.ghi')).toBeNull();
    expect(decodeJwt(jwt({ exp: 1 }, { typ: 'JWT' }))).toBeNull(); // no alg: not a JWS header
    expect(decodeJwt('0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp')).toBeNull(); // a Zhipu key has one dot
  });

  it('expired, not yet valid (beyond a minute of leeway), and fine', () => {
    expect(jwtProblem(jwt({ exp: NOW / 1000 - 1 }), NOW)).toEqual({ reason: 'expired', at: new Date(NOW - 1000).toISOString() });
    expect(jwtProblem(jwt({ nbf: NOW / 1000 + 3600 }), NOW)?.reason).toBe('not-yet-valid');
    expect(jwtProblem(jwt({ nbf: NOW / 1000 + 30 }), NOW)).toBeNull();
    expect(jwtProblem(`Bearer ${jwt({ exp: NOW / 1000 + 60 })}`, NOW)).toBeNull();
  });
});

describe('WWW-Authenticate (RFC 9110 §11.6.1)', () => {
  it('one challenge with quoted parameters (RFC 6750 error)', () => {
    expect(parseWwwAuthenticate('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' }, token68: null },
    ]);
  });

  it('several challenges in one header, commas in quoted strings, escapes', () => {
    const c = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\", please", Basic realm="simple"');
    expect(c.map((x) => x.scheme)).toEqual(['Newauth', 'Basic']);
    expect(c[0]!.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps", please' });
    expect(c[1]!.params).toEqual({ realm: 'simple' });
  });

  it('a parameter named __proto__ is data, not the prototype', () => {
    const [c] = parseWwwAuthenticate('Bearer __proto__="x", realm="r"');
    expect(Object.getPrototypeOf(c!.params)).toBe(Object.prototype);
    expect(Object.keys(c!.params)).toEqual(['__proto__', 'realm']);
    expect(c!.params.realm).toBe('r');
  });

  it('token68 and bare schemes; scope lists', () => {
    expect(parseWwwAuthenticate('Negotiate, NTLM').map((x) => x.scheme)).toEqual(['Negotiate', 'NTLM']);
    expect(parseWwwAuthenticate('Negotiate abc123==')[0]).toEqual({ scheme: 'Negotiate', params: {}, token68: 'abc123==' });
    expect(parseWwwAuthenticate('Bearer scope="read write", error="insufficient_scope"')[0]!.params).toEqual({ scope: 'read write', error: 'insufficient_scope' });
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
  });
});

describe('key formats', () => {
  it.each([
    ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz', 'anthropic'],
    ['sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'openai'],
    ['0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp', 'zhipu'],
    ['AIzaSyA1234567890abcdefghijklmnopqrstuv', 'google'],
    ['sk-0123456789abcdef0123456789abcdef', null], // DeepSeek and many gateways: plain sk-, says nothing
  ])('%s → %s', (key, owner) => {
    expect(keyOwner(key)?.owner ?? null).toBe(owner);
  });

  it('flags a foreign key only for providers that accept only their own', () => {
    expect(keyMismatch('openai', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz')?.owner).toBe('anthropic');
    expect(keyMismatch('zhipu', 'sk-proj-abcdefghijklmnopqrstuvwxyz012345')?.owner).toBe('openai');
    expect(keyMismatch('anthropic', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBeNull();
    expect(keyMismatch('generic', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBeNull();
  });
});
