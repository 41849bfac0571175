import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEndEvent, SseParser, streamError, type SseEvent } from '../../src-main/engine/server/sse.js';
import { hostileString, PROPERTY_RUNS } from './arbitraries.js';

// SSE framing: a stream arrives in whatever pieces TCP cuts it into; the events must not depend
// on where the cuts fall, and no input may throw or grow without bound.

/** Field values without line breaks (a line break ends the field in SSE). */
const value = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ''));
const eventArb = fc.record({
  event: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
  data: fc.array(value, { minLength: 1, maxLength: 3 }),
  comment: fc.boolean(),
});
const newline = fc.constantFrom('\n', '\r\n', '\r');

/** Serialises events with the given line ending, as a server would. */
function serialise(events: { event?: string | undefined; data: string[]; comment: boolean }[], nl: string): string {
  return events
    .map((e) => [...(e.comment ? [': keep-alive'] : []), ...(e.event ? [`event: ${e.event}`] : []), ...e.data.map((d) => `data: ${d}`)].join(nl) + nl + nl)
    .join('');
}

/** Splits text at the given cut points (positions taken modulo its length). */
function cut(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => (text.length ? c % (text.length + 1) : 0)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    out.push(text.slice(at, p));
    at = p;
  }
  out.push(text.slice(at));
  return out;
}

function parseAll(chunks: string[]): SseEvent[] {
  const p = new SseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...p.feed(c));
  out.push(...p.flush());
  return out;
}

describe('SSE framing (property)', () => {
  it('parses what a server sends, whole, with \\n or \\r\\n line endings', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (events, nl) => {
        const expected = events.map((e) => ({ event: e.event ?? 'message', data: e.data.join('\n') }));
        expect(parseAll([serialise(events, nl)])).toEqual(expected);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('gives the same events however the stream is cut into chunks (\\n endings)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (events, cuts) => {
        const text = serialise(events, '\n');
        expect(parseAll(cut(text, cuts))).toEqual(parseAll([text]));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  // Was a known bug (fixed in engine/server/sse.ts): a chunk ending between the \r and the \n of a
  // CRLF read as a blank line and dispatched an event early. A lone \r at the end now waits for the next chunk.
  it('gives the same events however a CRLF stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (events, cuts) => {
        const text = serialise(events, '\r\n');
        expect(parseAll(cut(text, cuts))).toEqual(parseAll([text]));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('never throws on arbitrary input, and keeps each event bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileString, newline, fc.constant('data: '), fc.constant('event: error')), { maxLength: 40 }), (chunks) => {
        const events = parseAll(chunks);
        for (const e of events) {
          expect(e.data.length).toBeLessThanOrEqual(256 * 1024 + 1024);
          expect(typeof isEndEvent(e)).toBe('boolean');
          const err = streamError(e);
          if (err !== null) expect(err.length).toBeLessThanOrEqual(300);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('a line that never ends does not grow the parser without bound', () => {
    const p = new SseParser();
    const chunk = 'data: ' + 'x'.repeat(64 * 1024);
    for (let i = 0; i < 64; i++) p.feed(chunk); // 4 MB without a line break
    const events = [...p.feed('\n\n'), ...p.flush()];
    for (const e of events) expect(e.data.length).toBeLessThanOrEqual(256 * 1024);
  });
});
