import { describe, expect, it } from 'vitest';
import { gatewayOf, rateLimitTable, requestIdOf, retryAfterSeconds } from '../../../../src-main/engine/server/headers.js';
import { lowRateBudget } from '../../../../src-main/engine/server/rate-budget.js';
import { streamBuffered } from '../../../../src-main/engine/server/stream-buffering.js';
import type { StreamProbeData } from '../../../../src-main/engine/probes/stream.js';

const LONG = 'v'.repeat(300);

describe('requestIdOf: every request-id header a provider sends, most specific first', () => {
  const names = ['x-request-id', 'request-id', 'apim-request-id', 'x-ms-request-id', 'x-amzn-requestid', 'cf-ray', 'x-trace-id', 'trace-id'];
  it.each(names)('%s alone is the request id', (h) => {
    expect(requestIdOf({ [h]: 'abc', 'content-type': 'x' })).toBe(`${h}: abc`);
  });
  it('the earlier header in the list wins whatever the header order', () => {
    expect(requestIdOf({ 'trace-id': 't', 'cf-ray': 'c', 'x-request-id': 'r' })).toBe('x-request-id: r');
    expect(requestIdOf({ 'trace-id': 't', 'x-trace-id': 'x' })).toBe('x-trace-id: x');
    expect(requestIdOf({ 'content-type': 'x' })).toBeNull();
  });
});

describe('rateLimitTable: only rate-limit headers, values cut at 200', () => {
  it.each([
    ['x-ratelimit-remaining-requests', true],
    ['ratelimit', true],
    ['ratelimit-policy', true],
    ['ratelimitx', false], // `ratelimit` is a whole name or a prefix with a dash
    ['foo-x-ratelimit-remaining', false], // the families are prefixes
    ['my-retry-after', false],
    ['retry-after-ms', true],
    ['x-rate-limit-reset', true],
  ])('%s → kept: %s', (name, kept) => {
    expect(name in rateLimitTable({ [name]: '1' })).toBe(kept);
  });
  it('cuts a long value to 200 characters', () => {
    expect(rateLimitTable({ 'retry-after': LONG })['retry-after']).toHaveLength(200);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [{ 'retry-after-ms': '1500.25' }, 1.5],
    [{ 'retry-after-ms': '1500.5' }, 1.5],
    [{ 'retry-after-ms': ' 2500 ' }, 2.5],
    [{ 'retry-after-ms': '2.5s', 'retry-after': '7' }, 7], // not a number: falls back to Retry-After
    [{ 'retry-after': ' 30 ' }, 30],
    [{ 'retry-after': '' }, null],
    [{}, null],
    [{ 'retry-after': 'soon' }, null],
  ])('%j → %s', (h, want) => {
    expect(retryAfterSeconds(h as Record<string, string>)).toBe(want);
  });
  it('an HTTP date counts from now, never negative', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }, now)).toBe(60);
    expect(retryAfterSeconds({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, now)).toBe(0);
  });
});

describe('gatewayOf: every gateway header, values cut at 200', () => {
  const names = ['server', 'via', 'cf-ray', 'x-cache', 'x-served-by', 'x-amz-cf-id', 'x-azure-ref', 'x-envoy-upstream-service-time'];
  it.each(names)('%s is kept', (h) => {
    expect(gatewayOf({ [h]: 'g', 'content-type': 'x' })).toEqual({ [h]: 'g' });
  });
  it('cuts a long value', () => {
    expect(gatewayOf({ server: LONG }).server).toHaveLength(200);
  });
});

