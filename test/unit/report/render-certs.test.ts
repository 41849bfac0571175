import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src-main/common/report.js';
import { certRole, certValidity, type TlsCertificates } from '../../../src-main/common/tls-view.js';
import { certificatesMarkdown, certificatesText } from '../../../src-main/report/render-certs.js';

const NOW = '2026-11-29T12:00:00.000Z';
const tls: TlsCertificates = {
  host: 'api.example.com',
  checkedAt: NOW,
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_128_GCM_SHA256',
  alpn: 'h2',
  caFile: '/home/dev/corp-ca.pem',
  chain: [
    { subject: 'api.example.com', issuer: 'R11, Let\'s Encrypt', validFrom: '2026-09-01T00:00:00.000Z', validTo: '2026-11-30T18:00:00.000Z', names: ['api.example.com', '*.example.com'], selfSigned: false, fingerprint256: 'AA:BB', keyType: 'ec', curve: 'P-256', keyBits: 256, ca: false },
    { subject: 'R11, Let\'s Encrypt', issuer: 'ISRG Root X1, Internet Security Research Group', validFrom: '2024-03-13T00:00:00.000Z', validTo: '2027-03-12T23:59:59.000Z', names: [], selfSigned: false, fingerprint256: 'CC:DD', keyType: 'rsa', keyBits: 2048, ca: true },
    { subject: 'ISRG Root X1, Internet Security Research Group', issuer: 'ISRG Root X1, Internet Security Research Group', validFrom: '2015-06-04T11:04:38.000Z', validTo: '2035-06-04T11:04:38.000Z', names: [], selfSigned: true, fingerprint256: 'EE:FF', keyType: 'rsa', keyBits: 4096, ca: true, inTrustStore: true },
  ],
  stores: [
    { store: 'node-bundled', source: 'tls.rootCertificates', trusts: true, reason: null },
    { store: 'certifi', source: null, trusts: null, reason: 'certifi not found' },
    { store: 'ca-file', source: '/home/dev/corp-ca.pem', trusts: false, reason: null },
  ],
};
const report = { tls } as unknown as Report;

describe('certValidity: one count for findings and viewers', () => {
  it('floors days left and days ago, ceils days ahead, and flags under 14 days as expiring', () => {
    expect(certValidity('2026-01-01T00:00:00Z', '2026-11-30T18:00:00Z', NOW)).toEqual({ state: 'expiring', days: 1 });
    expect(certValidity('2026-01-01T00:00:00Z', '2026-11-29T13:00:00Z', NOW)).toEqual({ state: 'expiring', days: 0 });
    expect(certValidity('2026-01-01T00:00:00Z', '2026-11-19T12:00:00Z', NOW)).toEqual({ state: 'expired', days: 10 });
    expect(certValidity('2026-12-01T00:00:00Z', '2027-12-01T00:00:00Z', NOW)).toEqual({ state: 'not-yet', days: 2 });
    expect(certValidity('2026-01-01T00:00:00Z', '2026-12-13T12:00:00Z', NOW)).toEqual({ state: 'valid', days: 14 });
    expect(certValidity('garbage', '2026-12-13T12:00:00Z', NOW)).toBeNull();
  });

  it('names roles: leaf first, a self-signed or store-added last one the root, the rest intermediates', () => {
    expect(tls.chain.map((_, i) => certRole(tls.chain, i))).toEqual(['leaf', 'intermediate', 'root']);
  });
});

describe('report.md and terminal certificate sections', () => {
  it('report.md lists every certificate with its facts, plural-correct days, and each store’s answer', () => {
    const md = certificatesMarkdown(report, 'en').join('\n');
    expect(md).toContain('## TLS certificates');
    expect(md).toContain('Verified with the CA file /home/dev/corp-ca.pem');
    expect(md).toContain('**api.example.com \\[server certificate\\]**');
    expect(md).toContain('valid: 2026-09-01 – 2026-11-30 (1 day left)');
    expect(md).toContain('key: EC P-256 · 256 bits');
    expect(md).toContain('key: RSA · 2048 bits');
    expect(md).toContain('\\[root, self-signed, from the trust store; the server may not have sent it\\]');
    expect(md).toContain('| Node.js bundled roots | trusts it | tls.rootCertificates |');
    expect(md).toContain('| certifi (Python) | unknown | — (certifi not found) |');
    expect(md).toContain('| the CA file of this run | does not trust it | /home/dev/corp-ca.pem |');
    const zh = certificatesMarkdown(report, 'zh-CN').join('\n');
    expect(zh).toContain('剩余 1 天');
    expect(zh).toContain('校验时使用的 CA 文件：/home/dev/corp-ca.pem');
    expect(zh).toContain('密钥：EC P-256 · 256 位');
    expect(zh).toContain('| certifi 证书包（Python） | 未知 |');
  });

  it('the terminal shows the chain only when the verdict is about TLS; no section without a chain', () => {
    expect(certificatesText(report, 'en', 'tls').join('\n')).toMatch(/TLS certificates\n {2}Verified with the CA file \/home\/dev\/corp-ca\.pem\n {2}api\.example\.com \[server certificate\]/);
    expect(certificatesText(report, 'en', 'tls').join('\n')).toContain('Trust stores: Node.js bundled roots ✓ · certifi (Python) ? · the CA file of this run ✗');
    expect(certificatesText(report, 'en', 'auth')).toEqual([]);
    expect(certificatesText(report, 'en', null)).toEqual([]);
    expect(certificatesMarkdown({} as Report, 'en')).toEqual([]);
  });
});
