import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRequest } from '../../src-main/intake/curl/build.js';
import { CurlParseError, parseCurlArgs, parseCurlCommand } from '../../src-main/intake/curl/parse.js';
import { HarError, entryToRequest, listEntries, parseHar, defaultEntry } from '../../src-main/intake/har/read.js';
import { explainText } from '../../src-main/intake/explain/match.js';
import { curlToIntake } from '../../src-main/cli/intake-request.js';
import { UsageError } from '../../src-main/cli/io.js';
import { KNOWLEDGE } from '../../src-main/intake/explain/table.js';
import { copyAsCurl } from '../unit/intake/devtools-curl.js';
import { PROPERTY_RUNS, hostileString } from './arbitraries.js';

const runs = { numRuns: PROPERTY_RUNS };
const secret = fc.stringMatching(/^[A-Za-z0-9]{24,32}$/).map((s) => `sk${s}`);

/** Words a curl command is made of, good and bad, so the parser meets real shapes as well as noise. */
const word = fc.oneof(
  fc.constantFrom('-H', '-d', '-X', '-u', '-x', '-k', '-G', '-I', '-L', '-s', '-sSL', '--json', '--data-urlencode', '--resolve', '--connect-timeout', '-m', '--noproxy', '--proxy-user', '--cacert', '--frobnicate', '-F', '--', '-', '--url', '-XPOST', '-d@x', '|', ';', '\\\n', '^\n', '^"', "$'", "'", '"'),
  fc.webUrl({ withQueryParameters: true }),
  hostileString,
);
const commandText = fc.array(word, { maxLength: 14 }).map((ws) => `curl ${ws.join(' ')}`);

describe('the curl intake never crashes', () => {
  it('any text: a request or a CurlParseError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(commandText, hostileString), (text) => {
        try {
          buildRequest(parseCurlCommand(text));
        } catch (e) {
          if (!(e instanceof CurlParseError)) throw e;
        }
      }),
      runs,
    );
  });

  it('any argv (the drop-in): same', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, hostileString), { maxLength: 12 }), (args) => {
        try {
          buildRequest(parseCurlArgs(args));
        } catch (e) {
          if (!(e instanceof CurlParseError)) throw e;
        }
      }),
      runs,
    );
  });

  it('a secret in a broken command never appears in the error', () => {
    fc.assert(
      fc.property(secret, fc.array(word, { maxLength: 6 }), fc.constantFrom('-H "Authorization: Bearer $S"', "-H 'Authorization Bearer $S'", '-u bob:$S', '--proxy-user bob:$S -x http://p:1', "'https://x.example/v1?key=$S'", '-H "x-api-key: $S"'), (s, noise, slot) => {
        const cmd = `curl ${slot.replace('$S', s)} ${noise.join(' ')}`;
        try {
          curlToIntake({ command: cmd }, '/nonexistent-dir-for-intake-tests');
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          expect(e.message).not.toContain(s);
        }
      }),
      { numRuns: Math.max(200, PROPERTY_RUNS / 4) },
    );
  });
});

/** A request as a browser would send it: printable ASCII (DevTools' cmd flavour turns anything else into spaces). */
const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
const printable = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/).filter((v) => !v.includes('\\'));
const copied = fc.record({
  path: fc.stringMatching(/^(\/[A-Za-z0-9._~-]{1,8}){0,4}$/),
  query: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,6}=[A-Za-z0-9%]{0,8}$/), { nil: undefined }),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  headers: fc.uniqueArray(fc.record({ name: token, value: printable }), { maxLength: 5, selector: (h) => h.name.toLowerCase() }),
  body: fc.option(fc.stringMatching(/^[ -[\]-~\n]{1,60}$/), { nil: undefined }),
});

describe('DevTools "Copy as cURL" round trip', () => {
  for (const flavour of ['bash', 'cmd'] as const) {
    it(`${flavour}: what DevTools writes reads back as the same request`, () => {
      fc.assert(
        fc.property(copied, (c) => {
          const url = `http://127.0.0.1:8080${c.path || '/'}${c.query ? `?${c.query}` : ''}`;
          const method = c.body !== undefined && c.method === 'GET' ? 'POST' : c.method;
          const r = buildRequest(parseCurlCommand(copyAsCurl({ url, method, headers: c.headers, body: c.body }, flavour)));
          expect(r.method).toBe(method);
          expect(r.url).toBe(new URL(url).href);
          expect(r.headers.slice(0, c.headers.length)).toEqual(c.headers);
          expect(r.body).toBe(c.body);
        }),
        runs,
      );
    });
  }
});

describe('the HAR intake never crashes', () => {
  const harish = fc.oneof(
    hostileString,
    fc.json({ maxDepth: 6 }),
    fc
      .record({
        method: fc.oneof(fc.constantFrom('GET', 'POST'), hostileString),
        url: fc.oneof(fc.webUrl({ withQueryParameters: true }), hostileString),
        headers: fc.array(fc.record({ name: hostileString, value: hostileString }), { maxLength: 4 }),
        status: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constant(0)),
        text: fc.option(hostileString, { nil: undefined }),
      })
      .map((e) => JSON.stringify({ log: { entries: [{ request: { method: e.method, url: e.url, headers: e.headers, ...(e.text !== undefined ? { postData: { mimeType: 'text/plain', text: e.text } } : {}) }, response: { status: e.status } }] } })),
  );
  it('any text: entries or a HarError; listing and picking an entry never throw anything else', () => {
    fc.assert(
      fc.property(harish, (text) => {
        try {
          const har = parseHar(text);
          listEntries(har);
          const i = defaultEntry(har);
          if (i >= 0) entryToRequest(har, i);
          entryToRequest(har, 3);
        } catch (e) {
          if (!(e instanceof HarError)) throw e;
        }
      }),
      runs,
    );
  });
  it('a secret in an entry never appears in the listing or an error', () => {
    fc.assert(
      fc.property(secret, hostileString, (s, junk) => {
        const text = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: `https://x.example/v1?api_key=${s}&q=${encodeURIComponent(junk.replace(/[\ud800-\udfff]/g, ''))}`, headers: [{ name: 'Authorization', value: `Bearer ${s}` }] }, response: { status: 401 } }] } });
        const har = parseHar(text);
        expect(JSON.stringify(listEntries(har))).not.toContain(s);
        try {
          entryToRequest(har, 5);
        } catch (e) {
          expect((e as Error).message).not.toContain(s);
        }
      }),
      runs,
    );
  });
});

describe('explain never crashes and never echoes a secret', () => {
  it('any text: at most five matches, confidences in (0, 1], a next step', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.constantFrom(...KNOWLEDGE.map((r) => r.example)).chain((ex) => hostileString.map((h) => `${h}${ex}${h}`))), fc.constantFrom('en' as const, 'zh-CN' as const), (text, lang) => {
        const r = explainText(text, lang);
        expect(r.matches.length).toBeLessThanOrEqual(5);
        for (const m of r.matches) expect(m.confidence).toBeGreaterThan(0);
        expect(r.next.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
  it('a key inside the pasted text never comes back', () => {
    fc.assert(
      fc.property(secret, fc.constantFrom(...KNOWLEDGE.map((r) => r.example)), fc.constantFrom('https://api.openai.com/v1/chat?key=$S', 'Authorization: Bearer $S', "Incorrect API key provided: $S", "HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: /v1/models?api_key=$S"), (s, ex, slot) => {
        const r = explainText(`${slot.replace('$S', s)}\n${ex}`);
        expect(JSON.stringify(r)).not.toContain(s);
      }),
      { numRuns: Math.max(200, PROPERTY_RUNS / 4) },
    );
  });
});
