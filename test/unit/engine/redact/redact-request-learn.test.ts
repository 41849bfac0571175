import { describe, expect, it } from 'vitest';
import type { DiagnosisRequest } from '../../../../src-main/common/request.js';
import { Redactor } from '../../../../src-main/engine/redact.js';
import { bodySecrets, learnHeaderValue, learnRequestSecrets } from '../../../../src-main/engine/redact-request.js';

/** What the redactor learnt is seen only through scrub: a learnt value is gone from an echo of it alone. */
const learnt = (r: Redactor, v: string): boolean => !r.scrub(`echo ${v} end`).includes(v);
const req = (over: Partial<DiagnosisRequest>): DiagnosisRequest => ({ url: 'https://api.example.test/v1', method: 'GET', headers: [], ...over }) as DiagnosisRequest;
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');

describe('learnRequestSecrets: which request parts teach the redactor', () => {
  it.each([
    ['sensitive -H header', req({ headers: [{ name: 'X-Api-Key', value: 'wobbleplank' }] }), {}, 'wobbleplank', true],
    ['harmless -H header is not a secret', req({ headers: [{ name: 'X-Trace', value: 'wobbleplank' }] }), {}, 'wobbleplank', false],
    ['--proxy user-info', req({ proxy: 'http://bob:proxypassw0rd@127.0.0.1:3128' }), {}, 'proxypassw0rd', true],
    ['oauth token URL key param', req({ oauth: { tokenUrl: 'https://idp.test/token?client_secret=tokensecretval', clientId: 'c' } }), {}, 'tokensecretval', true],
    ['JSON body secret field', req({ method: 'POST', body: '{"client_secret":"bodysecretval"}' }), {}, 'bodysecretval', true],
    ['query key param', req({ url: 'https://api.example.test/v1?api_key=querysecretval' }), {}, 'querysecretval', true],
    ['harmless query param', req({ url: 'https://api.example.test/v1?page=wobbleplank' }), {}, 'wobbleplank', false],
    ['fragment token', req({ url: 'https://api.example.test/cb#access_token=fragsecretval&state=wobbleplank' }), {}, 'fragsecretval', true],
    ['harmless fragment param', req({ url: 'https://api.example.test/cb#access_token=fragsecretval&state=wobbleplank' }), {}, 'wobbleplank', false],
  ] as const)('learn row %#', (_n, request, env, value, expected) => {
    const r = new Redactor();
    learnRequestSecrets(r, request, env);
    expect(learnt(r, value)).toBe(expected);
  });

  it.each(['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'])('environment %s: with and without a scheme', (name) => {
    for (const v of ['envuser:envpassw0rd@127.0.0.1:3128', 'socks5://envuser:envpassw0rd@127.0.0.1:1080', 'http://envuser:envpassw0rd@127.0.0.1:3128']) {
      const r = new Redactor();
      learnRequestSecrets(r, req({}), { [name]: v });
      expect(learnt(r, 'envpassw0rd'), `${name}=${v}`).toBe(true);
    }
  });

  it('other environment variables teach nothing', () => {
    const r = new Redactor();
    learnRequestSecrets(r, req({}), { NO_PROXY: 'envuser:envpassw0rd@127.0.0.1', PROXY: 'http://envuser:envpassw0rd@127.0.0.1' });
    expect(r.size).toBe(0);
  });
});

describe('learnHeaderValue', () => {
  it.each([
    ['Authorization', 'Bearer bearertokval', 'bearertokval', true],
    [' AUTHORIZATION ', 'Bearer bearertokval', 'bearertokval', true],
    ['Proxy-Authorization', 'Bearer proxytokval', 'proxytokval', true],
    ['Authorization', `Basic ${b64('alice:basicpassw0rd')}`, 'basicpassw0rd', true],
    ['Authorization', `Basic ${b64('alice:basicpassw0rd')}`, 'alice:basicpassw0rd', true],
    // A Bearer token that happens to be base64 of text: only Basic is decoded.
    ['Authorization', `Bearer ${b64('wobbleplank')}`, 'wobbleplank', false],
    // Basic whose decoded bytes are not printable text: noise, not learnt.
    ['Authorization', `Basic ${b64('\u0001alice:basicpassw0rd')}`, 'basicpassw0rd', false],
    ['Authorization', `Basic ${b64('alice:basicpassw0rd\u0001')}`, 'basicpassw0rd', false],
    ['Cookie', 'sid=cookieval1; theme=cookieval2', 'cookieval2', true],
    ['cookie', 'sid=cookieval1; theme=cookieval2', 'cookieval1', true],
    // A part without a name or without `=` is not a cookie value.
    ['Cookie', 'sid=cookieval1;=wobbleplank', 'wobbleplank', false],
    ['Cookie', 'sid=cookieval1; wobbleplank', 'wobbleplank', false],
    // Only Cookie is split at `;` and `=`.
    ['X-Api-Key', 'a=wobbleplank;b', 'wobbleplank', false],
  ] as const)('learnHeaderValue row %#', (name, value, probe, expected) => {
    const r = new Redactor();
    learnHeaderValue(r, name, value);
    expect(learnt(r, probe)).toBe(expected);
    // The whole value always is.
    expect(learnt(r, value.trim())).toBe(true);
  });

  it('a scheme-less Authorization value does not throw and is learnt whole', () => {
    const r = new Redactor();
    expect(() => learnHeaderValue(r, 'Authorization', 'schemelessval')).not.toThrow();
    expect(learnt(r, 'schemelessval')).toBe(true);
  });
});

describe('bodySecrets', () => {
  it.each([
    ['{"client_secret":"s3cretval","user":"bob"}', [{ key: 'client_secret', value: 's3cretval', form: 'json' }]],
    ['  {"password":"pw1234567"}  ', [{ key: 'password', value: 'pw1234567', form: 'json' }]],
    ['[{"api_key":"k1234567"},{"n":"x"}]', [{ key: 'api_key', value: 'k1234567', form: 'json' }]],
    ['{"tokens":["t1234567","t7654321"],"password":""}', []],
    ['{"access_token":["t1234567"]}', [{ key: 'access_token', value: 't1234567', form: 'json' }]],
    // isSensitiveParam only (not a field name): `sig`, `pwd`
    ['{"sig":"sigval123"}', [{ key: 'sig', value: 'sigval123', form: 'json' }]],
    ['grant_type=client_credentials&client_secret=formsecret&pwd=pw9876543&user=bob', [
      { key: 'client_secret', value: 'formsecret', form: 'form' },
      { key: 'pwd', value: 'pw9876543', form: 'form' },
    ]],
    // isSensitiveField only (not a param name): `bearer`, `private_key`
    ['bearer=fieldonly1&private_key=fieldonly2', [
      { key: 'bearer', value: 'fieldonly1', form: 'form' },
      { key: 'private_key', value: 'fieldonly2', form: 'form' },
    ]],
    ['password=&user=bob', []],
    // Not a form: starts with `=` / whitespace-separated prose.
    ['=x&password=formsecret', []],
    ['hello world password=formsecret', []],
    ['{not json, password=formsecret', []],
  ] as const)('bodySecrets row %#', (body, expected) => {
    expect(bodySecrets(body)).toEqual(expected);
  });
});
