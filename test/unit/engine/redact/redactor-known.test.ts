import { describe, expect, it } from 'vitest';
import { Redactor, encodings, redactUrlWith, unescapeJson } from '../../../../src-main/engine/redact.js';
import { Secret } from '../../../../src-main/engine/secret.js';

const R = '[REDACTED]';
const withSecrets = (...values: string[]): Redactor => {
  const r = new Redactor();
  for (const v of values) r.add(v);
  return r;
};
const learnt = (r: Redactor, v: string): boolean => !r.scrub(`echo ${v} end`).includes(v);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('Redactor.add: what counts as a secret', () => {
  it('ignores values under 4 characters (and their 4-character base64)', () => {
    const r = withSecrets('abc');
    expect(r.size).toBe(0);
    expect(r.scrub('abc YWJj')).toBe('abc YWJj');
  });

  it('keeps 4-character values and their 4-character forms, drops shorter forms of a padded value', () => {
    const r = withSecrets('abcd');
    expect(r.size).toBeGreaterThan(0);
    expect(r.scrub('x abcd y')).toBe(`x ${R} y`);
    expect(withSecrets(' ab ').scrub('ab cd')).toBe('ab cd');
  });

  it.each([
    // [value added, echo checked, learnt]
    ['alice:abcd', 'abcd', true], // a 4-character password is a secret
    ['alice:abc', 'abc', false],
    ['alice:ab', 'YWI=', false], // nor the base64 of a too-short password
    [':abcdefgh', 'abcdefgh', false], // no user part: the value as a whole only
    ['alice:wobbleplank', 'wobbleplank', true],
  ] as const)('user:password row %#', (value, probe, expected) => {
    expect(learnt(withSecrets(value), probe)).toBe(expected);
  });
});

describe('Redactor.addUrlCredentials', () => {
  it.each([
    // [url, echo checked, learnt]
    ['http://a%3Ab:urlpassw0rd@127.0.0.1:3128', 'urlpassw0rd', true], // a colon inside the user name
    ['http://justuser1@127.0.0.1:3128', 'justuser1', true],
    ['http://urluser1:urlpassw0rd@127.0.0.1', 'urlpassw0rd', true],
    ['http://127.0.0.1:3128', 'http', false],
  ] as const)('addUrlCredentials row %#', (url, probe, expected) => {
    const r = new Redactor();
    r.addUrlCredentials(url);
    expect(learnt(r, probe)).toBe(expected);
  });

  it('learns user:password as one value: its base64 goes whole, not piecewise', () => {
    const r = new Redactor();
    r.addUrlCredentials('http://urluser1:urlpassw0rd@127.0.0.1');
    expect(r.scrub(`Basic ${b64('urluser1:urlpassw0rd')}`)).toBe(`Basic ${R}`);
    const none = new Redactor();
    none.addUrlCredentials('not a url');
    none.addUrlCredentials('');
    none.addUrlCredentials(null);
    expect(none.size).toBe(0);
  });
});

describe('Redactor.scrub: known values', () => {
  it('a value containing another goes whole (longest first)', () => {
    expect(withSecrets('abcdefgh', 'abcdefghijkl').scrub('k=abcdefghijkl;')).toBe(`k=${R};`);
    expect(withSecrets('abcdefghijkl', 'abcdefgh').scrub('k=abcdefghijkl;')).toBe(`k=${R};`);
  });

  it('finds a value written with JSON escapes, and leaves escaped text without secrets as it is', () => {
    const r = withSecrets('wobbleplank');
    expect(r.scrub('{"k":"wobbl\\u0065plank"}')).toBe(`{"k":"${R}"}`);
    expect(r.scrub('{"k":"wobbl\\u0065\\nplank"}')).toBe(`{"k":"${R}"}`);
    expect(r.scrub('{"k":"wobbl\\u0065\nplank"}')).toBe(`{"k":"${R}"}`);
    expect(r.scrub('{"path":"a\\/b","n":"x\\u0041"}')).toBe('{"path":"a\\/b","n":"x\\u0041"}');
  });

  it.each([
    // [secrets, text, expected]
    [['wobbleplank'], 'wob\nbleplank zz', `${R} zz`],
    [['wobbleplank'], 'a wobble\r\nplank b', `a ${R} b`],
    [['wobbleplank'], 'a\nwobbleplan\nk b', `a\n${R} b`],
    [['alphaone', 'betatwo-longer'], 'al\nphaone and beta\ntwo-longer!', `${R} and ${R}!`],
    [['wobbleplank', 'bleplank'], 'x wobble\nplank y', `x ${R} y`],
    [['wobbleplank', 'bleplank1'], 'x wobble\nplank1 y', `x ${R}${R} y`],
    [['wobbleplank', 'zzundefined'], 'wob\nbleplank zz', `${R} zz`],
  ] as const)('across line breaks row %#', (secrets, text, expected) => {
    expect(withSecrets(...secrets).scrub(text)).toBe(expected);
  });
});

