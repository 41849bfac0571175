import { describe, expect, it } from 'vitest';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';
import { judgeAnswer } from '../../../../src-main/engine/http/answer-finding.js';
import type { AnswerSummary } from '../../../../src-main/engine/http/types.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';
import type { ErrorMeaning, ProviderProfile } from '../../../../src-main/engine/providers/types.js';

// What each branch of judgeAnswer decides, down to the evidence it carries: the mutation run showed
// that checking only the code let most of the evidence (and several branches) be changed unnoticed.
// A test provider whose error table says what the row needs keeps each row about one branch.

const bearer: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: 'sk-…0000', problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };
const xApiKey: CredentialPlan = { ...bearer, sentAs: 'header x-api-key', headerName: 'x-api-key', scheme: null, placement: { kind: 'header', name: 'x-api-key' } };
const withheld: CredentialPlan = { ...bearer, withheld: true, withheldReason: 'untrusted TLS' };
const URL0 = 'https://api.test/v1/chat/completions';
const a = (over: Partial<AnswerSummary>): AnswerSummary => ({ url: URL0, method: 'POST', status: 200, statusText: '', headers: {}, contentType: 'application/json', bodyText: '', bodyTruncated: false, html: false, title: null, receivedAt: 0, serverIp: null, ttfbMs: 1, requestBytes: 12, ...over });

const generic = profileById('generic');
/** A provider whose error table answers `code` for every status (or nothing). */
const says = (code: ErrorMeaning['code'] | null, over: Partial<ProviderProfile> = {}): ProviderProfile => ({
  ...generic,
  name: 'test API',
  meaning: () => (code ? { code, reason: 'R', reasonZh: 'Z' } : null),
  ...over,
});
const meant = { providerMeaning: 'R', providerMeaningZh: 'Z' };
const errBody = (message: string, extra: Record<string, string> = {}) => JSON.stringify({ error: { message, ...extra } });
const html = (title: string, body = '') => ({ html: true, title, contentType: 'text/html', bodyText: `<html><head><title>${title}</title></head><body>${body}</body></html>` });

type Row = [string, Partial<AnswerSummary>, CredentialPlan, ProviderProfile, { code: string; evidence: Record<string, unknown> } | null, boolean?];
const check = ([, answer, plan, provider, want, oauthFailed]: Row) => expect(judgeAnswer(a(answer), plan, provider, oauthFailed ?? false)).toEqual(want);

