import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Probe, StageRules } from '../../../src-main/engine/probe.js';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import { diffBundles, diffValueText } from '../../../src-main/report/text/index.js';

// The comparison is one pure function in the text module (the CLI's `diff`, the report's
// "Compare with…" and the history's compare call it): its values are data, worded per language.

const ok: Probe[] = [
  { id: 'dns', stage: 'dns', dependsOn: [], run: async () => ({ status: 'ok', data: null }) },
  { id: 'tcp', stage: 'tcp', dependsOn: ['dns'], run: async () => ({ status: 'ok', data: null }) },
];
const failing: Probe[] = [
  { id: 'dns', stage: 'dns', dependsOn: [], run: async () => ({ status: 'failed', data: null, reason: { code: 'dns.failed', values: { host: 'missing.test', error: 'ENOTFOUND' } } }) },
  { id: 'tcp', stage: 'tcp', dependsOn: ['dns'], run: async () => ({ status: 'ok', data: null }) },
];
const rules: Partial<Record<Probe['stage'], StageRules>> = { dns: () => [{ code: 'DNS_NXDOMAIN', evidence: { host: 'missing.test', resolvers: ['127.0.0.53'] } }] };
const req = (lang: 'en' | 'zh-CN') => defaultRequest('https://missing.test/v1', { lang });

describe('diffBundles (report/text, pure)', () => {
  it('two runs: the verdict and the root cause first; a run with itself: nothing', async () => {
    const good = await runDiagnosis(req('en'), { probes: ok, rules: {}, platform: { env: {} } });
    const bad = await runDiagnosis(req('en'), { probes: failing, rules, platform: { env: {} } });
    const d = diffBundles({ report: good, environment: null }, { report: bad, environment: null }).differences;
    expect(d[0]).toMatchObject({ path: 'summary.verdict', a: 'healthy', b: 'failing' });
    expect(d[1]).toMatchObject({ path: 'summary.rootCause', a: null, b: 'DNS_NXDOMAIN' });
    expect(d.find((x) => x.path === 'findings.DNS_NXDOMAIN')).toMatchObject({ a: null, b: 'present' });
    expect(d.find((x) => x.path === 'stages.dns')?.b).toMatch(/^fail/);
    expect(diffBundles({ report: bad, environment: null }, { report: bad, environment: null }).differences).toEqual([]);
  });

  it('an unknown environment on one side is not a difference (history keeps none)', async () => {
    const good = await runDiagnosis(req('en'), { probes: ok, rules: {}, platform: { env: {} } });
    const env = { proxy: { effective: 'http://127.0.0.1:9', variables: [{ variable: 'HTTPS_PROXY', value: 'http://127.0.0.1:9' }] }, os: { platform: 'linux' } };
    expect(diffBundles({ report: good, environment: env }, { report: good, environment: null }).differences).toEqual([]);
    const both = diffBundles({ report: good, environment: env }, { report: good, environment: { os: { platform: 'linux' } } }).differences.map((x) => x.path);
    expect(both).toContain('environment.proxy.effective');
    expect(both).toContain('environment.variableNames');
  });

  it('in Chinese: stage reasons localized from data (an English and a Chinese run compare equal), values worded in Chinese', async () => {
    const badEn = await runDiagnosis(req('en'), { probes: failing, rules, platform: { env: {} } });
    const badZh = await runDiagnosis(req('zh-CN'), { probes: failing, rules, platform: { env: {} } });
    const good = await runDiagnosis(req('en'), { probes: ok, rules: {}, platform: { env: {} } });
    // Same run, made in two languages: words differ, data does not.
    expect(diffBundles({ report: badEn, environment: null }, { report: badZh, environment: null }, 'zh-CN').differences).toEqual([]);
    const d = diffBundles({ report: good, environment: null }, { report: badEn, environment: null }, 'zh-CN').differences;
    const tcp = d.find((x) => x.path === 'stages.tcp')!;
    expect(tcp.b).toMatch(/^skipped: .*无法解析/);
    expect(diffValueText(tcp.path, tcp.b, 'zh-CN')).toMatch(/^跳过：/);
    expect(diffValueText('stages.dns', 'pass', 'zh-CN')).toBe('通过');
    expect(diffValueText('stages.dns', 'fail: x', 'en')).toBe('failed: x');
    expect(diffValueText('findings.DNS_NXDOMAIN', 'present', 'zh-CN')).toBe('出现');
    expect(diffValueText('findings.DNS_NXDOMAIN', 'present', 'en')).toBe('found');
    expect(diffValueText('summary.verdict', 'failing', 'zh-CN')).toBe('失败');
    expect(diffValueText('summary.verdict', 'healthy', 'en')).toBe('healthy');
    expect(diffValueText('environment.caStore.nodeOptionsUseSystemCa', true, 'zh-CN')).toBe('是');
    expect(diffValueText('environment.variableNames', [], 'zh-CN')).toBe('（无）');
    expect(diffValueText('environment.variableNames', ['A', 'B'], 'en')).toBe('A, B');
    expect(diffValueText('summary.rootCause', 'DNS_NXDOMAIN', 'zh-CN')).toBe('DNS_NXDOMAIN');
    expect(diffValueText('summary.rootCause', null, 'zh-CN')).toBe('—');
    expect(diffValueText('environment.proxy.noProxy', '', 'zh-CN')).toBe('（空）');
    expect(diffValueText('environment.proxy.noProxy', '', 'en')).toBe('(empty)');
    expect(diffValueText('clients.curl.outcome', 'ok', 'zh-CN')).toBe('可用');
    expect(diffValueText('clients.curl.outcome', 'fail', 'en')).toBe('fails');
    expect(diffValueText('timings.totalMs', 163.5, 'zh-CN')).toBe('163.5 毫秒');
    expect(diffValueText('timings.totalMs', 163.5, 'en')).toBe('163.5 ms');
    // Every "why" is in Chinese.
    for (const x of d) expect(x['why it matters'], x.path).toMatch(/[\u4e00-\u9fff]/);
  });
});
