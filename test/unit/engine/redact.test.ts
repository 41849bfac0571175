import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { Redactor, redactHeaders, redactUrl } from '../../../src-main/engine/redact.js';
import { Secret, fingerprint } from '../../../src-main/engine/secret.js';
import { canaryForms, findLeak, randomCanary } from '../../integration/canary-forms.js';

describe('Secret', () => {
  it('prints only its fingerprint however it is turned into text', () => {
    const value = 'sk-proj-abcdefghijklmnopqrstuv9f2c';
    const s = new Secret(value);
    const outputs = [String(s), `${s}`, 'x' + s, JSON.stringify({ s }), inspect(s), inspect({ nested: { s } }), s.toString()];
    for (const o of outputs) expect(o).not.toContain('abcdefghij');
    expect(String(s)).toBe('sk-proj-…9f2c');
    expect(s.reveal()).toBe(value);
  });

  it('shows nothing of short values', () => {
    expect(fingerprint('abc12345')).toBe('…');
  });
});

describe('Redactor: known values', () => {
  it('removes a secret in every encoding, including inside a Basic header and larger base64 blobs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim().length >= 8), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (secret, before, after) => {
        const r = new Redactor();
        r.add(secret);
        const texts = [
          `${before}${secret}${after}`,
          encodeURIComponent(`${before}${secret}${after}`),
          Buffer.from(`${before}${secret}${after}`).toString('base64'),
          Buffer.from(`${before}${secret}${after}`).toString('base64url'),
          `Authorization: Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
          JSON.stringify({ v: `${before}${secret}` }),
        ];
        for (const t of texts) {
          const out = r.scrub(t);
          for (const form of canaryForms(secret)) expect(out.includes(form), `${form} in ${out}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keys and nested values, and reports where it replaced what', () => {
    const r = new Redactor();
    r.add('canary-0123456789');
    const { value, hits } = r.scrubDeepWithHits({ a: ['x canary-0123456789 y'], ['canary-0123456789']: 1 });
    expect(JSON.stringify(value)).not.toContain('canary-0123456789');
    expect(hits).toContainEqual({ path: '$.a[0]', kind: 'known secret' });
  });

  it('learns the password of a proxy URL', () => {
    const r = new Redactor();
    r.addUrlCredentials('http://alice:s3cr%40t-pass@proxy.local:3128');
    expect(r.scrub('auth s3cr@t-pass and s3cr%40t-pass')).toBe('auth [REDACTED] and [REDACTED]');
  });
});

