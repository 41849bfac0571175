import { describe, expect, it } from 'vitest';
import { Redactor, encodings, isSensitiveHeader, redactHeaders } from '../../../src-main/engine/redact.js';

// Cases the property tests could not tell apart (docs/testing.md): a secret whose base64 and
// base64url differ, and the header names that only the known-names list catches.

// '>' and '?' make base64 write '+' and '/' where base64url writes '-' and '_', at every alignment.
const SECRET = 'k>>>???>~~~?>';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

describe('Redactor: base64 and base64url are different forms', () => {
  it('the test secret really encodes differently in the two alphabets', () => {
    for (const prefix of ['', 'u:', 'us:']) expect(b64(prefix + SECRET).replace(/=+$/, '')).not.toBe(b64url(prefix + SECRET));
    expect(encodings(SECRET)).toEqual(expect.arrayContaining([b64(SECRET), b64url(SECRET)]));
  });

  it.each([[''], ['u:'], ['us:'], ['user:']])('removes the secret from base64 and base64url text, after %j', (prefix) => {
    const r = new Redactor();
    r.add(SECRET);
    for (const text of [b64(prefix + SECRET), b64url(prefix + SECRET), `Basic ${b64(prefix + SECRET)}`, `token=${b64url(prefix + SECRET)}&x=1`]) {
      const out = r.scrub(text);
      expect(out, text).toContain('[REDACTED]');
      // No run of the secret's own characters survives in either alphabet.
      const core = (s: string) => s.slice(Math.ceil((prefix.length * 8) / 6) + 1, Math.floor(((prefix.length + SECRET.length) * 8) / 6) - 1);
      expect(out).not.toContain(core(b64(prefix + SECRET)));
      expect(out).not.toContain(core(b64url(prefix + SECRET)));
    }
  });
});

describe('sensitive header names that only the list knows', () => {
  it.each([['Ocp-Apim-Subscription-Key'], ['x-goog-api-key'], ['X-Amz-Security-Token'], ['x-vault-token'], ['X-CSRF-Token'], ['x-xsrf-token'], ['X-Auth-Token'], ['x-access-token'], ['api-key']])('%s: its value is redacted though nobody told the redactor', (name) => {
    expect(isSensitiveHeader(name)).toBe(true);
    expect(redactHeaders([{ name, value: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }])[0]!.value).toBe('[REDACTED]');
    expect(new Redactor().scrubDeep({ headers: [{ name, value: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }] })).toEqual({ headers: [{ name, value: '[REDACTED]' }] });
  });

  it('ordinary headers are kept', () => {
    for (const name of ['Content-Type', 'x-request-id', 'apim-request-id', 'x-ms-region', 'keep-alive']) expect(isSensitiveHeader(name), name).toBe(false);
    expect(redactHeaders([{ name: 'apim-request-id', value: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }])[0]!.value).toBe('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
  });
});
