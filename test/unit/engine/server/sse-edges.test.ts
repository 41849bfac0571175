import { describe, expect, it } from 'vitest';
import { isEndEvent, SseParser, streamError } from '../../../../src-main/engine/server/sse.js';
import { sampleClass } from '../../../../src-main/engine/server/sample-class.js';

const MAX = 256 * 1024;
const all = (...chunks: string[]) => {
  const p = new SseParser();
  return [...chunks.flatMap((c) => p.feed(c)), ...p.flush()];
};

describe('SseParser: edges of the WHATWG rules', () => {
  it.each([
    ['an event is dispatched by the blank line, not only at flush', ['data: a\n\n'], [{ event: 'message', data: 'a' }]],
    ['no space after the colon', ['data:a\n\n'], [{ event: 'message', data: 'a' }]],
    ['only one leading space is dropped', ['data:  a\n\n'], [{ event: 'message', data: ' a' }]],
    ['a field name alone is an empty value', ['data\n\n'], [{ event: 'message', data: '' }]],
    ['several data lines join with \\n', ['data: a\ndata: b\n\n'], [{ event: 'message', data: 'a\nb' }]],
    ['an event name alone dispatches (this parser does; WHATWG would drop a block without data)', ['event: ping\n\n'], [{ event: 'ping', data: '' }]],
    ['a blank line with nothing pending dispatches nothing', ['\n\n\n'], []],
    ['a CR at the end waits, the lines before it do not', ['data: a\n\ndata: b\r'], [{ event: 'message', data: 'a' }]],
    ['id, retry and unknown fields are not data', ['id: 7\nretry: 10\nfoo: x\ndata: a\n\n'], [{ event: 'message', data: 'a' }]],
  ] as [string, string[], unknown[]][])('%s', (_n, chunks, want) => {
    const p = new SseParser();
    expect(chunks.flatMap((c) => p.feed(c))).toEqual(want);
  });

  it('flush: the pending event without a trailing blank line, and a CR at the very end is no data', () => {
    expect(all('data: a\n')).toEqual([{ event: 'message', data: 'a' }]);
    expect(all('data: a\r')).toEqual([{ event: 'message', data: 'a' }]);
    expect(all('data: a')).toEqual([{ event: 'message', data: 'a' }]);
    expect(all()).toEqual([]);
  });

  it('the parser starts clean after a flush', () => {
    const p = new SseParser();
    p.feed('data: a');
    p.flush();
    expect(p.feed('data: b\n\n')).toEqual([{ event: 'message', data: 'b' }]);
  });

  it('an endless line keeps its last 256 KiB', () => {
    const p = new SseParser();
    expect(p.feed('q'.repeat(50_000) + 'data:' + 'r'.repeat(MAX - 5))).toEqual([]);
    const [ev] = p.feed('\n\n');
    expect(ev?.data).toBe('r'.repeat(MAX - 5));
  });

  it('data stops growing at 256 KiB: a line after exactly that much is dropped', () => {
    const p = new SseParser();
    p.feed(`data:${'x'.repeat(MAX)}\n`);
    const [ev] = p.feed('data: b\n\n');
    expect(ev?.data).toBe('x'.repeat(MAX));
  });
});

describe('isEndEvent', () => {
  it.each([
    [{ event: 'message', data: '[DONE]' }, true],
    [{ event: 'message', data: ' [DONE]\n' }, true],
    [{ event: 'message_stop', data: '{}' }, true],
    [{ event: 'message', data: '{"type":"message_stop"}' }, true],
    [{ event: 'message', data: '{"type":"content_block_delta"}' }, false],
    [{ event: 'message', data: '' }, false],
    [{ event: '', data: '{"type":""}' }, false],
  ])('%j → %s', (e, end) => {
    expect(isEndEvent(e)).toBe(end);
  });
});

describe('streamError', () => {
  it.each([
    ['event: error with plain text', { event: 'error', data: 'upstream died' }, 'upstream died'],
    ['type "error" with a message', { event: 'message', data: '{"type":"error","message":"m"}' }, 'm'],
    ['Anthropic: error object', { event: 'message', data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' }, 'Overloaded'],
    ['OpenAI: error object without a type', { event: 'message', data: '{"error":{"message":"deep"}}' }, 'deep'],
    ['error as a string', { event: 'message', data: '{"error":"str"}' }, 'str'],
    ['error object without a message: the whole data', { event: 'message', data: '{"error":{"code":1}}' }, '{"error":{"code":1}}'],
    ['event: error with no data (was read as no error)', { event: 'error', data: '' }, '(an error event without a message)'],
    ['a normal chunk', { event: 'message', data: '{"type":"content_block_delta","message":"x"}' }, null],
    ['an event named "" with no error', { event: '', data: '{"type":"ping"}' }, null],
    ['not JSON and not an error event', { event: 'message', data: 'hello' }, null],
    ['a JSON array', { event: 'message', data: '[{"error":"x"}]' }, null],
    ['an error field that is neither an object nor a string', { event: 'message', data: '{"error":true}' }, null],
  ])('%s', (_n, e, want) => {
    expect(streamError(e)).toBe(want);
  });
  it('cuts the message at 300 characters', () => {
    expect(streamError({ event: 'error', data: 'e'.repeat(400) })).toHaveLength(300);
  });
});

describe('sampleClass by stage', () => {
  it.each([
    ['DNS_TIMEOUT', 'transient'],
    ['DNS_NXDOMAIN', 'deterministic'],
    ['DNS_SERVFAIL', 'deterministic'],
    ['PROXY_UNREACHABLE', 'transient'],
    ['PROXY_UPSTREAM_FAILED', 'transient'],
    ['TCP_REFUSED', 'transient'],
    ['SERVER_QUOTA_EXHAUSTED', 'limited'],
    ['SERVER_RATE_LIMITED', 'limited'],
    ['HTTP_EMPTY_REPLY', 'transient'],
    ['HTTP_BODY_TIMEOUT', 'transient'],
  ])('%s is %s (no status)', (code, cls) => {
    expect(sampleClass(code, null)).toBe(cls);
  });
  it('any failure on a 429 answer is limited (sampling stops)', () => {
    expect(sampleClass('HTTP_BODY_TIMEOUT', 429)).toBe('limited');
    expect(sampleClass('EPIPE', 429)).toBe('limited');
  });
});
