import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../../src-main/common/request.js';
import type { ProbeResult, RunView } from '../../../../src-main/engine/probe.js';
import type { Sample, ServerProbeData } from '../../../../src-main/engine/probes/server.js';
import { serverRules } from '../../../../src-main/engine/rules/server.js';
import { isSampleFailure, sampleClass, stopsSampling } from '../../../../src-main/engine/server/sample-class.js';

// One classification of a sampled call, from the code table, for the error rate, SERVER_FLAKY
// and the sampling stop rule.

describe('sample classification', () => {
  it.each([
    [null, 200, 'ok'],
    [null, 429, 'limited'],
    ['SERVER_RATE_LIMITED', 429, 'limited'],
    // A quota answer without 429 (some providers send 403 or 402) stops sampling all the same.
    ['SERVER_QUOTA_EXHAUSTED', 403, 'limited'],
    ['SERVER_UNAVAILABLE', 503, 'transient'],
    ['SERVER_OVERLOADED', 529, 'transient'],
    ['HTTP_HEADERS_TIMEOUT', null, 'transient'],
    ['HTTP_BODY_TIMEOUT', 200, 'transient'],
    ['HTTP_CONNECTION_RESET', null, 'transient'],
    ['HTTP_EMPTY_REPLY', null, 'transient'],
    ['TCP_TIMEOUT', null, 'transient'],
    ['TLS_HANDSHAKE_TIMEOUT', null, 'transient'],
    ['TLS_CERT_EXPIRED', null, 'deterministic'],
    ['HTTP_NOT_FOUND', 404, 'deterministic'],
    ['AUTH_REJECTED', 401, 'deterministic'],
    ['EPIPE', null, 'transient'],
  ] as const)('%s with %s is %s', (code, status, cls) => {
    expect(sampleClass(code, status)).toBe(cls);
    expect(isSampleFailure(code, status)).toBe(cls === 'transient' || cls === 'limited');
    expect(stopsSampling(code, status)).toBe(cls === 'limited');
  });
});

const sample = (code: string | null, status: number | null): Sample => ({ code, status, ttfbMs: code ? null : 100, totalMs: 120 });
function viewWith(samples: Sample[]): RunView {
  const data: ServerProbeData = { sampled: { method: 'GET', url: 'https://api.example.com/v1/models' }, samples, note: null, p50TtfbMs: 100, p90TtfbMs: 100, maxTtfbMs: 100, errorRate: 0 };
  const server: ProbeResult<ServerProbeData> = { status: 'ok', data, durationMs: 1 };
  const request = defaultRequest('https://api.example.com/v1/models');
  return { request, target: new URL(request.url), result: ((id: string) => (id === 'server' ? server : undefined)) as RunView['result'] };
}

describe('SERVER_FLAKY counts what the error rate counts', () => {
  it('a timeout among successes is flaky', () => {
    expect(serverRules(viewWith([sample(null, 200), sample('HTTP_HEADERS_TIMEOUT', null), sample(null, 200)])).map((f) => f.code)).toContain('SERVER_FLAKY');
  });

  it('a 404 among successes is not (the same answer every time is not flakiness)', () => {
    expect(serverRules(viewWith([sample(null, 200), sample('HTTP_NOT_FOUND', 404)])).map((f) => f.code)).not.toContain('SERVER_FLAKY');
  });
});