describe('Redactor.scrubDeep(WithHits): structure', () => {
  const r = withSecrets('wobbleplank');

  it.each([
    // [value, expected value, expected hits]
    [{ note: 'plain text' }, { note: 'plain text' }, []],
    [{ note: 'x wobbleplank' }, { note: `x ${R}` }, [{ path: '$.note', kind: 'known secret' }]],
    [{ note: 'wob\nbleplank' }, { note: R }, [{ path: '$.note', kind: 'known secret' }]],
    [{ 'x-api-key': 'abc123' }, { 'x-api-key': R }, [{ path: '$.x-api-key', kind: 'api key header' }]],
    [{ 'X-ApiKey': 'abc' }, { 'X-ApiKey': R }, [{ path: '$.X-ApiKey', kind: 'api key header' }]],
    [{ 'x-api-key': 'sk-…9f2c' }, { 'x-api-key': 'sk-…9f2c' }, []],
    [{ secretEnvVar: 'MY_ENV_NAME', tokenUrl: 'https://idp.test/token' }, { secretEnvVar: 'MY_ENV_NAME', tokenUrl: 'https://idp.test/token' }, []],
    [{ authorization: 'Bearer abc' }, { authorization: `Bearer ${R}` }, [{ path: '$.authorization', kind: 'authorization header' }]],
    [{ proxy_authorization: 'Basic Zm9vOmJhcg==' }, { proxy_authorization: `Basic ${R}` }, [{ path: '$.proxy_authorization', kind: 'basic credentials' }]],
    [{ set_cookie: 'sid=abc' }, { set_cookie: R }, [{ path: '$.set_cookie', kind: 'api key header' }]],
    [{ cookie: 'sid=abc' }, { cookie: `sid=${R}` }, [{ path: '$.cookie', kind: 'cookie' }]],
    [{ client_secret: 'abc' }, { client_secret: R }, [{ path: '$.client_secret', kind: 'secret field' }]],
    [{ client_secret: 'abc…9f2c' }, { client_secret: 'abc…9f2c' }, []],
    [{ name: 'Authorization', value: 'Bearer abc' }, { name: 'Authorization', value: `Bearer ${R}` }, [{ path: '$.value', kind: 'authorization header' }]],
    [{ name: 'code', value: 'abc' }, { name: 'code', value: R }, [{ path: '$.value', kind: 'query param' }]],
    [{ name: 'code', value: '[REDACTED]' }, { name: 'code', value: R }, []],
    [{ name: 'page', value: 'abc' }, { name: 'page', value: 'abc' }, []],
    [{ name: 42, value: 'abc' }, { name: 42, value: 'abc' }, []],
    [{ name: 'x-api-key', value: 7 }, { name: 'x-api-key', value: 7 }, []],
    [{ list: [{ 'x-api-key': { nested: 'abc' } }] }, { list: [{ 'x-api-key': { nested: 'abc' } }] }, []],
  ] as const)('scrubDeep row %#', (value, expected, hits) => {
    expect(r.scrubDeepWithHits(value)).toEqual({ value: expected, hits });
    expect(r.scrubDeep(value)).toEqual(expected);
  });

  it('a Secret object becomes its fingerprint, and the preview says a known secret was there', () => {
    const s = new Secret('sk-abcdefghijklmnop9f2c');
    const { value, hits } = r.scrubDeepWithHits({ key: s }, '$.auth');
    expect(value).toEqual({ key: s.fingerprint });
    expect(hits).toEqual([{ path: '$.auth.key', kind: 'known secret' }]);
    expect(r.scrubDeep([s])).toEqual([s.fingerprint]);
  });
});

describe('unescapeJson', () => {
  it.each([
    ['a\\/b', 'a/b'],
    ['a\\"b', 'a"b'],
    ['a\\\\b', 'a\\b'],
    ['a\\nb\\rc\\td\\be\\ff', 'a\nb\rc\td\be\ff'],
    ['\\u0041\\u00e9', 'Aé'],
    ['\\u00 \\u12G4 \\q \\x41', '\\u00 \\u12G4 \\q \\x41'],
  ])('unescapeJson row %#', (text, expected) => expect(unescapeJson(text)).toBe(expected));
});

describe('redactUrlWith', () => {
  it('known values become %5BREDACTED%5D, shapes are redacted too, with or without a redactor', () => {
    const r = withSecrets('wobbleplank');
    expect(redactUrlWith(r, 'https://h.test/p/wobbleplank?q=1')).toBe('https://h.test/p/%5BREDACTED%5D?q=1');
    expect(redactUrlWith(null, 'https://h.test/p/wobbleplank?api_key=zz9')).toBe('https://h.test/p/wobbleplank?api_key=%5BREDACTED%5D');
  });
});

describe('encodings', () => {
  it.each([
    // [value, forms it must contain, forms it must not]
    [' wobbleplank ', ['wobbleplank'], []],
    ['wob ble', ['wob%20ble', 'wob+ble'], []],
    ['a/bcd', ['a%2Fbcd', 'a%2fbcd', 'a\\/bcd'], []],
    ['a"bcdef', ['a\\"bcdef'], ['"a\\"bcdef"', '']],
    ['a-bcd', ['a\\u002dbcd', 'a\\u002Dbcd'], []],
    ['ab\uD800cdef', ['ab%EF%BF%BDcdef', 'ab\\ud800cdef'], []],
    ['wobbleplank', ['d29iYmxlcGxhbm', 'd29iYmxlcGxhbms=', '776f62626c65706c616e6b', '776F62626C65706C616E6B', 'WOBBLEPLANK', 'knalpelbbow'], []],
    ['abcde', ['YWJjZG'], ['6162636465']],
    ['abcd', [], ['YWJjZ']],
    ['abcdef', ['616263646566', '616263646566'.toUpperCase()], []],
    ['abcdefgh', ['ABCDEFGH', 'hgfedcba'], []],
    ['abcdefG', [], ['ABCDEFG', 'abcdefg', 'Gfedcba']],
  ] as const)('encodings row %#', (value, has, hasNot) => {
    const forms = encodings(value);
    for (const f of has) expect(forms).toContain(f);
    for (const f of hasNot) expect(forms).not.toContain(f);
  });
});
