import { describe, expect, it } from 'vitest';
import { decideSampling, isTransientFailure } from '../../../../src-main/engine/server/sampling.js';

const d = (first: { code: string | null; ttfbMs: number | null }, explicit = false, requested = 3, slowMs = 5000) => decideSampling({ requested, explicit, slowMs, first });

describe('adaptive sampling decision', () => {
  it('one sample when the first answer is healthy and fast (the default diagnosis costs one request)', () => {
    expect(d({ code: null, ttfbMs: 40 })).toEqual({ total: 1, reason: 'healthy-and-fast' });
    expect(d({ code: null, ttfbMs: null })).toEqual({ total: 1, reason: 'healthy-and-fast' });
  });

  it('the requested number when the first answer was slow: over half of slowMs puts SERVER_SLOW in question', () => {
    expect(d({ code: null, ttfbMs: 2501 })).toEqual({ total: 3, reason: 'slow' });
    expect(d({ code: null, ttfbMs: 2500 })).toEqual({ total: 1, reason: 'healthy-and-fast' });
    expect(d({ code: null, ttfbMs: 80 }, false, 3, 150)).toEqual({ total: 3, reason: 'slow' });
  });

  it('the requested number when the first failure can pass on a retry (5xx, reset, timeouts)', () => {
    for (const code of ['SERVER_UNAVAILABLE', 'SERVER_BAD_GATEWAY', 'HTTP_HEADERS_TIMEOUT', 'HTTP_BODY_TIMEOUT', 'HTTP_CONNECTION_RESET', 'HTTP_EMPTY_REPLY', 'TCP_TIMEOUT', 'TLS_HANDSHAKE_TIMEOUT', 'DNS_TIMEOUT']) {
      expect(d({ code, ttfbMs: 5 }), code).toEqual({ total: 3, reason: 'transient-failure' });
    }
  });

  it('one sample when the answer would be the same every time (auth, not found)', () => {
    for (const code of ['AUTH_REJECTED', 'HTTP_NOT_FOUND', 'AUTH_FORBIDDEN']) expect(d({ code, ttfbMs: 5 })).toEqual({ total: 1, reason: 'same-every-time' });
  });

  it('--samples N is honoured exactly, whatever the first answer', () => {
    expect(d({ code: null, ttfbMs: 5 }, true, 5)).toEqual({ total: 5, reason: 'explicit' });
    expect(d({ code: 'AUTH_REJECTED', ttfbMs: 5 }, true, 2)).toEqual({ total: 2, reason: 'explicit' });
    expect(d({ code: null, ttfbMs: 5 }, true, 1)).toEqual({ total: 1, reason: 'explicit' });
  });

  it('never fewer than one sample', () => {
    expect(d({ code: 'SERVER_ERROR', ttfbMs: 5 }, false, 0).total).toBe(1);
  });

  it('timeouts are transient (they count toward SERVER_FLAKY), auth and 4xx are not', () => {
    expect(isTransientFailure('HTTP_HEADERS_TIMEOUT')).toBe(true);
    expect(isTransientFailure('TCP_TIMEOUT')).toBe(true);
    expect(isTransientFailure('AUTH_REJECTED')).toBe(false);
    expect(isTransientFailure('HTTP_NOT_FOUND')).toBe(false);
  });
});