describe('lowRateBudget', () => {
  const cases: [string, Record<string, string>, Record<string, unknown> | null][] = [
    ['5 % left is low (boundary)', { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-limit-requests': '100' },
      { header: 'x-ratelimit-remaining-requests', remaining: 5, limit: 100, limitHeader: 'x-ratelimit-limit-requests', percentLeft: 5 }],
    ['50 % left is fine', { 'x-ratelimit-remaining-requests': '50', 'x-ratelimit-limit-requests': '100' }, null],
    ['a limit header alone is no budget', { 'x-ratelimit-limit-requests': '0' }, null],
    ['a remaining header outside the families is ignored', { 'x-foo-remaining': '0' }, null],
    ['the family is a prefix', { 'foo-x-ratelimit-remaining': '0' }, null],
    ['a remaining that is not a number is ignored', { 'x-ratelimit-remaining-requests': 'abc', 'x-ratelimit-limit-requests': '100' }, null],
    ['a negative remaining is ignored', { 'x-ratelimit-remaining-requests': '-1', 'x-ratelimit-limit-requests': '100' }, null],
    ['an infinite limit is no limit (10 left is not low)', { 'x-ratelimit-remaining-requests': '10', 'x-ratelimit-limit-requests': 'Infinity' }, null],
    ['0 left of a 0 limit: spent, reported without a limit', { 'ratelimit-remaining': '0', 'ratelimit-limit': '0' }, { header: 'ratelimit-remaining', remaining: 0 }],
    ['0 left without a limit header: spent', { 'anthropic-ratelimit-tokens-remaining': '0' }, { header: 'anthropic-ratelimit-tokens-remaining', remaining: 0 }],
    ['0 left beats 1 % left of another budget', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '1', 'x-ratelimit-limit-tokens': '100' },
      { header: 'x-ratelimit-remaining-requests', remaining: 0 }],
    ['equal shares: the first reported wins', { 'x-ratelimit-remaining-requests': '1', 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-tokens': '10', 'x-ratelimit-limit-tokens': '1000' },
      { header: 'x-ratelimit-remaining-requests', remaining: 1, limit: 100, limitHeader: 'x-ratelimit-limit-requests', percentLeft: 1 }],
  ];
  it.each(cases)('%s', (_name, h, want) => {
    expect(lowRateBudget(h)).toEqual(want);
  });
  it('the reset header comes along, cut at 60', () => {
    const e = lowRateBudget({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': LONG });
    expect(e).toMatchObject({ resetHeader: 'x-ratelimit-reset-tokens' });
    expect(String(e?.reset)).toHaveLength(60);
  });
});

describe('streamBuffered: boundaries of the burst rule', () => {
  const base: StreamProbeData = {
    url: 'https://api.example.test/v1', status: 200, contentType: 'text/event-stream', events: 20, firstEventMs: 950, lastEventMs: 1000,
    headersMs: 120, server: 'nginx', totalMs: 1000, ended: true, error: null, cut: null, refused: null,
  };
  it.each([
    ['a burst of 8 events at the end (boundary) is buffered', { events: 8 }, true],
    ['7 events are no evidence', { events: 7 }, false],
    ['an error is not judged', { error: 'reset' }, false],
    ['a 500 ms stream is long enough (boundary)', { firstEventMs: 450, lastEventMs: 500 }, true],
    ['a 499 ms stream is too short', { firstEventMs: 450, lastEventMs: 499 }, false],
    ['a 50 ms burst counts (boundary)', { firstEventMs: 950, lastEventMs: 1000 }, true],
    ['51 ms is a trickle', { firstEventMs: 949, lastEventMs: 1000 }, false],
    ['no first event', { firstEventMs: null }, false],
  ] as [string, Partial<StreamProbeData>, boolean][])('%s', (_n, over, buffered) => {
    expect(streamBuffered({ ...base, ...over })?.code ?? null).toBe(buffered ? 'STREAM_BUFFERED' : null);
  });
  it('the evidence keeps when the headers came', () => {
    expect(streamBuffered(base)?.evidence).toEqual({ url: base.url, events: 20, headersMs: 120, firstEventMs: 950, lastEventMs: 1000, burstMs: 50, gateway: 'nginx' });
  });
});
