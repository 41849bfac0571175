import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../../src-main/engine/server/sse.js';
import { parseWwwAuthenticate } from '../../../../src-main/engine/auth/www-authenticate.js';
import { parseErrorBody } from '../../../../src-main/engine/providers/error-body.js';
import { checkHygiene } from '../../../../src-main/engine/auth/hygiene.js';

/** Splits a string at the given cut points: how a network delivers it. */
const split = (s: string, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(s.slice(last, p));
    last = p;
  }
  out.push(s.slice(last));
  return out;
};

const field = fc.stringMatching(/^[a-z0-9 {}":,[\]._-]{0,20}$/);
const event = fc.record({ event: fc.option(fc.constantFrom('message', 'error', 'message_stop', 'ping'), { nil: undefined }), data: fc.array(field, { minLength: 1, maxLength: 3 }) });

describe('parsers hold up against arbitrary input', () => {
  it('SSE: the events do not depend on how the stream is chunked, nor on the line ending', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (events, cuts, nl) => {
        const text = events.map((e) => `${e.event ? `event: ${e.event}${nl}` : ''}${e.data.map((d) => `data: ${d}`).join(nl)}${nl}${nl}`).join('');
        const whole = new SseParser().feed(text);
        const p = new SseParser();
        const pieces = split(text, cuts).flatMap((c) => p.feed(c));
        expect(pieces).toEqual(whole);
        expect(whole.map((e) => e.data)).toEqual(events.map((e) => e.data.join('\n')));
      }),
    );
  });

  it('WWW-Authenticate, error bodies and hygiene never throw, whatever the server or user sends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const c = parseWwwAuthenticate(s);
        expect(Array.isArray(c)).toBe(true);
        parseErrorBody(s);
        parseErrorBody(JSON.stringify({ error: s }));
        checkHygiene(s, 'authorization');
      }),
    );
  });

  it('WWW-Authenticate round-trips generated challenges', () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
    const value = fc.stringMatching(/^[ -!#-[\]-~]{0,16}$/); // printable, no quote or backslash
    fc.assert(
      fc.property(fc.array(fc.record({ scheme: token, params: fc.dictionary(token.map((t) => t.toLowerCase()), value, { minKeys: 1, maxKeys: 3 }) }), { minLength: 1, maxLength: 3 }), (chs) => {
        const header = chs.map((c) => `${c.scheme} ${Object.entries(c.params).map(([k, v]) => `${k}="${v}"`).join(', ')}`).join(', ');
        const parsed = parseWwwAuthenticate(header);
        expect(parsed.map((p) => ({ scheme: p.scheme, params: p.params }))).toEqual(chs.map((c) => ({ scheme: c.scheme, params: { ...c.params } })));
      }),
    );
  });
});
