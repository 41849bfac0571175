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

interface Fixture {
  name: string;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
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

const answer = (fx: Fixture): AnswerSummary => ({
  url: 'https://example.test/v1/chat/completions',
  method: 'POST',
  status: fx.status,
  statusText: '',
  headers: { 'content-type': 'application/json', ...(fx.headers ?? {}) },
  contentType: 'application/json',
  bodyText: JSON.stringify(fx.body),
  bodyTruncated: false,
  html: false,
  title: null,
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
] as const)('%s error bodies (real-shaped fixtures)', (file, provider) => {
  it.each(load(file).map((f) => [f.name, f] as const))('%s', (_name, fx) => {
    const v = judgeAnswer(answer(fx), plan(provider, fx), profileById(provider));
    expect(v?.code).toBe(fx.expect);
    // The provider's own message is quoted as evidence, Chinese included.
    const msg = parseErrorBody(JSON.stringify(fx.body))?.message;
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
