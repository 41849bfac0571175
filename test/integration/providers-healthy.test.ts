import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, stageOf } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';
import { STAGES } from '../../src-main/common/stages.js';
import type { Report } from '../../src-main/common/report.js';

let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const env = { LAB_OPENAI_KEY: LAB_KEYS.openai, LAB_ZHIPU_KEY: LAB_KEYS.zhipu };

function expectHealthy(r: Report) {
  expect(codesOf(r).filter((c) => !c.startsWith('PROXY_IN_USE'))).toEqual([]);
  expect(r.summary).toMatchObject({ verdict: 'healthy', rootCause: null });
  // Every stage ran and passed, except tls on a plain-http URL (not applicable).
  for (const id of STAGES) {
    const s = stageOf(r, id);
    if (id === 'tls' && r.target.url.startsWith('http:')) expect(s.status).toBe('skipped');
    else expect(s.status, `${id}: ${s.reason ?? ''}`).toBe('pass');
  }
  const t = r.timings;
  const sum = [t.dnsMs, t.connectMs, t.tlsMs, t.ttfbMs, t.downloadMs].reduce<number>((a, v) => a + (v ?? 0), 0);
  expect(Math.abs(sum - t.totalMs)).toBeLessThan(0.5);
  expect(t.ttfbMs).toBeGreaterThan(0);
}

describe('healthy lab providers', () => {
  it('OpenAI-compatible over https (lab CA): healthy, every stage passes, timings add up, exit 0', async () => {
    const run = await diagnoseJson([lab.url('/openai/v1/models', 'https'), '--ca-file', lab.pki.caFile, '--provider', 'openai', '--token-env', 'LAB_OPENAI_KEY', '--timeout', '3000'], { env });
    expectHealthy(run.report);
    expect(run.code).toBe(0);
    expect(run.report.target.provider).toBe('openai');
    expect(run.report.timings.tlsMs).toBeGreaterThan(0);
    // Healthy and fast: the user's call is the one sample (adaptive sampling), recorded with real timings and the server IP.
    const calls = run.report.exchanges.filter((x) => x.request.url.endsWith('/openai/v1/models'));
    expect(calls.length).toBe(1);
    expect(calls[0]!.serverIPAddress).toBe('127.0.0.1');
    expect(calls[0]!.timings.ssl).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(LAB_KEYS.openai);
  });

  it('Zhipu (BigModel /api/paas/v4) with --stream: healthy, stream ends with [DONE], exit 0', async () => {
    const run = await diagnoseJson([lab.url('/api/paas/v4/models'), '--provider', 'zhipu', '--token-env', 'LAB_ZHIPU_KEY', '--stream', '--timeout', '3000'], { env });
    expectHealthy(run.report);
    expect(run.code).toBe(0);
    expect(run.report.target.provider).toBe('zhipu');
    const streamed = run.report.exchanges.find((x) => x.request.url.endsWith('/api/paas/v4/chat/completions'));
    expect(streamed?.response?.status).toBe(200);
    // The cheapest model of the list was chosen for the streamed probe.
    expect(streamed?.request.body?.text).toContain('"glm-4-flash"');
    expect(run.stdout).not.toContain(LAB_KEYS.zhipu);
  });

  it('Zhipu\'s Anthropic-compatible path (/api/anthropic) with --stream: x-api-key + anthropic-version placed, Anthropic SSE ends with message_stop', async () => {
    const body = '{"model":"glm-4.5-air","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}';
    const run = await diagnoseJson([lab.url('/api/anthropic/v1/messages'), '--provider', 'zhipu', '--token-env', 'LAB_ZHIPU_KEY', '-X', 'POST', '-d', body, '--stream', '--timeout', '3000'], { env });
    expectHealthy(run.report);
    expect(run.code).toBe(0);
    const first = run.report.exchanges[0]!;
    expect(first.request.headers.map((h) => h.name)).toEqual(expect.arrayContaining(['x-api-key', 'anthropic-version']));
    expect(first.request.headers.some((h) => h.name === 'authorization')).toBe(false);
    const streamed = run.report.exchanges.find((x) => x.request.body?.text.includes('"stream":true'));
    expect(streamed?.response?.body?.text).toContain('message_stop');
  });
});
