import { afterEach, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson } from '../lab/index.js';
import { LAB_KEYS } from '../lab/http-api.js';
import { readFileSync } from 'node:fs';
import { startProviderApi, type FixedAnswer, type ProviderApi, type ProviderScenario } from '../lab/provider-api.js';
import type { Report } from '../../src-main/common/report.js';

const env = { LAB_OPENAI_KEY: LAB_KEYS.openai, LAB_ZHIPU_KEY: LAB_KEYS.zhipu };
let api: ProviderApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});
const start = async (s: ProviderScenario, fixed?: FixedAnswer) => (api = await startProviderApi(s, fixed));
/** A fixture from test/fixtures/providers/<file>.json, by name. */
const fixture = (file: string, name: string): FixedAnswer => {
  const all = JSON.parse(readFileSync(new URL(`../fixtures/providers/${file}.json`, import.meta.url), 'utf8')) as (FixedAnswer & { name: string })[];
  return all.find((f) => f.name === name)!;
};
const finding = (r: Report, code: string) => r.findings.find((f) => f.code === code);

describe('provider semantics through the engine (loopback lab APIs)', () => {
  it('--completion: the model list works and the one-token completion works → healthy, the cheapest listed model, max_tokens 1', async () => {
    const lab = await start('openai-ok');
    const run = await diagnoseJson([lab.url('/v1/models'), '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--completion', '--samples', '1', '--timeout', '3000'], { env });
    expect(codesOf(run.report)).toEqual([]);
    expect(run.report.summary.verdict).toBe('healthy');
    const sent = lab.log.find((x) => x.path === '/v1/chat/completions');
    expect(sent?.keyed).toBe(true);
    expect(JSON.parse(sent!.body)).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 1 });
    expect(run.stdout).not.toContain(LAB_KEYS.openai);
  });

  it('--completion is not sent again when the user\'s own call is a completion that worked', async () => {
    const lab = await start('openai-ok');
    const run = await diagnoseJson([lab.url('/v1/chat/completions'), '-X', 'POST', '-d', '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}', '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--completion', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.verdict).toBe('healthy');
    expect(lab.log.filter((x) => x.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it('--completion: the model list works but chat fails (model_not_found) → failing with MODEL_NOT_FOUND from the completion', async () => {
    const lab = await start('openai-chat-model-denied');
    const plain = await diagnoseJson([lab.url('/v1/models'), '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    // Without --completion this is the common false "healthy".
    expect(plain.report.summary.verdict).toBe('healthy');
    const run = await diagnoseJson([lab.url('/v1/models'), '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--completion', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary).toMatchObject({ verdict: 'failing', rootCause: 'MODEL_NOT_FOUND' });
    expect(finding(run.report, 'MODEL_NOT_FOUND')?.evidence).toMatchObject({ call: 'completion', model: 'gpt-4o-mini', status: 404 });
    expect(run.code).toBe(1);
  });

  it('--completion on Zhipu: an error inside HTTP 200 (1211) is judged by its body', async () => {
    const lab = await start('zhipu-200-error');
    const run = await diagnoseJson([lab.url('/api/paas/v4/models'), '--provider', 'zhipu', '--token-env', 'LAB_ZHIPU_KEY', '--completion', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.rootCause).toBe('MODEL_NOT_FOUND');
    expect(finding(run.report, 'MODEL_NOT_FOUND')?.evidence).toMatchObject({ httpStatus: 200, providerCode: '1211', model: 'glm-4-flash', call: 'completion' });
  });

  it('a Zhipu 200-with-error on the user\'s own call is failing, not healthy', async () => {
    const lab = await start('zhipu-200-error');
    const run = await diagnoseJson([lab.url('/api/paas/v4/chat/completions'), '-X', 'POST', '-d', '{"model":"glm-9","messages":[{"role":"user","content":"hi"}]}', '--provider', 'zhipu', '--token-env', 'LAB_ZHIPU_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary).toMatchObject({ verdict: 'failing', rootCause: 'MODEL_NOT_FOUND' });
    expect(finding(run.report, 'MODEL_NOT_FOUND')?.evidence).toMatchObject({ httpStatus: 200, model: 'glm-9', closestModels: ['glm-4-plus', 'glm-4-flash'] });
  });

  it('MODEL_NOT_FOUND (OpenAI 404 model_not_found) names the model and the closest ones the key can use, never "wrong base URL"', async () => {
    const lab = await start('openai-ok');
    const run = await diagnoseJson([lab.url('/v1/chat/completions'), '-X', 'POST', '-d', '{"model":"gpt-4o-mni","messages":[{"role":"user","content":"hi"}]}', '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.rootCause).toBe('MODEL_NOT_FOUND');
    expect(codesOf(run.report)).not.toContain('HTTP_WRONG_BASE_URL');
    expect(codesOf(run.report)).not.toContain('HTTP_NOT_FOUND');
    const e = finding(run.report, 'MODEL_NOT_FOUND')!.evidence;
    expect(e).toMatchObject({ model: 'gpt-4o-mni', modelsListed: 4 });
    expect((e.closestModels as string[])[0]).toBe('gpt-4o-mini');
    expect(lab.log.filter((x) => x.path === '/v1/models').every((x) => x.keyed)).toBe(true);
  });

  it('HTTP_WRONG_BASE_URL: OpenAI layout without /v1 gives the corrected URL, confirmed by GET <base>/models', async () => {
    const lab = await start('openai-ok');
    const run = await diagnoseJson([lab.url('/chat/completions'), '-X', 'POST', '-d', '{"model":"gpt-4o-mini","messages":[]}', '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.rootCause).toBe('HTTP_WRONG_BASE_URL');
    expect(finding(run.report, 'HTTP_WRONG_BASE_URL')!.evidence).toMatchObject({ correctedUrl: lab.url('/v1/chat/completions'), correctedBase: lab.url('/v1'), confirmedBy: `GET ${lab.url('/v1/models')} → 200` });
  });

  it('an unknown API: a /v1 guess becomes HTTP_WRONG_BASE_URL only when the server confirms it', async () => {
    const lab = await start('generic-v1-only');
    const run = await diagnoseJson([lab.url('/chat/completions'), '-X', 'POST', '-d', '{"model":"m","messages":[]}', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(finding(run.report, 'HTTP_WRONG_BASE_URL')!.evidence).toMatchObject({ correctedBase: lab.url('/v1'), confirmedBy: `GET ${lab.url('/v1/models')} → 200` });
    // Where /v1 does not exist either, it stays a plain 404 with what was checked.
    const other = await diagnoseJson([lab.url('/api/v2/chat/completions'), '-X', 'POST', '-d', '{}', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(other.report.summary.rootCause).toBe('HTTP_NOT_FOUND');
  });

  it('SERVER_RATE_LIMIT_LOW: a healthy answer with 3 of 500 requests left is degraded, naming the header and reset', async () => {
    const lab = await start('openai-budget-low');
    const run = await diagnoseJson([lab.url('/v1/models'), '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.verdict).toBe('degraded');
    expect(finding(run.report, 'SERVER_RATE_LIMIT_LOW')!.evidence).toMatchObject({ header: 'x-ratelimit-remaining-requests', remaining: 3, limit: 500, reset: '54s' });
    expect(run.code).toBe(0);
  });

  it('HTTP_BLOCKED_BY_WAF: a Cloudflare 1020 page names the CDN and the ray id, and the auth stage is not blamed', async () => {
    const lab = await start('fixed', fixture('cdn', 'Cloudflare 1020 block page'));
    const run = await diagnoseJson([lab.url('/v1/chat/completions'), '-X', 'POST', '-d', '{"model":"m"}', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.rootCause).toBe('HTTP_BLOCKED_BY_WAF');
    expect(finding(run.report, 'HTTP_BLOCKED_BY_WAF')!.evidence).toMatchObject({ cdn: 'Cloudflare', errorCode: '1020', referenceId: '8e1f2a3b4c5d6e7f-SJC' });
    expect(codesOf(run.report)).not.toContain('AUTH_FORBIDDEN');
    expect(finding(run.report, 'HTTP_BLOCKED_BY_WAF')!.title).toContain('Cloudflare');
  });

  it('Cloudflare 524 is a gateway error with the ray id', async () => {
    const lab = await start('fixed', fixture('cdn', 'Cloudflare 524 (JSON form) is a gateway error with the ray id'));
    const run = await diagnoseJson([lab.url('/v1/models'), '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000'], { env });
    expect(run.report.summary.rootCause).toBe('SERVER_BAD_GATEWAY');
    expect(finding(run.report, 'SERVER_BAD_GATEWAY')!.evidence).toMatchObject({ cloudflareError: '524: A timeout occurred', rayId: '9a0b1c2d3e4f5a6b-HKG' });
  });

  it('RELAY_UPSTREAM_UNAVAILABLE: a one-api "上游负载已饱和" 429 is the relay, not the caller\'s rate limit (zh-CN text)', async () => {
    const lab = await start('fixed', fixture('relays', 'one-api 429 group saturated (not a rate limit)'));
    const run = await diagnoseJson([lab.url('/v1/chat/completions'), '-X', 'POST', '-d', '{"model":"gpt-4o"}', '--token-env', 'LAB_OPENAI_KEY', '--samples', '1', '--timeout', '3000', '--lang', 'zh-CN'], { env });
    expect(run.report.summary.rootCause).toBe('RELAY_UPSTREAM_UNAVAILABLE');
    expect(codesOf(run.report)).not.toContain('SERVER_RATE_LIMITED');
    const f = finding(run.report, 'RELAY_UPSTREAM_UNAVAILABLE')!;
    expect(f.evidence).toMatchObject({ relay: 'one-api / new-api', model: 'gpt-4o' });
    expect(f.title).toContain('中转服务');
  });
});
