import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Redactor } from '../../../src-main/engine/redact.js';
import { learnRequestSecrets } from '../../../src-main/engine/redact-request.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import { curlSnippet, pythonHttpxSnippet, pythonRequestsSnippet, typescriptSnippet, type CallSpec } from '../../../src-main/engine/advice/snippets.js';
import { redactedBody, redactedHeader } from '../../../src-main/engine/advice/redacted-call.js';
import { transformedEchoes } from '../../lab/canary-api.js';
import { findLeak, randomSymbolCanary } from '../../integration/canary-forms.js';

describe('item 2: every secret the user gave with the request is a known secret of the run', () => {
  it('sensitive -H values, Authorization token and Basic user:pass, cookies, URL and proxy user-info, body fields', () => {
    const [k1, k2, k3, k4, k5, k6, k7] = Array.from({ length: 7 }, () => randomSymbolCanary('rq'));
    const r = new Redactor();
    learnRequestSecrets(
      r,
      defaultRequest(`https://bob:${encodeURIComponent(k5!)}@api.test/v1?api_key=${encodeURIComponent(k6!)}`, {
        headers: [
          { name: 'Ocp-Apim-Subscription-Key', value: k1! },
          { name: 'Authorization', value: `Basic ${Buffer.from(`alice:${k2}`).toString('base64')}` },
          { name: 'Cookie', value: `sid=${k3}; theme=dark` },
          { name: 'Private-Token', value: k4! },
        ],
        proxy: `http://carol:${encodeURIComponent(k7!)}@proxy.test:3128`,
      }),
    );
    for (const k of [k1, k2, k3, k4, k5, k6, k7]) {
      const echoed = Object.values(transformedEchoes(k!)).join('\n');
      expect(findLeak(r.scrub(`the server said: ${echoed}`), [k!])).toBeNull();
    }
  });
});

describe('item 4: transformed echoes of a known secret', () => {
  it.each(Object.keys(transformedEchoes('x')))('%s', (form) => {
    const secret = randomSymbolCanary('tf');
    const r = new Redactor();
    r.add(secret);
    const text = `{"error":"bad key ${transformedEchoes(secret)[form]} here"}`;
    const out = r.scrub(text);
    expect(findLeak(out, [secret]), out).toBeNull();
    expect(out).toContain('[REDACTED]');
  });

  it('upper-cased, lower-cased and reversed echoes (decided in docs/security.md: redacted)', () => {
    const secret = 'AbCdEf0123456789xyzQ';
    const r = new Redactor();
    r.add(secret);
    for (const t of [secret.toUpperCase(), secret.toLowerCase(), [...secret].reverse().join('')]) expect(r.scrub(`echo ${t} end`)).toBe('echo [REDACTED] end');
  });

  it('text without a secret is left exactly as it was (escapes and line breaks kept)', () => {
    const r = new Redactor();
    r.add('zzCanaryValue0123456789');
    const t = '{"a":"x\\/y\\u002B"}\nline two\r\nthree';
    expect(r.scrub(t)).toBe(t);
  });
});

describe('item 3: snippets are built from the redacted request', () => {
  const secret = `pa"ss'${randomSymbolCanary('sn')}`;
  const spec: CallSpec = {
    method: 'POST',
    url: 'https://api.test/v1/token',
    headers: [redactedHeader({ name: 'X-Auth-Token', value: secret }), { name: 'content-type', value: 'application/json' }],
    body: redactedBody(JSON.stringify({ model: 'm', client_secret: secret, password: secret })),
    auth: null,
    envVar: 'API_KEY',
    connectMs: 2000,
    readMs: 30000,
    resolve: [],
  };
  const snippets = { curl: curlSnippet(spec), requests: pythonRequestsSnippet(spec), httpx: pythonHttpxSnippet(spec), ts: typescriptSnippet(spec) };

  it.each(Object.keys(snippets))('%s names environment variables, never the value', (k) => {
    const s = snippets[k as keyof typeof snippets];
    expect(findLeak(s, [secret.slice(6)])).toBeNull();
    expect(s).toContain('CLIENT_SECRET');
    expect(s).toContain('PASSWORD');
    expect(s).toContain('X_AUTH_TOKEN');
    expect(s).not.toContain('\u0000');
  });

  it('the curl snippet is a valid shell command that sends the body with the variables filled in', () => {
    const out = execFileSync('/bin/sh', ['-c', `curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${snippets.curl}`], { env: { CLIENT_SECRET: 'S1', PASSWORD: 'P2', X_AUTH_TOKEN: 'T3', PATH: process.env.PATH } }).toString();
    expect(out).toContain('{"model":"m","client_secret":"S1","password":"P2"}');
    expect(out).toContain('X-Auth-Token: T3');
  });

  it('a form body too', () => {
    expect(redactedBody(`grant_type=password&password=${encodeURIComponent(secret)}&x=1`)).toBe('grant_type=password&password=\u0000PASSWORD\u0000&x=1');
  });
});
