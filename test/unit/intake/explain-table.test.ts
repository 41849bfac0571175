import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../../src-main/common/codes.js';
import { explainText, embeddedBody, targetOf } from '../../../src-main/intake/explain/match.js';
import { GENERIC_ROWS, KNOWLEDGE } from '../../../src-main/intake/explain/table.js';
import { PROVIDERS } from '../../../src-main/engine/providers/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

describe('the knowledge table: every row matches its own cited error text', () => {
  for (const row of KNOWLEDGE) {
    it(`${row.id}`, () => {
      expect(row.source).toMatch(/^https:\/\/\S+$/);
      expect(row.re.test(row.example)).toBe(true);
      for (const [code, c] of row.codes) {
        expect(ALL_CODES).toContain(code);
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThanOrEqual(1);
      }
      expect(row.why.en.length).toBeGreaterThan(10);
      expect(row.why['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      const got = explainText(row.example);
      const top = [...row.codes].sort((a, b) => b[1] - a[1])[0]![0];
      // The row's most likely code is among the answers (a more specific row may outrank it).
      expect(got.matches.map((m) => m.code)).toContain(top);
      expect(got.matches.length).toBeLessThanOrEqual(5);
      expect(got.next).toMatch(/api-doctor/);
    });
  }
  it('row ids are unique', () => {
    expect(new Set(KNOWLEDGE.map((r) => r.id)).size).toBe(KNOWLEDGE.length);
    for (const id of GENERIC_ROWS) expect(KNOWLEDGE.some((r) => r.id === id)).toBe(true);
  });
});

/** Provider error bodies, verbatim from the reports cited in shared/research/failure-modes.md §2, read by the engine's own provider tables. */
const BODIES: { provider: string; text: string; code: string; source: string }[] = [
  { provider: 'openai', code: 'SERVER_QUOTA_EXHAUSTED', source: 'https://github.com/ChatGPTNextWeb/NextChat/issues/3123', text: '429 {"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}' },
  { provider: 'openai', code: 'AUTH_REJECTED', source: 'https://github.com/bhimrazy/receipt-ocr/issues/27', text: "Error code: 401 - {'error': {'message': 'Incorrect API key provided: AIzaSyCM***...EyFo. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}" },
  { provider: 'openai', code: 'AUTH_MISSING', source: 'https://github.com/openai/openai-python/issues/1434', text: '401 {"error":{"message":"You didn\'t provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).","type":"invalid_request_error","param":null,"code":null}}' },
  { provider: 'openai', code: 'AUTH_FORBIDDEN', source: 'https://github.com/nalgeon/pokitoki/issues/42', text: "openai.PermissionDeniedError: Error code: 403 - {'error': {'code': 'unsupported_country_region_territory', 'message': 'Country, region, or territory not supported', 'param': None, 'type': 'request_forbidden'}}" },
  { provider: 'anthropic', code: 'SERVER_OVERLOADED', source: 'https://github.com/anthropics/claude-code/issues/3572', text: 'API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying…' },
  { provider: 'anthropic', code: 'SERVER_QUOTA_EXHAUSTED', source: 'https://github.com/anthropics/claude-code/issues/66314', text: '400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"req_011"}' },
  { provider: 'anthropic', code: 'AUTH_REJECTED', source: 'https://github.com/Doriandarko/maestro/issues/15', text: "anthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}" },
  { provider: 'zhipu', code: 'SERVER_QUOTA_EXHAUSTED', source: 'https://github.com/7836246/cursor2api/issues/30', text: '429 {"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."},"request_id":"202603142338501da90b7ebe1d473d"}' },
  { provider: 'zhipu', code: 'REQUEST_TOO_LARGE_FOR_MODEL', source: 'https://github.com/zeroclaw-labs/zeroclaw/issues/4124', text: 'Z.AI 400: {"error":{"code":"1261","message":"Prompt exceeds max length"}}' },
  { provider: 'zhipu', code: 'AUTH_MISSING', source: 'https://github.com/songquanpeng/one-api/issues/1301', text: '{"error":{"code":"1001","message":"Header中未收到Authorization参数，无法进行身份验证。"}}' },
  { provider: 'azure-openai', code: 'MODEL_NOT_FOUND', source: 'https://github.com/chatboxai/chatbox/issues/646', text: 'Status: 404 {"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}' },
  { provider: 'azure-openai', code: 'AUTH_REJECTED', source: 'https://github.com/SciSharp/BotSharp/issues/386', text: 'Status: 401 {"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}' },
];

describe('provider error bodies, read by the engine’s provider tables', () => {
  for (const b of BODIES) {
    it(`${b.provider}: ${b.code} (${b.source})`, () => {
      const got = explainText(b.text);
      expect(got.matches[0]?.code).toBe(b.code);
    });
  }
});

/**
 * Every provider's cited error bodies (test/fixtures/providers, kept by the provider work with a
 * source per case): pasted as an SDK would print them — URL, status, body — explain must name the
 * code the engine names for that answer.
 */
interface ProviderCase {
  name: string;
  source: string;
  url?: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  expect: string | null;
}
const FIXTURE_DIR = path.resolve('test/fixtures/providers');
const cases = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const list = JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as ProviderCase[];
    // Cases without a URL are the same provider's: the file's other cases say which host.
    const host = list.find((c) => c.url)?.url;
    return list.map((c) => ({ ...c, url: c.url ?? host ?? 'https://api.invalid/', file: f }));
  })
  // A body is what explain reads; answers judged by headers or an HTML page are the live run's job.
  .filter((c) => c.body !== null && typeof c.body === 'object' && c.expect && !c.headers);

