import { describe, expect, it } from 'vitest';
import { isEndEvent, SseParser, streamError } from '../../../../src-main/engine/server/sse.js';
import { percentile } from '../../../../src-main/engine/server/stats.js';
import { gatewayOf, rateLimitTable, requestIdOf, retryAfterSeconds } from '../../../../src-main/engine/server/headers.js';

describe('SSE parser', () => {
  it('parses events split across chunks, CRLF, comments, multi-line data', () => {
    const p = new SseParser();
    const out = [...p.feed('event: message_start\r\ndata: {"type":"message_start"}\r\n\r\n: ping\n\ndata: a\nda'), ...p.feed('ta: b\n\n'), ...p.feed('data: [DONE]\n\n')];
    expect(out).toEqual([
      { event: 'message_start', data: '{"type":"message_start"}' },
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: '[DONE]' },
    ]);
  });

  it('knows both end markers and every error shape', () => {
    expect(isEndEvent({ event: 'message', data: '[DONE]' })).toBe(true);
    expect(isEndEvent({ event: 'message_stop', data: '{"type":"message_stop"}' })).toBe(true);
    expect(isEndEvent({ event: 'message', data: '{"choices":[]}' })).toBe(false);
    expect(streamError({ event: 'error', data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' })).toBe('Overloaded');
    expect(streamError({ event: 'message', data: '{"error":{"message":"boom"}}' })).toBe('boom');
    expect(streamError({ event: 'message', data: '{"choices":[{"delta":{"content":"hi"}}]}' })).toBeNull();
  });

  it('bounds an event that never ends', () => {
    const p = new SseParser();
    for (let i = 0; i < 100; i++) p.feed(`data: ${'x'.repeat(10_000)}\n`);
    const [ev] = p.feed('\n');
    expect(ev!.data.length).toBeLessThan(300 * 1024);
  });
});

describe('server headers and stats', () => {
  it('percentiles (nearest rank)', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([30, 10, 20], 50)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('Retry-After in seconds, as a date, and retry-after-ms', () => {
    const now = Date.parse('2026-11-23T20:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': '20' }, now)).toBe(20);
    expect(retryAfterSeconds({ 'retry-after': 'Mon, 23 Nov 2026 20:01:00 GMT' }, now)).toBe(60);
    expect(retryAfterSeconds({ 'retry-after-ms': '5800', 'retry-after': '6' }, now)).toBe(5.8);
    expect(retryAfterSeconds({}, now)).toBeNull();
  });

  it('rate-limit table, request id, gateway', () => {
    expect(rateLimitTable({ 'x-ratelimit-remaining-tokens': '0', 'anthropic-ratelimit-requests-limit': '50', 'content-type': 'x' })).toEqual({ 'x-ratelimit-remaining-tokens': '0', 'anthropic-ratelimit-requests-limit': '50' });
    expect(requestIdOf({ 'request-id': 'req_1', 'cf-ray': 'r' })).toBe('request-id: req_1');
    expect(gatewayOf({ server: 'cloudflare', 'cf-ray': 'abc', date: 'x' })).toEqual({ server: 'cloudflare', 'cf-ray': 'abc' });
  });
});
