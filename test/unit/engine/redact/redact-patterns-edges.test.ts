import { describe, expect, it } from 'vitest';
import { isAlreadySafe, isSensitiveHeader, isSensitiveParam, redactHeaderValue, redactParams, redactUrl, scrubPatterns, type RedactionKind } from '../../../../src-main/engine/redact-patterns.js';

const R = '[REDACTED]';
const withHits = <A extends unknown[]>(f: (...a: [...A, (k: RedactionKind) => void]) => string, ...args: A): { out: string; hits: RedactionKind[] } => {
  const hits: RedactionKind[] = [];
  const out = f(...args, (k) => hits.push(k));
  return { out, hits };
};

describe('name predicates: the edges of each pattern', () => {
  it.each([
    [' X-Vault-Token ', true],
    ['x-api-foo', true],
    ['x-api-version', false],
    ['my-x-api-foo', false],
    ['x-api-version-x', true],
    ['my-api-key-id', true],
    ['accesskeyid', true],
    ['access_keyid', true],
    ['sessionidx', true],
    ['session-idx', true],
    ['content-type', false],
    ['token', true],
    ['jwt', true],
  ] as const)('isSensitiveHeader row %#', (name, expected) => expect(isSensitiveHeader(name)).toBe(expected));

  it.each([
    [' API_KEY ', true],
    ['x_api-key', true],
    ['my_api_key', true],
    ['page', false],
  ] as const)('isSensitiveParam row %#', (name, expected) => expect(isSensitiveParam(name)).toBe(expected));

  it.each([
    ['sk-…9f2c', true],
    [' sk-…9f2c ', true],
    ['ab…c+/=', true],
    ['ab…c!!!', false],
    ['this is far too long a prefix…ab', false],
    ['   ', true],
    ['', true],
    ['[REDACTED]', true],
    ['plainvalue', false],
  ] as const)('isAlreadySafe row %#', (v, expected) => expect(isAlreadySafe(v)).toBe(expected));
});

describe('redactHeaderValue: what stays, and the preview kind', () => {
  it.each([
    ['Authorization', 'Bearer abc', `Bearer ${R}`, ['authorization header']],
    [' Authorization ', 'Bearer abc', `Bearer ${R}`, ['authorization header']],
    ['Authorization', 'Bearer  abc', `Bearer ${R}`, ['authorization header']],
    ['Authorization', '123 Bearer abc', R, ['authorization header']],
    ['Authorization', 'Basic Zm9vOmJhcg==', `Basic ${R}`, ['basic credentials']],
    ['Proxy-Authorization', 'BASIC Zm9vOmJhcg==', `BASIC ${R}`, ['basic credentials']],
    ['Cookie', 'a=1; flag', `a=${R}; ${R}`, ['cookie']],
    ['Cookie', 'a=1;=x', `a=${R}; =${R}`, ['cookie']],
    ['Set-Cookie', 'flag; Path=/', `${R}; Path=/`, ['cookie']],
    ['Set-Cookie', '=x; Path=/', `=${R}; Path=/`, ['cookie']],
    ['Set-Cookie', ' sid =abc;  HttpOnly', `sid=${R}; HttpOnly`, ['cookie']],
    ['X-Api-Key', 'abc', R, ['api key header']],
    ['Location', 'https://h.test/?api_key=abc', 'https://h.test/?api_key=%5BREDACTED%5D', ['query param']],
  ] as const)('redactHeaderValue row %#', (name, value, expected, hits) => {
    expect(withHits(redactHeaderValue, name, value)).toEqual({ out: expected, hits });
  });
});

describe('redactParams and redactUrl', () => {
  it.each([
    ['flag&key=abc', 'flag&key=%5BREDACTED%5D', ['query param']],
    ['tokenX', 'tokenX', []],
    ['key=&a=1', 'key=&a=1', []],
    ['page=abc', 'page=abc', []],
    ['key=…9f2c', 'key=…9f2c', []],
    ['key=a+b+c+d+e+f+g+h+i…', 'key=%5BREDACTED%5D', ['query param']],
    ['key=%E0%A4%A', 'key=%5BREDACTED%5D', ['query param']],
  ] as const)('redactParams row %#', (params, expected, hits) => {
    expect(withHits(redactParams, params)).toEqual({ out: expected, hits });
  });

  it.each([
    ['http://a:b:****@h.test/', 'http://%5BREDACTED%5D@h.test/', ['url credentials']],
    ['http://bob:****@h.test/', 'http://bob:****@h.test/', []],
    ['?api_key=abc&page=2', '?api_key=%5BREDACTED%5D&page=2', ['query param']],
    ['#access_token=abc&state=x', '#access_token=%5BREDACTED%5D&state=x', ['query param']],
    ['/cb?page=2#access_token=abc', '/cb?page=2#access_token=%5BREDACTED%5D', ['query param']],
  ] as const)('redactUrl row %#', (url, expected, hits) => {
    expect(withHits(redactUrl, url)).toEqual({ out: expected, hits });
  });
});

describe('scrubPatterns: shapes in free text, one preview hit per replacement', () => {
  it.each([
    ['Bearer abcdefgh', 'Bearer abcdefgh', []],
    ['Bearer Abcdefgh', 'Bearer Abcdefgh', []],
    ['Bearer ABCDEFGH', 'Bearer ABCDEFGH', []],
    ['Bearer abcdEfgh', `Bearer ${R}`, ['bearer token']],
    ['Bearer abcdefg1', `Bearer ${R}`, ['bearer token']],
    ['Bearer x1_YOUR_KEY', `Bearer ${R}`, ['bearer token']],
    ['Authorization: Bearer abc123', `Authorization: Bearer ${R}`, ['authorization header']],
    ['Authorization: Basic Zm9vOmJhcg==', `Authorization: Basic ${R}`, ['basic credentials']],
    ['Authorization: Bearer YOUR_KEY \nnext', 'Authorization: Bearer YOUR_KEY \nnext', []],
    ['Authorization: Bearer YOUR_KEY);', 'Authorization: Bearer YOUR_KEY);', []],
    ['Authorization: Bearer X.MY_KEY', `Authorization: Bearer ${R}`, ['authorization header']],
    ['Authorization: Bearer abc$KEY1', `Authorization: Bearer ${R}`, ['authorization header']],
    ['Authorization: Bearer $KEY-abc', `Authorization: Bearer ${R}`, ['authorization header']],
    ['Authorization: Bearer $API_KEY', 'Authorization: Bearer $API_KEY', []],
    ['Authorization: Bearer <key>', 'Authorization: Bearer <key>', []],
    ['{"client_secret": "abc"}', `{"client_secret": "${R}"}`, ['secret field']],
    ['client_secret=abc&grant_type=x', `client_secret=${R}&grant_type=x`, ['query param']],
    ['token: 1234567890123456', 'token: 1234567890123456', []],
    ['password is ABCDEFGHIJKLMNOPQR', 'password is ABCDEFGHIJKLMNOPQR', []],
    ['password is AbcdefghijklmnopQ', `password is ${R}`, ['key pattern']],
  ] as const)('scrubPatterns row %#', (text, expected, hits) => {
    expect(withHits(scrubPatterns, text)).toEqual({ out: expected, hits });
  });
});