describe('provider fixtures, pasted', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.name}`, () => {
      const text = `POST ${c.url} failed: Error code: ${c.status} - ${JSON.stringify(c.body)}`;
      expect(explainText(text).matches.map((m) => m.code)).toContain(c.expect);
    });
  }
  it('every provider of the engine has pasted bodies', () => {
    const hosts = cases.map((c) => new URL(c.url));
    for (const p of PROVIDERS.filter((x) => x.id !== 'generic')) expect(hosts.some((h) => p.matches(h)) || BODIES.some((b) => b.provider === p.id), p.id).toBe(true);
  });
});

describe('helpers', () => {
  it('Python dict reprs and JSON embedded in a line are found', () => {
    expect(JSON.parse(embeddedBody("Error code: 429 - {'error': {'a': None, 'b': True, 'c': 'it\\'s'}}")!)).toEqual({ error: { a: null, b: true, c: "it's" } });
    expect(embeddedBody('no body here')).toBeNull();
  });
  it('the target of the next step comes from the text, secrets redacted', () => {
    expect(targetOf("HTTPSConnectionPool(host='api.openai.com', port=443)")).toBe('https://api.openai.com');
    expect(targetOf('request to https://api.openai.com//v1/chat/completions?key=AIzaSecret0123456789 failed')).toBe('https://api.openai.com/v1/chat/completions');
    expect(explainText('getaddrinfo ENOTFOUND api.deepseek.com').next).toContain('api-doctor diagnose https://api.deepseek.com');
  });
  it('a specific cause outranks the generic wrapper of the same traceback', () => {
    const t = 'httpx.ConnectError: [Errno 111] Connection refused\n\nThe above exception was the direct cause of the following exception:\n\nopenai.APIConnectionError: Connection error.';
    const got = explainText(t);
    expect(got.matches[0]!.code).toBe('TCP_REFUSED');
    expect(got.matches.map((m) => m.code)).not.toContain('DNS_NXDOMAIN');
  });
  it('Python, curl and Node print the same OpenSSL words; each gets its own runtime’s advice', () => {
    const py = explainText("(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))");
    expect(py.matches.map((m) => m.why).join(' ')).not.toMatch(/NODE_EXTRA_CA_CERTS/);
    const curl = explainText('curl: (60) SSL certificate problem: unable to get local issuer certificate');
    expect(curl.matches.map((m) => m.why).join(' ')).not.toMatch(/NODE_EXTRA_CA_CERTS/);
    const node = explainText("request to https://api.openai.com/v1/models failed, reason: unable to get local issuer certificate");
    expect(node.matches[0]!.code).toBe('TLS_OS_TRUST_ONLY');
  });

  it('en and zh-CN give the same codes', () => {
    for (const row of KNOWLEDGE.slice(0, 10)) expect(explainText(row.example, 'zh-CN').matches.map((m) => m.code)).toEqual(explainText(row.example, 'en').matches.map((m) => m.code));
    expect(explainText('ECONNREFUSED', 'zh-CN').matches[0]!.why).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('explain, as a user pastes (QA)', () => {
  const openai401 = "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-********************7777. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}";
  it('a docs or console link in the message is not the URL to diagnose', () => {
    expect(targetOf(openai401)).toBeNull();
    expect(explainText(openai401).next).toContain('api-doctor diagnose <url>');
    const quota = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota'}}";
    expect(explainText(quota).next).not.toContain('platform.openai.com');
    expect(targetOf('POST https://api.deepseek.com/chat/completions failed; see https://api-docs.deepseek.com/quick_start/error_codes')).toBe('https://api.deepseek.com/chat/completions');
  });
  it('an "incorrect API key" was a key sent: AUTH_MISSING is not offered, and each match has its own reason', () => {
    const r = explainText(openai401);
    expect(r.matches[0]!.code).toBe('AUTH_REJECTED');
    expect(r.matches.map((m) => m.code)).not.toContain('AUTH_MISSING');
    const whys = r.matches.map((m) => m.why);
    expect(new Set(whys).size).toBe(whys.length);
  });
  it("a proxy's 407 is not an HTTP_BAD_REQUEST from the API", () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const codes = explainText('httpx.ProxyError: 407 Proxy Authentication Required', lang).matches.map((m) => m.code);
      expect(codes[0]).toBe('PROXY_AUTH_REQUIRED');
      expect(codes).not.toContain('HTTP_BAD_REQUEST');
    }
  });
});
