import { describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import type { Probe, StageRules } from '../../../src-main/engine/probe.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import { byStageThenSeverity, summarise } from '../../../src-main/engine/summary.js';
import type { Finding } from '../../../src-main/common/report.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const probe = (id: string, stage: Probe['stage'], delayMs: number): Probe => ({
  id,
  stage,
  dependsOn: [],
  run: async () => {
    await sleep(delayMs);
    return { status: 'ok', data: null };
  },
});
const f = (code: string, stage: Finding['stage'], severity: Finding['severity']): Finding => ({ code, stage, severity, title: code, detail: '', fixes: [], evidence: {} }) as unknown as Finding;

describe('root cause = the error of the earliest stage', () => {
  it('picks the tls error over a server error found first, and over an earlier stage that only warns', async () => {
    const rules: Partial<Record<Probe['stage'], StageRules>> = {
      environment: () => [{ code: 'ENV_CLOCK_SKEW', evidence: { skewSeconds: 300 } }],
      tls: () => [{ code: 'TLS_CERT_EXPIRING_SOON', evidence: {} }, { code: 'TLS_CERT_EXPIRED', evidence: {} }],
      server: () => [{ code: 'SERVER_ERROR', evidence: {} }],
    };
    // The server probe finishes long before the tls probe: order of discovery must not matter.
    const report = await runDiagnosis(defaultRequest('https://api.example.test/v1/models', { timeoutMs: 2000 }), {
      probes: [probe('server', 'server', 0), probe('env', 'environment', 60), probe('tls', 'tls', 120)],
      rules,
    });
    expect(report.findings.map((x) => x.code)).toEqual(['ENV_CLOCK_SKEW', 'TLS_CERT_EXPIRED', 'TLS_CERT_EXPIRING_SOON', 'SERVER_ERROR']);
    expect(report.summary.verdict).toBe('failing');
    expect(report.summary.rootCause).toBe('TLS_CERT_EXPIRED');
  });

  it('sorts by stage, then error < warn < info; the summary takes the first error, or the first warning for the headline', () => {
    const sorted = [f('SERVER_FLAKY', 'server', 'warn'), f('HTTP_NOT_FOUND', 'http', 'error'), f('TLS_OS_TRUST_ONLY', 'tls', 'info'), f('TLS_CERT_EXPIRING_SOON', 'tls', 'warn'), f('SERVER_ERROR', 'server', 'error'), f('DNS_SINKHOLE', 'dns', 'warn')].sort(byStageThenSeverity);
    expect(sorted.map((x) => x.code)).toEqual(['DNS_SINKHOLE', 'TLS_CERT_EXPIRING_SOON', 'TLS_OS_TRUST_ONLY', 'HTTP_NOT_FOUND', 'SERVER_ERROR', 'SERVER_FLAKY']);
    const s = summarise(sorted, 'en');
    expect(s).toMatchObject({ verdict: 'failing', rootCause: 'HTTP_NOT_FOUND' });
    expect(s.headline).toContain('HTTP_NOT_FOUND');
    const warnOnly = summarise([f('DNS_SINKHOLE', 'dns', 'warn'), f('SERVER_FLAKY', 'server', 'warn')], 'en');
    expect(warnOnly).toMatchObject({ verdict: 'degraded', rootCause: null });
    expect(warnOnly.headline).toContain('DNS_SINKHOLE');
    expect(summarise([f('TLS_OS_TRUST_ONLY', 'tls', 'info')], 'en')).toMatchObject({ verdict: 'healthy', rootCause: null });
  });
});