describe('judgeAnswer: healthy answers and what comes before the status', () => {
  it.each<Row>([
    ['a 2xx without an error body is healthy whatever the error table says', { status: 200, bodyText: '{"data":[]}' }, bearer, says('SERVER_RATE_LIMITED'), null],
    ['an unfollowed redirect is left to the redirect rules', { status: 301 }, bearer, says('SERVER_RATE_LIMITED'), null],
    ['300 too', { status: 300, bodyText: errBody('moved') }, bearer, says('SERVER_RATE_LIMITED'), null],
    ['399 too', { status: 399 }, bearer, says('SERVER_RATE_LIMITED'), null],
    ['an HTML page on a 300 too', { status: 300, ...html('Choose') }, bearer, says(null), null],
    ['400 is not a redirect', { status: 400 }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { url: URL0, status: 400, method: 'POST', serverMessage: null } }],
    ['a firewall-looking page on a 500 is a server error (only challenge headers make a 5xx a firewall)', { status: 500, ...html('Attention Required! | Cloudflare') }, bearer, says(null), { code: 'SERVER_ERROR', evidence: { url: URL0, status: 500, title: 'Attention Required! | Cloudflare' } }],
    ['a 1xx with an error body is not "an error inside a 2xx"', { status: 101, bodyText: errBody('x') }, bearer, says(null), null],
    ['after a failed OAuth token request a 403 is not judged again', { status: 403 }, bearer, says(null), null, true],
    ['… but a 500 still is', { status: 500 }, bearer, says(null), { code: 'SERVER_ERROR', evidence: { url: URL0, status: 500 } }, true],
    [
      'nginx asking for a client certificate is mutual TLS, not a bad request',
      { status: 400, title: '400 No required SSL certificate was sent', html: true, headers: { server: 'nginx' } },
      bearer,
      says(null),
      { code: 'TLS_CLIENT_CERT_REQUIRED', evidence: { url: URL0, status: 400, gatewayMessage: 'No required SSL certificate was sent', gateway: 'nginx', source: 'answer' } },
    ],
    [
      'a Cloudflare challenge on a 5xx is still a firewall (cf-mitigated)',
      { status: 503, headers: { 'cf-mitigated': 'challenge', 'cf-ray': 'abc' } },
      bearer,
      says(null),
      { code: 'HTTP_BLOCKED_BY_WAF', evidence: { url: URL0, status: 503, requestId: 'cf-ray: abc', cdn: 'Cloudflare', kind: 'challenge', errorCode: null, referenceId: 'abc', signal: 'cf-mitigated: challenge', contentType: 'application/json' } },
    ],
    [
      'an AWS WAF block on a 5xx is still a firewall (x-amzn-waf-action)',
      { status: 503, headers: { 'x-amzn-waf-action': 'block' } },
      bearer,
      says(null),
      { code: 'HTTP_BLOCKED_BY_WAF', evidence: { url: URL0, status: 503, cdn: 'AWS WAF', kind: 'block', errorCode: null, referenceId: null, signal: 'x-amzn-waf-action: block', contentType: 'application/json' } },
    ],
  ])('%s', (...row) => check(row));
});

