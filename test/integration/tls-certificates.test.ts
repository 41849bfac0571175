import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { diagnoseJson, startPlainHttpServer, type TlsFault } from '../lab/index.js';
import { useTlsLab } from '../lab/tls-pool.js';
import { parseReportJson } from '../../src-main/bundle/report-schema.js';

/** The report's certificate section (issue #15 item 5): the chain as sent, and which stores trust it. */
const TIMEOUT = 2_000;
const lab = useTlsLab();
const start = (fault: TlsFault) => lab.start(fault);

describe('report.tls: the certificate viewer’s data', () => {
  it('a healthy chain verified with --ca-file: leaf then intermediate, names, dates, fingerprint, key, and the CA file trusts it', async () => {
    const s = await start('healthy');
    const run = await diagnoseJson([s.url('https', '/v1/models'), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
    const t = run.report.tls!;
    expect(t).toBeDefined();
    expect(t.caFile).toBe(lab.pki.caFile);
    // The server sent leaf + intermediate; Node completes the chain with the root from the CA file, and says so.
    expect(t.chain.map((c) => c.subject)).toEqual([expect.stringMatching(/localhost|lab/i), expect.stringMatching(/Lab Intermediate/), expect.stringMatching(/Lab Root/)]);
    expect(t.chain.map((c) => c.inTrustStore ?? false)).toEqual([false, false, true]);
    const leaf = t.chain[0]!;
    // The fingerprint is the one of the certificate the server really sent.
    expect(leaf.fingerprint256).toBe(new X509Certificate(s.leaf.cert).fingerprint256);
    expect(leaf.names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
    expect(Date.parse(leaf.validTo)).toBeGreaterThan(Date.parse(t.checkedAt));
    expect(leaf).toMatchObject({ keyType: 'ec', keyBits: 256, curve: expect.stringMatching(/P-256|prime256v1/), ca: false, selfSigned: false });
    expect(t.chain[1]).toMatchObject({ ca: true });
    expect(t.protocol).toMatch(/^TLSv1\.[23]$/);
    // Node's bundle does not know the lab root; the CA file does.
    expect(t.stores.find((x) => x.store === 'node-bundled')).toMatchObject({ trusts: false, reason: null });
    expect(t.stores.find((x) => x.store === 'ca-file')).toMatchObject({ source: lab.pki.caFile, trusts: true });
    // Every store is answered: yes, no, or unknown with a reason.
    for (const st of t.stores) expect(st.trusts !== null || (st.reason ?? '') !== '', st.store).toBe(true);
  });

  it('a chain only the OS store anchors: os trusts it, Node’s bundle does not, and no CA-file row without --ca-file', async () => {
    const s = await start('os-only');
    const run = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)], { deps: { platform: { systemCaCertificates: async () => [lab.pki.corpRoot.cert] } } });
    const t = run.report.tls!;
    expect(t.caFile).toBeNull();
    // Nothing completed it from Node's store (the OS store is not the handshake's): the chain as sent.
    expect(t.chain.map((c) => c.subject)).toEqual([expect.anything(), expect.stringMatching(/Example Corp Issuing CA/)]);
    expect(t.chain.some((c) => c.inTrustStore)).toBe(false);
    expect(t.stores.find((x) => x.store === 'node-bundled')?.trusts).toBe(false);
    expect(t.stores.find((x) => x.store === 'os')).toMatchObject({ trusts: true });
    expect(t.stores.some((x) => x.store === 'ca-file')).toBe(false);
  });

  it('an expired leaf: the dates say so, and the TLS finding names the CA file it was verified with', async () => {
    const s = await start('expired');
    const run = await diagnoseJson([s.url(), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
    const t = run.report.tls!;
    expect(Date.parse(t.chain[0]!.validTo)).toBeLessThan(Date.parse(t.checkedAt));
    const f = run.report.findings.find((x) => x.code === 'TLS_CERT_EXPIRED')!;
    expect(f.evidence.caFile).toBe(lab.pki.caFile);
    expect(f.detail).toContain(`Verified with the CA file ${lab.pki.caFile}`);
  });

  it('a self-signed leaf: one certificate, self-signed, trusted by no store; an untrusted finding names the CA file', async () => {
    const s = await start('self-signed');
    const run = await diagnoseJson([s.url(), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT), '--lang', 'zh-CN']);
    const t = run.report.tls!;
    expect(t.chain).toHaveLength(1);
    expect(t.chain[0]!.selfSigned).toBe(true);
    expect(t.stores.filter((x) => x.trusts === true)).toEqual([]);
    const f = run.report.findings.find((x) => x.code === 'TLS_UNTRUSTED_CERT')!;
    expect(f.detail).toContain(`CA 文件 ${lab.pki.caFile}`);
  });

  it('plain http:// has no certificate section', async () => {
    const s = await startPlainHttpServer();
    lab.keep(s);
    const run = await diagnoseJson([s.url('http')]);
    expect(run.report.tls).toBeUndefined();
  });

  it('a bundle keeps the section; a malformed one from a foreign tool is dropped, not the report', async () => {
    const s = await start('healthy');
    const run = await diagnoseJson([s.url(), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
    const back = parseReportJson(JSON.parse(JSON.stringify(run.report)));
    expect(back.ok && back.value.tls).toEqual(run.report.tls);
    const bad = parseReportJson({ ...JSON.parse(JSON.stringify(run.report)), tls: { chain: 'nope' } });
    expect(bad.ok).toBe(true);
    expect(bad.ok && bad.value.tls).toBeUndefined();
  });
});
