import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../../src-main/common/request.js';
import type { ProbeResult, RunView } from '../../../../src-main/engine/probe.js';
import { httpRules, clockSkew } from '../../../../src-main/engine/rules/http.js';
import { authRules } from '../../../../src-main/engine/rules/auth.js';
import { serverRules } from '../../../../src-main/engine/rules/server.js';
import type { HttpProbeData, AnswerSummary } from '../../../../src-main/engine/http/types.js';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';
import type { ServerProbeData } from '../../../../src-main/engine/probes/server.js';
import type { StreamProbeData } from '../../../../src-main/engine/probes/stream.js';
import type { OAuthData } from '../../../../src-main/engine/auth/oauth.js';

const plan: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: 'sk-…0000', problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };
const answer = (over: Partial<AnswerSummary> = {}): AnswerSummary => ({ url: 'https://x.test/v1/models', method: 'GET', status: 200, statusText: 'OK', headers: {}, contentType: 'application/json', bodyText: '{}', bodyTruncated: false, html: false, title: null, receivedAt: Date.parse('2026-11-23T20:00:00Z'), serverIp: '127.0.0.1', ttfbMs: 10, requestBytes: 0, ...over });
const http = (over: Partial<HttpProbeData> = {}): HttpProbeData => ({ provider: 'generic', plan, hops: [], answer: answer(), error: null, loop: null, downgrade: null, refused: null, oauthFailed: false, timing: {}, verdict: null, ...over });
const ok = <T>(data: T): ProbeResult<T> => ({ status: 'ok', data, durationMs: 1 });
function view(results: Record<string, ProbeResult<unknown>>, over = {}): RunView {
  return { request: defaultRequest('https://x.test/v1/models', over), target: new URL('https://x.test/v1/models'), result: <T>(id: string) => results[id] as ProbeResult<T> | undefined };
}
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('http rules', () => {
  it.each([
    ['no result', {}, []],
    ['headers timeout', { http: ok(http({ answer: null, error: { code: 'HTTP_HEADERS_TIMEOUT', errno: null, message: 'x', phase: 'http', afterHeaders: false, url: 'u', timeoutMs: 5, receivedBytes: 0, status: null } })) }, ['HTTP_HEADERS_TIMEOUT']],
    ['a refused connect met by http', { http: ok(http({ answer: null, error: { code: 'TCP_REFUSED', errno: 'ECONNREFUSED', message: 'x', phase: 'tcp', afterHeaders: false, url: 'u', timeoutMs: 5, receivedBytes: 0, status: null } })) }, ['TCP_REFUSED']],
    ['an unclassified error still fails the verdict', { http: ok(http({ answer: null, error: { code: null, errno: 'EWHATEVER', message: 'odd', phase: 'http', afterHeaders: false, url: 'u', timeoutMs: 5, receivedBytes: 0, status: null } })) }, ['HTTP_EMPTY_REPLY']],
    ['cut off by the runner (no data)', { http: { status: 'failed', reason: 'no result within 5 ms', durationMs: 5 } }, ['HTTP_HEADERS_TIMEOUT']],
    ['loop + downgrade', { http: ok(http({ loop: { reason: 'cycle', chain: ['a', 'b', 'a'] }, downgrade: { from: 'https://a', to: 'http://a' } })) }, ['HTTP_REDIRECT_LOOP', 'HTTP_HTTPS_DOWNGRADE']],
    ['http verdict kept, others not', { http: ok(http({ verdict: { code: 'HTTP_NOT_FOUND', evidence: {} } })) }, ['HTTP_NOT_FOUND']],
    ['auth verdict is not http\'s', { http: ok(http({ verdict: { code: 'AUTH_REJECTED', evidence: {} } })) }, []],
  ] as const)('%s', (_n, results, want) => {
    expect(codes(httpRules(view(results as Record<string, ProbeResult<unknown>>)))).toEqual(want);
  });

  it('clock skew: only beyond 60 s, sign = local − server', () => {
    const at = Date.parse('2026-11-23T20:00:00Z');
    expect(clockSkew({ answer: answer({ receivedAt: at, headers: { date: new Date(at - 59_000).toUTCString() } }) })).toBeNull();
    expect(clockSkew({ answer: answer({ receivedAt: at, headers: { date: new Date(at + 300_000).toUTCString() } }) })?.evidence.skewSeconds).toBe(-300);
    expect(clockSkew({ answer: answer({ headers: { date: 'not a date' } }) })).toBeNull();
  });
});

