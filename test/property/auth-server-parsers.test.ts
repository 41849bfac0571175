import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHygiene } from '../../src-main/engine/auth/hygiene.js';
import { decodeJwt, jwtProblem } from '../../src-main/engine/auth/jwt.js';
import { readTokenAnswer } from '../../src-main/engine/auth/oauth.js';
import { parseWwwAuthenticate } from '../../src-main/engine/auth/www-authenticate.js';
import { parseErrorBody } from '../../src-main/engine/providers/error-body.js';
import { rateLimitTable, retryAfterSeconds } from '../../src-main/engine/server/headers.js';
import { hostileString, PROPERTY_RUNS, wireString } from './arbitraries.js';

// Parsers of what servers send back (auth challenges, error bodies, rate-limit headers, token
// answers) and of what users paste (JWTs, keys): total on any input, right on well-formed input.

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const quotedContent = fc.string({ maxLength: 20 }).map((s) => s.replace(/["\\\r\n]/g, ''));
/** Twelve properties in this file: half the usual cases each keeps it near 5 s. */
const RUNS = Math.round(PROPERTY_RUNS / 2);
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));

describe('WWW-Authenticate (property)', () => {
  it('never throws, whatever the header, and finishes quickly even on long hostile input', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, wireString), (h) => {
        for (const c of parseWwwAuthenticate(h)) {
          expect(c.scheme).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
          for (const k of Object.keys(c.params)) expect(k).toBe(k.toLowerCase());
        }
      }),
      { numRuns: RUNS },
    );
    // A 16 KB header (undici's limit) built to make a backtracking parser crawl.
    for (const evil of ['Bearer ' + 'a'.repeat(16_000) + ' x', 'Bearer ' + 'a='.repeat(8000), 'x' + ' '.repeat(16_000) + '!', 'B ' + 'a, '.repeat(5000)]) {
      const t0 = performance.now();
      parseWwwAuthenticate(evil);
      expect(performance.now() - t0).toBeLessThan(250);
    }
  });

  it('reads back every challenge and parameter a server writes', () => {
    const challenge = fc.record({ scheme: token, params: fc.dictionary(token, quotedContent, { maxKeys: 4 }) });
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), (challenges) => {
        const header = challenges.map((c) => [c.scheme, Object.entries(c.params).map(([k, v]) => `${k}="${v}"`).join(', ')].filter(Boolean).join(' ')).join(', ');
        const parsed = parseWwwAuthenticate(header);
        expect(parsed.map((c) => c.scheme)).toEqual(challenges.map((c) => c.scheme));
        parsed.forEach((c, i) => {
          const want = Object.fromEntries(Object.entries(challenges[i]!.params).map(([k, v]) => [k.toLowerCase(), v]));
          expect(c.params).toEqual(want);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('JWT decoding (property)', () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claim = fc.option(fc.integer({ min: 0, max: 4_102_444_800 }), { nil: undefined });

  it('reads exp and nbf of any well-formed token, with or without "Bearer "', () => {
    fc.assert(
      fc.property(claim, claim, fc.constantFrom('HS256', 'RS256', 'none'), fc.boolean(), fc.base64String(), (exp, nbf, alg, bearer, sig) => {
        const jwt = `${bearer ? 'Bearer ' : ''}${b64({ alg, typ: 'JWT' })}.${b64({ sub: 'x', ...(exp !== undefined ? { exp } : {}), ...(nbf !== undefined ? { nbf } : {}) })}.${sig.replace(/[+/=]/g, '')}`;
        expect(decodeJwt(jwt)).toEqual({ exp: exp ?? null, nbf: nbf ?? null });
        const now = 2_000_000_000_000;
        const p = jwtProblem(jwt, now);
        if (exp !== undefined && exp < now / 1000) expect(p?.reason).toBe('expired');
        else if (nbf !== undefined && nbf > now / 1000 + 60) expect(p?.reason).toBe('not-yet-valid');
        else expect(p).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('returns null (never throws) for anything that is not a JWT', () => {
    const dotted = fc.array(fc.oneof(hostileString, fc.base64String()), { minLength: 1, maxLength: 4 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(fc.oneof(hostileString, dotted), (v) => {
        const r = decodeJwt(v);
        if (r !== null) {
          expect(r.exp === null || Number.isFinite(r.exp)).toBe(true);
          expect(r.nbf === null || Number.isFinite(r.nbf)).toBe(true);
        }
        expect(() => jwtProblem(v, Date.now())).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('credential hygiene (property)', () => {
  it('never throws; a clean printable key has no problem, and any line break is named', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom('raw-bearer' as const, 'raw' as const, 'authorization' as const), (v, kind) => {
        const r = checkHygiene(v, kind);
        if (/[\r\n]/.test(v) && v.trim() !== '') expect(r.problems).toContain('newline');
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{8,60}$/), (key) => {
        expect(checkHygiene(`sk-${key}`, 'raw-bearer').problems).toEqual([]);
        expect(checkHygiene(`Bearer sk-${key}`, 'authorization').problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('server answers (property)', () => {
  it('provider error bodies: any text gives null or a small record, never a throw', () => {
    const shaped = fc.oneof(
      fc.record({ error: fc.record({ message: hostileString, type: fc.option(hostileString), code: fc.option(fc.oneof(hostileString, fc.integer())) }) }),
      fc.record({ type: fc.constant('error'), error: fc.record({ type: hostileString, message: hostileString }) }),
      fc.record({ code: fc.oneof(fc.integer(), hostileString), msg: hostileString }),
      fc.record({ detail: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })) }),
    ).map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(fc.oneof(hostileString, json, shaped), (text) => {
        const r = parseErrorBody(text);
        if (r !== null) for (const v of [r.type, r.code, r.message]) expect(v === null || typeof v === 'string').toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('OpenAI-style error bodies are read back exactly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), token, token, (message, type, code) => {
        expect(parseErrorBody(JSON.stringify({ error: { message, type, code } }))).toMatchObject({ message, type, code });
      }),
      { numRuns: RUNS },
    );
  });

  it('rate-limit headers and Retry-After: total, non-negative, and exact for whole seconds', () => {
    const names = fc.constantFrom('retry-after', 'retry-after-ms', 'x-ratelimit-remaining-requests', 'anthropic-ratelimit-tokens-reset', 'ratelimit', 'x-other');
    fc.assert(
      fc.property(fc.dictionary(names, fc.oneof(hostileString, wireString, fc.nat().map(String), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())))), (headers) => {
        const table = rateLimitTable(headers);
        for (const v of Object.values(table)) expect(v.length).toBeLessThanOrEqual(200);
        const s = retryAfterSeconds(headers, 1_700_000_000_000);
        if (s !== null) {
          expect(Number.isNaN(s)).toBe(false);
          expect(s).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(retryAfterSeconds({ 'retry-after': String(n) })).toBe(n);
        expect(retryAfterSeconds({ 'retry-after-ms': String(n * 1000) })).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });

  it('OAuth token answers: JSON or form-encoded, any text, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, json, fc.webQueryParameters()), (text) => {
        const r = readTokenAnswer(text);
        for (const v of [r.accessToken, r.tokenType, r.error, r.errorDescription]) expect(v === null || typeof v === 'string').toBe(true);
        expect(r.expiresIn === null || typeof r.expiresIn === 'number').toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
