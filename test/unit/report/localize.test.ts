import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Probe, StageRules } from '../../../src-main/engine/probe.js';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import { localizeReport } from '../../../src-main/report/text/index.js';

// A language switch re-renders every text of a report from its data, in the renderer, with no
// round trip to main: finding texts, the headline, stage reasons and the advice's prose.

const probes: Probe[] = [
  { id: 'dns', stage: 'dns', dependsOn: [], run: async () => ({ status: 'failed', data: null, reason: { code: 'dns.failed', values: { host: 'missing.test', error: 'ENOTFOUND' } } }) },
  { id: 'tcp', stage: 'tcp', dependsOn: ['dns'], run: async () => ({ status: 'ok', data: null }) },
];
const rules: Partial<Record<Probe['stage'], StageRules>> = { dns: () => [{ code: 'DNS_NXDOMAIN', evidence: { host: 'missing.test', resolvers: ['127.0.0.53'] } }] };

describe('localizeReport (report/text, pure)', () => {
  it('re-renders findings, headline and stage reasons in the other language, keeping the data, and round-trips', async () => {
    const en = await runDiagnosis(defaultRequest('https://missing.test/v1', { lang: 'en' }), { probes, rules, platform: { env: {} } });
    const zhRun = await runDiagnosis(defaultRequest('https://missing.test/v1', { lang: 'zh-CN' }), { probes, rules, platform: { env: {} } });
    const zh = localizeReport(JSON.parse(JSON.stringify(en)), 'zh-CN');
    expect(zh.lang).toBe('zh-CN');
    expect(zh.findings.map((f) => f.evidence)).toEqual(en.findings.map((f) => f.evidence));
    // The same words a run in Chinese writes at once.
    expect(zh.findings.map((f) => f.title)).toEqual(zhRun.findings.map((f) => f.title));
    expect(zh.summary.headline).toBe(zhRun.summary.headline);
    expect(zh.stages.find((s) => s.id === 'tcp')!.reason).toBe('DNS 解析 失败：missing.test 无法解析（ENOTFOUND）');
    expect(zh.stages.find((s) => s.id === 'tcp')!.reason).toBe(zhRun.stages.find((s) => s.id === 'tcp')!.reason);
    const back = localizeReport(zh, 'en');
    expect(back.findings).toEqual(en.findings);
    expect(back.stages).toEqual(en.stages);
    expect(back.summary.headline).toBe(en.summary.headline);
  });

  it('keeps the words of a report written before reasons were data', () => {
    const old = { schema: 'api-doctor/report@1', lang: 'en', findings: [], stages: [{ id: 'tls', status: 'skipped', durationMs: 0, reason: 'plain http:// URL: no TLS to check' }], summary: { verdict: 'healthy', rootCause: null, headline: 'x' } };
    const zh = localizeReport(old as never, 'zh-CN');
    expect(zh.stages[0]!.reason).toBe('plain http:// URL: no TLS to check');
    expect(zh.summary.headline).toBe('所有检查均已通过：从本机可以正常访问该 API。');
  });
});
