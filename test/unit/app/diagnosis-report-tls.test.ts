import { describe, expect, it } from 'vitest';
import { mergeRerun } from '../../../src-main/app/diagnosis-report.js';
import type { Report } from '../../../src-main/common/report.js';
import type { TlsCertificates } from '../../../src-main/common/tls-view.js';
import { STAGES } from '../../../src-main/common/stages.js';

const tls = (caFile: string | null): TlsCertificates => ({ host: 'h', checkedAt: '2026-11-29T00:00:00.000Z', protocol: 'TLSv1.3', cipher: null, alpn: null, caFile, chain: [], stores: [] });
const report = (t?: TlsCertificates): Report => ({
  schema: 'api-doctor/report@1',
  tool: { name: 'api-doctor', version: '0' },
  target: { url: 'https://h/', method: 'GET', provider: 'generic' },
  lang: 'en',
  startedAt: '2026-11-29T00:00:00.000Z',
  durationMs: 1,
  summary: { verdict: 'healthy', rootCause: null, headline: 'ok' },
  stages: STAGES.map((id) => ({ id, status: 'pass', durationMs: 0 })),
  findings: [],
  timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, downloadMs: null, totalMs: 0 },
  exchanges: [],
  ...(t ? { tls: t } : {}),
});

describe('mergeRerun and the certificate section', () => {
  it('a TLS re-run (a CA file chosen) replaces the section; a re-run of another step keeps the earlier one', () => {
    const before = report(tls(null));
    const fresh = report(tls('/tmp/ca.pem'));
    expect(mergeRerun(before, fresh, new Set(['tls'])).tls?.caFile).toBe('/tmp/ca.pem');
    expect(mergeRerun(before, fresh, new Set(['server'])).tls?.caFile).toBeNull();
    // A TLS re-run that saw no chain leaves no stale chain behind.
    expect(mergeRerun(before, report(), new Set(['tls'])).tls).toBeUndefined();
  });
});
