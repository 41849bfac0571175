import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuthPlacement } from '../../../../src-main/common/request.js';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';
import { describePlacement } from '../../../../src-main/engine/auth/plan.js';
import { judgeAnswer } from '../../../../src-main/engine/http/answer-finding.js';
import type { AnswerSummary } from '../../../../src-main/engine/http/types.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';
import { parseErrorBody } from '../../../../src-main/engine/providers/error-body.js';
import type { ProviderId } from '../../../../src-main/common/report.js';
import { htmlTitle, isHtml } from '../../../../src-main/engine/http/html.js';

interface Fixture {
  name: string;
  /** Where this body was seen or documented (an issue, a forum thread, the provider's error page). */
  source: string;
  /** The URL answered (default: an OpenAI-shaped chat completion URL on example.test). */
  url?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A non-JSON body (an HTML block page, plain text), instead of `body`. */
  bodyText?: string;
  /** The request's body, when the verdict depends on it (the model asked for). */
  requestBody?: string;
  /** Evidence the verdict must carry (a subset). */
  evidence?: Record<string, unknown>;
  sent?: boolean;
  placement?: AuthPlacement;
  expect: string;
}

const load = (f: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/${f}.json`, import.meta.url), 'utf8')) as Fixture[];

function plan(provider: ProviderId, fx: Fixture): CredentialPlan {
  if (fx.sent === false) return { source: 'none', sentAs: null, headerName: null, scheme: null, fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: null };
  const p = fx.placement ?? profileById(provider).auth(new URL('https://example.test/v1'));
  return {
    source: 'credential',
    sentAs: describePlacement(p),
    headerName: p.kind === 'header' ? p.name : p.kind === 'query' ? null : 'authorization',
    scheme: p.kind === 'bearer' ? 'bearer' : p.kind === 'basic' ? 'basic' : null,
    fingerprint: 'sk-…0000',
    problem: null,
    withheld: false,
    withheldReason: null,
    placement: p,
  };
}

const text = (fx: Fixture) => fx.bodyText ?? JSON.stringify(fx.body);
const answer = (fx: Fixture): AnswerSummary => ({
  url: fx.url ?? 'https://example.test/v1/chat/completions',
  method: 'POST',
  status: fx.status,
  statusText: '',
  headers: { 'content-type': 'application/json', ...(fx.headers ?? {}) },
  contentType: fx.headers?.['content-type'] ?? 'application/json',
  bodyText: text(fx),
  bodyTruncated: false,
  html: isHtml(fx.headers?.['content-type'] ?? 'application/json', text(fx)),
  title: isHtml(fx.headers?.['content-type'] ?? 'application/json', text(fx)) ? htmlTitle(text(fx)) : null,
  receivedAt: Date.parse('2026-11-23T20:00:00Z'),
  serverIp: '203.0.113.7',
  ttfbMs: 100,
  requestBytes: 120,
});

describe.each([
  ['openai', 'openai'],
  ['zhipu', 'zhipu'],
  ['anthropic', 'anthropic'],
  ['azure-openai', 'azure-openai'],
  ['deepseek', 'deepseek'],
  ['moonshot', 'moonshot'],
  ['dashscope', 'dashscope'],
  ['openrouter', 'openrouter'],
  ['relays', 'generic'],
  ['cdn', 'generic'],
] as const)('%s error bodies (real fixtures, each with its source)', (file, provider) => {
  it.each(load(file).map((f) => [f.name, f] as const))('%s', (_name, fx) => {
    expect(fx.source, 'every fixture names where the body comes from').toMatch(/^https:\/\//);
    const v = judgeAnswer(answer(fx), plan(provider, fx), profileById(provider), false, fx.requestBody);
    expect(v?.code).toBe(fx.expect);
    if (fx.evidence) expect(v?.evidence).toMatchObject(fx.evidence);
    // The provider's own message is quoted as evidence, Chinese included.
    const msg = fx.body === undefined ? null : parseErrorBody(JSON.stringify(fx.body))?.message;
    if (msg && v && 'providerMessage' in v.evidence) expect(String(v.evidence.providerMessage)).toBe(msg.replace(/\s+/g, ' ').trim().slice(0, 300));
  });
});

describe('parseErrorBody', () => {
  it.each([
    ['OpenAI', '{"error":{"message":"m","type":"t","code":"c"}}', { type: 't', code: 'c', message: 'm' }],
    ['Anthropic', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', { type: 'overloaded_error', code: null, message: 'Overloaded' }],
    ['OAuth-style', '{"error":"invalid_client","error_description":"bad secret"}', { type: null, code: 'invalid_client', message: 'bad secret' }],
    ['FastAPI detail', '{"detail":"Not authenticated"}', { type: null, code: null, message: 'Not authenticated' }],
    ['code/msg (numeric)', '{"code":40001,"msg":"参数错误"}', { type: null, code: '40001', message: '参数错误' }],
  ])('%s', (_n, text, want) => {
    expect(parseErrorBody(text)).toEqual(want);
  });

  it('says nothing for non-JSON, arrays and empty objects', () => {
    expect(parseErrorBody('<html>')).toBeNull();
    expect(parseErrorBody('[1,2]')).toBeNull();
    expect(parseErrorBody('{}')).toBeNull();
    expect(parseErrorBody('')).toBeNull();
  });
});