describe('auth rules', () => {
  it('a refused OAuth token request is reported with error/error_description', () => {
    const o: OAuthData = { tokenUrl: 'https://login.test/token', token: null, status: 400, error: 'invalid_scope', errorDescription: 'scope x', networkError: null, tokenType: null, expiresIn: null };
    expect(authRules(view({ oauth: ok(o), http: ok(http({ oauthFailed: true })) }))).toEqual([{ code: 'OAUTH_TOKEN_REQUEST_FAILED', evidence: { tokenUrl: 'https://login.test/token', status: 400, error: 'invalid_scope', errorDescription: 'scope x' } }]);
  });

  it('takes auth verdicts, and a precheck problem even when the call then passed', () => {
    expect(codes(authRules(view({ http: ok(http({ verdict: { code: 'AUTH_FORBIDDEN', evidence: {} } })) })))).toEqual(['AUTH_FORBIDDEN']);
    const problem = { code: 'AUTH_MALFORMED' as const, evidence: { problems: ['newline'] } };
    expect(codes(authRules(view({ http: ok(http({ plan: { ...plan, problem, withheld: true } })) })))).toEqual(['AUTH_MALFORMED']);
  });
});

describe('server rules', () => {
  const sample = (status: number | null, code: string | null, ttfbMs: number | null) => ({ status, code, ttfbMs, totalMs: 1 });
  const server = (samples: ReturnType<typeof sample>[], p50: number | null): ServerProbeData => ({ sampled: { method: 'GET', url: 'u' }, samples, note: null, p50TtfbMs: p50, p90TtfbMs: p50, maxTtfbMs: p50, errorRate: samples.filter((s) => s.code).length / samples.length });
  it.each([
    ['fast and fine', server([sample(200, null, 10), sample(200, null, 12)], 10), []],
    ['slow over --slow-ms', server([sample(200, null, 6000), sample(200, null, 7000)], 6000), ['SERVER_SLOW']],
    ['flaky', server([sample(200, null, 10), sample(503, 'SERVER_UNAVAILABLE', 5)], 10), ['SERVER_FLAKY']],
    ['all failing is not flaky', server([sample(503, 'SERVER_UNAVAILABLE', 5), sample(503, 'SERVER_UNAVAILABLE', 5)], null), []],
    ['auth failures are not flakiness', server([sample(200, null, 10), sample(401, 'AUTH_REJECTED', 5)], 10), []],
    ['a timed-out sample counts toward flakiness', server([sample(200, null, 10), sample(null, 'HTTP_HEADERS_TIMEOUT', null)], 10), ['SERVER_FLAKY']],
    ['a TCP timeout sample too', server([sample(200, null, 10), sample(null, 'TCP_TIMEOUT', null), sample(200, null, 11)], 10), ['SERVER_FLAKY']],
  ] as const)('%s', (_n, s, want) => {
    expect(codes(serverRules(view({ http: ok(http()), server: ok(s) })))).toEqual(want);
  });

  it('stream: error event, cut, clean end, and a refused stream request says nothing', () => {
    const st = (over: Partial<StreamProbeData>): StreamProbeData => ({ url: 'u', status: 200, contentType: 'text/event-stream', events: 3, firstEventMs: 5, totalMs: 9, ended: true, error: null, cut: null, refused: null, ...over });
    expect(codes(serverRules(view({ http: ok(http()), stream: ok(st({ error: 'boom', ended: false })) })))).toEqual(['STREAM_ERROR_EVENT']);
    expect(codes(serverRules(view({ http: ok(http()), stream: ok(st({ ended: false, cut: 'closed' })) })))).toEqual(['STREAM_INTERRUPTED']);
    expect(codes(serverRules(view({ http: ok(http()), stream: ok(st({})) })))).toEqual([]);
    expect(codes(serverRules(view({ http: ok(http()), stream: ok(st({ ended: false, refused: { code: 'HTTP_NOT_FOUND', message: null } })) })))).toEqual([]);
  });

  it('takes the server-stage verdict of the answer', () => {
    expect(codes(serverRules(view({ http: ok(http({ verdict: { code: 'SERVER_QUOTA_EXHAUSTED', evidence: {} } })) })))).toEqual(['SERVER_QUOTA_EXHAUSTED']);
  });
});