describe('Redactor: shapes it was never told about', () => {
  const r = new Redactor();

  it('header values by name, keeping the scheme and cookie names', () => {
    const out = redactHeaders([
      { name: 'Authorization', value: 'Bearer abc.def.ghi-123' },
      { name: 'proxy-authorization', value: 'Basic dXNlcjpwYXNz' },
      { name: 'x-api-key', value: 'k-123456' },
      { name: 'Cookie', value: 'sid=abc123; theme=dark' },
      { name: 'Set-Cookie', value: 'sid=abc123; Path=/; HttpOnly' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
    expect(out.map((h) => h.value)).toEqual([
      'Bearer [REDACTED]',
      'Basic [REDACTED]',
      '[REDACTED]',
      'sid=[REDACTED]; theme=[REDACTED]',
      'sid=[REDACTED]; Path=/; HttpOnly',
      'application/json',
    ]);
  });

  it('URLs: user-info and key-like query and fragment parameters, leaving the rest alone', () => {
    expect(redactUrl('https://user:pw@api.example.test/v1/x?key=abc&model=gpt&access_token=t0k#id_token=zz&state=1')).toBe(
      'https://%5BREDACTED%5D@api.example.test/v1/x?key=%5BREDACTED%5D&model=gpt&access_token=%5BREDACTED%5D#id_token=%5BREDACTED%5D&state=1',
    );
    expect(redactUrl('/v1/x?sig=abc&se=2025')).toBe('/v1/x?sig=%5BREDACTED%5D&se=2025');
    expect(redactUrl('https://api.example.test/v1/models')).toBe('https://api.example.test/v1/models');
    expect(new URL(redactUrl('https://u:p@h.test/?api_key=1')).href).toContain('REDACTED');
  });

  it('free text: header lines, bearer tokens, JSON fields, form bodies, known key formats', () => {
    const text = [
      'curl -H "Authorization: Bearer abcDEF123456" https://h.test/?apikey=zzz',
      '{"access_token":"tok-123","token_type":"bearer","expires_in":3600}',
      'grant_type=client_credentials&client_id=app&client_secret=shh-123',
      'key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAA and jwt eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.sig',
    ].join('\n');
    const out = r.scrub(text);
    for (const leak of ['abcDEF123456', 'zzz', 'tok-123', 'shh-123', 'AAAAAAAAAAAA', 'eyJzdWIiOiIxMjM0']) expect(out).not.toContain(leak);
    expect(out).toContain('client_id=app');
    expect(out).toContain('"token_type":"bearer"');
  });

  it('a key echoed in prose is caught even without a digit, a plain word after "key" is not', () => {
    const noDigit = 'cnryUZRtYbimHCWgzWUgVUrkfdWmCZje';
    expect(r.scrub(`server said: invalid api key ${noDigit}`)).toBe('server said: invalid api key [REDACTED]');
    for (const kept of ['the api key authorizationheader must be sent', '"x-api-key": process.env.OPENAI_API_KEY']) expect(r.scrub(kept)).toBe(kept);
  });

  it('leaves ordinary prose and advice placeholders alone', () => {
    const prose = 'Basic authentication failed; send Authorization: Bearer <your key>. The status code=401 and Bearer tokens expire.';
    expect(r.scrub(prose)).toBe(prose);
  });

  it('structured pairs and secret-named fields in objects', () => {
    const { value, hits } = r.scrubDeepWithHits({
      request: { headers: [{ name: 'X-Api-Key', value: 'abcd1234' }], queryString: [{ name: 'token', value: 'abcd' }] },
      oauth: { client_secret: 'xyz12345', clientId: 'app' },
      fp: { token: 'sk-…9f2c' },
    });
    expect(value).toEqual({
      request: { headers: [{ name: 'X-Api-Key', value: '[REDACTED]' }], queryString: [{ name: 'token', value: '[REDACTED]' }] },
      oauth: { client_secret: '[REDACTED]', clientId: 'app' },
      fp: { token: 'sk-…9f2c' },
    });
    expect(hits.map((h) => h.path).sort()).toEqual(['$.oauth.client_secret', '$.request.headers[0].value', '$.request.queryString[0].value']);
  });

  it('is idempotent: scrubbing twice changes nothing and reports nothing new', () => {
    const once = r.scrub('https://u:p@h.test/?key=1 Authorization: Bearer abcDEF123456');
    const hits: string[] = [];
    expect(r.scrub(once, (k) => hits.push(k))).toBe(once);
    expect(hits).toEqual([]);
  });

  it('finds a random canary planted anywhere (self-check of the test helper)', () => {
    const c = randomCanary();
    expect(findLeak(`x ${Buffer.from(`u:${c}`).toString('base64')} y`, [c])).not.toBeNull();
    expect(findLeak('nothing here', [c])).toBeNull();
  });
});

describe('redactUrl (property)', () => {
  it('never keeps the value of a key-like parameter, keeps the others, and stays a valid URL', () => {
    const sensitive = fc.constantFrom('key', 'api_key', 'apikey', 'token', 'access_token', 'sig', 'signature', 'client_secret', 'code', 'X-Amz-Signature', 'my_token');
    const benign = fc.constantFrom('model', 'page', 'limit', 'q', 'format');
    const value = fc.string({ minLength: 6, maxLength: 30, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') });
    fc.assert(
      fc.property(sensitive, value, benign, fc.string({ maxLength: 8, unit: fc.constantFrom(...'abc123') }), fc.boolean(), (name, secret, other, otherValue, inFragment) => {
        const url = `https://u:${secret}@api.example.test/v1/x?${other}=${otherValue}${inFragment ? '#' : '&'}${name}=${secret}`;
        const out = redactUrl(url);
        expect(out).not.toContain(secret);
        expect(out).toContain(`${other}=${otherValue}`);
        expect(() => new URL(out)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('Redactor on big and adversarial input', () => {
  it('scrubs a 2 MB body with many near-matches within budget (no catastrophic backtracking)', () => {
    const r = new Redactor();
    r.add('cnry-0123456789abcdef');
    const chunks = [
      'a'.repeat(5000),
      '"access_token":"' + 'x'.repeat(3000),
      'Bearer ' + 'A'.repeat(4000),
      'key=' + 'k'.repeat(4000) + '&',
      'https://' + 'h'.repeat(4000) + '?api_key=',
      '='.repeat(3000),
      'eyJ' + 'a'.repeat(3000) + '.eyJ',
    ];
    let text = '';
    while (text.length < 2_000_000) text += chunks.join(' cnry-0123456789abcdef ');
    const t0 = performance.now();
    const out = r.scrub(text);
    const ms = performance.now() - t0;
    expect(out).not.toContain('cnry-0123456789abcdef');
    expect(ms).toBeLessThan(5_000);
  });
});

describe('Redactor: challenges and odd input (QA)', () => {
  it("a challenge's parameters are not a credential: WWW-Authenticate / Proxy-Authenticate stay readable", () => {
    const r = new Redactor();
    const keep = [
      'WWW-Authenticate: Basic realm="peer-lab"',
      'Proxy-Authenticate: Basic realm="Squid proxy-caching web server"',
      'Basic realm=peerlab, charset="UTF-8"',
      'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"',
    ];
    for (const s of keep) expect(r.scrub(s)).toBe(s);
    expect(r.scrubDeep([{ name: 'WWW-Authenticate', value: 'Basic realm="peer-lab"' }])[0]!.value).toBe('Basic realm="peer-lab"');
  });

  it('credentials are still caught, padded base64 closing a JSON string included', () => {
    const r = new Redactor();
    expect(r.scrub('"Authorization": "Basic YWI6Y2Q=", "x": 1')).not.toContain('YWI6Y2Q');
    expect(r.scrub('{"h":"Basic YWI6Y2Q="}')).not.toContain('YWI6Y2Q');
    expect(r.scrub('sent Basic dXNlcjpwYXNzd29yZA== to the proxy')).toBe('sent Basic [REDACTED] to the proxy');
    expect(r.scrub('Bearer eyJhbGciOi.eyJzdWIiOi.c2ln-9f')).toBe('Bearer [REDACTED]');
    expect(r.scrub('"Bearer abc123def45="}')).not.toContain('abc123def45');
  });

  it('add() is total: lone UTF-16 surrogates neither throw nor stop the value being scrubbed', () => {
    const r = new Redactor();
    const odd = 'sk-QAcanary\uD800tail-9f2c';
    expect(() => r.add(odd)).not.toThrow();
    expect(() => r.add('\uDC00abcdef')).not.toThrow();
    expect(r.scrub(`key=${odd}!`)).not.toContain('QAcanary');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 4 }), (v) => {
        const x = new Redactor();
        x.add(v);
        expect(x.scrub(`<${v}>`)).not.toContain(v);
      }),
    );
  });
});

describe('Redactor: placeholders (QA)', () => {
  it("keeps a server's or the docs' placeholder readable, still redacts real tokens", () => {
    const r = new Redactor();
    const openai = "You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    expect(r.scrub(openai)).toBe(openai);
    expect(r.scrub('curl -H "Authorization: Bearer $OPENAI_API_KEY"')).toBe('curl -H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(r.scrub('Authorization: Bearer YOUR_API_KEY')).toBe('Authorization: Bearer YOUR_API_KEY');
    expect(r.scrub('Authorization: Bearer ABCD_EFGH_1234')).toBe('Authorization: Bearer [REDACTED]');
    expect(r.scrub('Authorization: Bearer abc.def.ghi-123')).toBe('Authorization: Bearer [REDACTED]');
    expect(r.scrub('Bearer sk-proj-QAcanaryQAcanary7777')).toBe('Bearer [REDACTED]');
  });
});

describe('redactUrl: already masked user-info (QA)', () => {
  it('keeps "user:****" (the proxy probe\'s masking) readable, still redacts a real password', () => {
    expect(redactUrl('http://qa:****@127.0.0.1:41971')).toBe('http://qa:****@127.0.0.1:41971');
    expect(new Redactor().scrub('The proxy http://qa:****@127.0.0.1:41971 answered 401')).toBe('The proxy http://qa:****@127.0.0.1:41971 answered 401');
    expect(redactUrl('http://qa:s3cret-pass@127.0.0.1:41971')).toBe('http://%5BREDACTED%5D@127.0.0.1:41971');
    expect(redactUrl('http://qa:*****x@127.0.0.1:1')).toBe('http://%5BREDACTED%5D@127.0.0.1:1');
  });
});