describe('judgeAnswer: an error inside a 2xx', () => {
  const in200 = (message = 'm  and\n  more') => ({ status: 200, bodyText: JSON.stringify({ error: { message, code: 'c', type: 't' } }) });
  const ev = { url: URL0, status: 200, httpStatus: 200, providerMessage: 'm and more', providerCode: 'c', providerType: 't' };
  it.each<Row>([
    ['AUTH_MISSING names the credential and how it was sent', in200(), bearer, says('AUTH_MISSING'), { code: 'AUTH_MISSING', evidence: { ...ev, ...meant, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['AUTH_REJECTED too', in200(), bearer, says('AUTH_REJECTED'), { code: 'AUTH_REJECTED', evidence: { ...ev, ...meant, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['AUTH_TOKEN_EXPIRED too', in200(), bearer, says('AUTH_TOKEN_EXPIRED'), { code: 'AUTH_TOKEN_EXPIRED', evidence: { ...ev, ...meant, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['AUTH_FORBIDDEN quotes the server and what was sent', in200(), bearer, says('AUTH_FORBIDDEN'), { code: 'AUTH_FORBIDDEN', evidence: { ...ev, ...meant, reason: 'm and more', credentialSent: true, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    [
      'AUTH_FORBIDDEN without a message gives the table’s reason',
      { status: 200, bodyText: '{"error":{"code":"c"}}' },
      bearer,
      says('AUTH_FORBIDDEN'),
      { code: 'AUTH_FORBIDDEN', evidence: { url: URL0, status: 200, httpStatus: 200, providerCode: 'c', ...meant, reason: 'R', credentialSent: true, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } },
    ],
    ['another meaning keeps its code and quotes the server', in200(), bearer, says('SERVER_QUOTA_EXHAUSTED'), { code: 'SERVER_QUOTA_EXHAUSTED', evidence: { ...ev, ...meant, serverMessage: 'm and more' } }],
    ['a "not found" inside a 200 is a server error, not a path problem', in200(), bearer, says('HTTP_NOT_FOUND'), { code: 'SERVER_ERROR', evidence: { ...ev, ...meant, serverMessage: 'm and more' } }],
    ['no meaning: a server error', in200(), bearer, says(null), { code: 'SERVER_ERROR', evidence: { ...ev, serverMessage: 'm and more' } }],
    [
      'a model the provider does not have (the provider extras)',
      { status: 200, bodyText: errBody('The model `gpt-9` does not exist') },
      bearer,
      says('MODEL_NOT_FOUND'),
      { code: 'MODEL_NOT_FOUND', evidence: { url: URL0, status: 200, httpStatus: 200, providerMessage: 'The model `gpt-9` does not exist', ...meant, model: 'gpt-9', provider: 'test API' } },
    ],
  ])('%s', (...row) => check(row));
});

describe('judgeAnswer: the provider’s own words on a 4xx/5xx', () => {
  const body = { bodyText: JSON.stringify({ error: { message: 'busy', code: 'c', type: 't' } }) };
  const pe = { providerMessage: 'busy', providerCode: 'c', providerType: 't', ...meant };
  const b = (status: number) => ({ url: URL0, status });
  it.each<Row>([
    ['quota', { status: 400, ...body }, bearer, says('SERVER_QUOTA_EXHAUSTED'), { code: 'SERVER_QUOTA_EXHAUSTED', evidence: { ...b(400), ...pe } }],
    ['rate limit', { status: 400, ...body }, bearer, says('SERVER_RATE_LIMITED'), { code: 'SERVER_RATE_LIMITED', evidence: { ...b(400), ...pe } }],
    ['overloaded', { status: 400, ...body }, bearer, says('SERVER_OVERLOADED'), { code: 'SERVER_OVERLOADED', evidence: { ...b(400), ...pe } }],
    ['forbidden, with what was sent', { status: 400, ...body }, bearer, says('AUTH_FORBIDDEN'), { code: 'AUTH_FORBIDDEN', evidence: { ...b(400), ...pe, reason: 'busy', credentialSent: true, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['forbidden, nothing said: the table’s reason', { status: 400, bodyText: '' }, bearer, says('AUTH_FORBIDDEN'), { code: 'AUTH_FORBIDDEN', evidence: { ...b(400), ...meant, reason: 'R', credentialSent: true, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['not found goes to the path rules', { status: 400, ...body }, bearer, says('HTTP_NOT_FOUND'), { code: 'HTTP_NOT_FOUND', evidence: { ...b(400), ...pe, provider: 'test API', apiBase: 'https://api.test/v1' } }],
    ['a server error on a 4xx keeps the server side', { status: 400, ...body }, bearer, says('SERVER_ERROR'), { code: 'SERVER_ERROR', evidence: { ...b(400), ...pe } }],
    ['a server error on a 5xx falls to the status (and keeps the page title)', { status: 500, ...html('Oops') }, bearer, says('SERVER_ERROR'), { code: 'SERVER_ERROR', evidence: { ...b(500), ...meant, title: 'Oops' } }],
    ['any other meaning on a 4xx: its code, with the request', { status: 400, ...body }, bearer, says('HTTP_PAYLOAD_TOO_LARGE'), { code: 'HTTP_PAYLOAD_TOO_LARGE', evidence: { ...b(400), ...pe, method: 'POST', requestBytes: 12, serverMessage: 'busy' } }],
    ['… on a 500 the status decides', { status: 500, bodyText: '' }, bearer, says('HTTP_BAD_REQUEST'), { code: 'SERVER_ERROR', evidence: { ...b(500), ...meant } }],
    ['… on a 502 too', { status: 502, bodyText: '' }, bearer, says('HTTP_PAYLOAD_TOO_LARGE'), { code: 'SERVER_BAD_GATEWAY', evidence: { ...b(502), ...meant, gateway: {} } }],
    ['AUTH_MISSING on a 400 is left to the status', { status: 400, bodyText: '' }, bearer, says('AUTH_MISSING'), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(400), ...meant, method: 'POST', serverMessage: null } }],
    ['AUTH_REJECTED on a 400 too', { status: 400, bodyText: '' }, bearer, says('AUTH_REJECTED'), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(400), ...meant, method: 'POST', serverMessage: null } }],
    ['AUTH_TOKEN_EXPIRED on a 400 too', { status: 400, bodyText: '' }, bearer, says('AUTH_TOKEN_EXPIRED'), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(400), ...meant, method: 'POST', serverMessage: null } }],
  ])('%s', (...row) => check(row));
});

describe('judgeAnswer: by status alone', () => {
  const b = (status: number) => ({ url: URL0, status });
  it.each<Row>([
    ['403 with a body: its words, and that a credential was sent', { status: 403, bodyText: 'no  access' }, bearer, says(null), { code: 'AUTH_FORBIDDEN', evidence: { ...b(403), reason: 'no access', credentialSent: true, credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' } }],
    ['403 with the credential withheld says so', { status: 403, statusText: 'Forbidden' }, withheld, says(null), { code: 'AUTH_FORBIDDEN', evidence: { ...b(403), reason: 'Forbidden', credentialSent: false, withheld: 'untrusted TLS' } }],
    ['400 with an empty body: no message (not the status text)', { status: 400, statusText: 'Bad Request' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(400), method: 'POST', serverMessage: null } }],
    ['409', { status: 409, statusText: 'Conflict' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(409), method: 'POST', serverMessage: null } }],
    ['415', { status: 415, statusText: 'Unsupported' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(415), method: 'POST', serverMessage: null } }],
    ['422', { status: 422, statusText: 'Unprocessable' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(422), method: 'POST', serverMessage: null } }],
    ['431: the status text when nothing else', { status: 431, statusText: 'Request Header Fields Too Large' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(431), method: 'POST', serverMessage: 'Request Header Fields Too Large' } }],
    ['408: the body before the status text', { status: 408, statusText: 'Timeout', bodyText: 'slow   client' }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(408), method: 'POST', serverMessage: 'slow client' } }],
    ['414: an HTML page’s title', { status: 414, statusText: 'URI Too Long', ...html('Too long', 'x') }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(414), method: 'POST', serverMessage: 'Too long' } }],
    ['411: the provider’s message first', { status: 411, statusText: 'Length Required', bodyText: errBody('need length') }, bearer, says(null), { code: 'HTTP_BAD_REQUEST', evidence: { ...b(411), method: 'POST', serverMessage: 'need length', providerMessage: 'need length' } }],
    [
      '429 carries Retry-After and the rate-limit headers',
      { status: 429, headers: { 'retry-after': '7', 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0' } },
      bearer,
      says(null),
      { code: 'SERVER_RATE_LIMITED', evidence: { ...b(429), retryAfterSeconds: 7, limits: { 'retry-after': '7', 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0' } } },
    ],
    ['429 without those headers carries neither', { status: 429 }, bearer, says(null), { code: 'SERVER_RATE_LIMITED', evidence: b(429) }],
    ['502 names the gateway and the page title', { status: 502, headers: { server: 'nginx' }, ...html('502 Bad Gateway') }, bearer, says(null), { code: 'SERVER_BAD_GATEWAY', evidence: { ...b(502), gateway: { server: 'nginx' }, title: '502 Bad Gateway' } }],
    ['503 that says "overloaded" in its type', { status: 503, bodyText: errBody('try later', { type: 'overloaded_error' }) }, bearer, says(null), { code: 'SERVER_OVERLOADED', evidence: { ...b(503), providerMessage: 'try later', providerType: 'overloaded_error' } }],
    ['503 that says "overloaded" in its message', { status: 503, bodyText: errBody('Engine is Overloaded') }, bearer, says(null), { code: 'SERVER_OVERLOADED', evidence: { ...b(503), providerMessage: 'Engine is Overloaded' } }],
    ['503 otherwise: unavailable, with the gateway', { status: 503, headers: { server: 'envoy' }, bodyText: errBody('maintenance') }, bearer, says(null), { code: 'SERVER_UNAVAILABLE', evidence: { ...b(503), providerMessage: 'maintenance', gateway: { server: 'envoy' } } }],
    ['500 with no page title has none', { status: 500 }, bearer, says(null), { code: 'SERVER_ERROR', evidence: b(500) }],
    [
      'Cloudflare’s own 522: a gateway error with the ray id and title',
      { status: 522, headers: { server: 'cloudflare', 'cf-ray': '8abc-FRA' }, ...html('Connection timed out') },
      bearer,
      says(null),
      { code: 'SERVER_BAD_GATEWAY', evidence: { ...b(522), requestId: 'cf-ray: 8abc-FRA', gateway: { server: 'cloudflare', 'cf-ray': '8abc-FRA' }, cdn: 'Cloudflare', cloudflareError: '522: Connection timed out', rayId: '8abc-FRA', title: 'Connection timed out' } },
    ],
  ])('%s', (...row) => check(row));

  it('an HTML page on a 2xx is unexpected content, with its text but not its scripts and styles', () => {
    const page = '<html><head><title>Sign in</title><style>body { color: red }</style><script>var a = 1;</script></head><body><p>Please</p><p>sign in</p>x<SCRIPT>b()</SCRIPT>y</body></html>';
    expect(judgeAnswer(a({ status: 200, html: true, title: 'Sign in', contentType: 'text/html', bodyText: page }), bearer, says(null))).toEqual({
      code: 'HTTP_UNEXPECTED_CONTENT',
      evidence: { url: URL0, status: 200, contentType: 'text/html', title: 'Sign in', snippet: 'Sign in Please sign in x y' },
    });
  });
});

describe('judgeAnswer: 401', () => {
  const b = { url: URL0, status: 401 };
  const sent = { credential: 'sk-…0000', sentAs: 'Bearer (Authorization header)' };
  const w = (h: string) => ({ status: 401, headers: { 'www-authenticate': h } });
  it.each<Row>([
    ['nothing sent: missing, with the challenge and why it was withheld', w('Bearer realm="api"'), withheld, says(null), { code: 'AUTH_MISSING', evidence: { ...b, wwwAuthenticate: [{ scheme: 'Bearer', realm: 'api' }], withheld: 'untrusted TLS' } }],
    ['a plain refusal: rejected, with realm and scope', w('Bearer realm="api", scope="read"'), bearer, says(null), { code: 'AUTH_REJECTED', evidence: { ...b, ...sent, wwwAuthenticate: [{ scheme: 'Bearer', realm: 'api', scope: 'read' }], realm: 'api', scope: 'read' } }],
    [
      'the challenge that explains itself is the one quoted',
      w('Bearer realm="a", Bearer realm="b", error_description="bad key"'),
      bearer,
      says(null),
      { code: 'AUTH_REJECTED', evidence: { ...b, ...sent, wwwAuthenticate: [{ scheme: 'Bearer', realm: 'a' }, { scheme: 'Bearer', realm: 'b', error_description: 'bad key' }], realm: 'b', errorDescription: 'bad key' } },
    ],
    ['an error code alone saying "expired"', w('Bearer error="token_expired"'), bearer, says(null), { code: 'AUTH_TOKEN_EXPIRED', evidence: { ...b, ...sent, wwwAuthenticate: [{ scheme: 'Bearer', error: 'token_expired' }], error: 'token_expired', source: 'server' } }],
    ['the provider saying expired, without a challenge', { status: 401, bodyText: '' }, bearer, says('AUTH_TOKEN_EXPIRED'), { code: 'AUTH_TOKEN_EXPIRED', evidence: { ...b, ...sent, ...meant, source: 'server' } }],
    ['a header key against a Bearer challenge: scheme mismatch', w('Bearer'), xApiKey, says(null), { code: 'AUTH_SCHEME_MISMATCH', evidence: { ...b, credential: 'sk-…0000', sentAs: 'header x-api-key', wwwAuthenticate: [{ scheme: 'Bearer' }], serverWants: ['Bearer'] } }],
    ['a header key against an ApiKey challenge: rejected', w('ApiKey'), xApiKey, says(null), { code: 'AUTH_REJECTED', evidence: { ...b, credential: 'sk-…0000', sentAs: 'header x-api-key', wwwAuthenticate: [{ scheme: 'ApiKey' }] } }],
    ['a header key against Bearer or ApiKey: rejected', w('Bearer, ApiKey'), xApiKey, says(null), { code: 'AUTH_REJECTED', evidence: { ...b, credential: 'sk-…0000', sentAs: 'header x-api-key', wwwAuthenticate: [{ scheme: 'Bearer' }, { scheme: 'ApiKey' }] } }],
    ['a header key against a Basic challenge: scheme mismatch', w('Basic'), xApiKey, says(null), { code: 'AUTH_SCHEME_MISMATCH', evidence: { ...b, credential: 'sk-…0000', sentAs: 'header x-api-key', wwwAuthenticate: [{ scheme: 'Basic' }], serverWants: ['Basic'] } }],
    ['Bearer sent, Basic wanted: mismatch', w('Basic realm="x"'), bearer, says(null), { code: 'AUTH_SCHEME_MISMATCH', evidence: { ...b, ...sent, wwwAuthenticate: [{ scheme: 'Basic', realm: 'x' }], realm: 'x', serverWants: ['Basic'] } }],
    ['the server saw no key where we put it, no challenge', { status: 401, bodyText: '' }, bearer, says('AUTH_MISSING'), { code: 'AUTH_SCHEME_MISMATCH', evidence: { ...b, ...sent, ...meant, serverWants: null } }],
    ['no sibling endpoints, none listed', { status: 401 }, bearer, says(null), { code: 'AUTH_REJECTED', evidence: { ...b, ...sent } }],
    [
      'a sibling region is named',
      { status: 401 },
      bearer,
      says(null, { siblings: () => [{ label: 'international', origin: 'https://api.other.test' }] }),
      { code: 'AUTH_REJECTED', evidence: { ...b, ...sent, siblingEndpoints: ['international: https://api.other.test'] } },
    ],
  ])('%s', (...row) => check(row));
});

describe('judgeAnswer: 404', () => {
  const b = (status = 404) => ({ url: URL0, status });
  const bases = { knownBases: () => ['https://a.test/v1', 'https://api.test/v1'], apiBase: () => null };
  it.each<Row>([
    ['on one of the known bases: no suggestion', { status: 404 }, bearer, says(null, bases), { code: 'HTTP_NOT_FOUND', evidence: { ...b(), provider: 'test API' } }],
    ['off the known bases: they are suggested', { status: 404, url: 'https://c.test/v1/chat/completions' }, bearer, says(null, bases), { code: 'HTTP_NOT_FOUND', evidence: { url: 'https://c.test/v1/chat/completions', status: 404, provider: 'test API', suggestedBases: ['https://a.test/v1', 'https://api.test/v1'] } }],
    ['410 too, with the API base and an HTML title', { status: 410, ...html('Gone') }, bearer, says(null), { code: 'HTTP_NOT_FOUND', evidence: { ...b(410), provider: 'test API', apiBase: 'https://api.test/v1', title: 'Gone' } }],
    ['a title of a JSON answer is not quoted', { status: 404, title: 'x' }, bearer, says(null), { code: 'HTTP_NOT_FOUND', evidence: { ...b(), provider: 'test API', apiBase: 'https://api.test/v1' } }],
    [
      'an unknown layout without a version: the /v1 guess, for the http probe to confirm',
      { status: 404, url: 'https://api.test/chat/completions' },
      bearer,
      says(null),
      { code: 'HTTP_NOT_FOUND', evidence: { url: 'https://api.test/chat/completions', status: 404, provider: 'test API', candidateUrl: 'https://api.test/v1/chat/completions', candidateBase: 'https://api.test/v1' } },
    ],
    ['an HTML page without a title', { status: 404, html: true, contentType: 'text/html', bodyText: '<p>no</p>' }, bearer, says(null), { code: 'HTTP_NOT_FOUND', evidence: { ...b(), provider: 'test API', apiBase: 'https://api.test/v1' } }],
  ])('%s', (...row) => check(row));
});
