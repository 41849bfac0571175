import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../src-main/common/request.js';
import { forgetPython } from '../../src-main/engine/clients/python.js';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { makeLabPki, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';

// issue 13: python3 starts only when a Python row needs what only it can tell. A fake python3 on
// PATH leaves a mark when it runs, so the test sees whether a process was started at all.
let pki: LabPki;
let web: LabServer;
let dir: string;
beforeAll(async () => {
  pki = await makeLabPki();
  web = await startTlsServer(pki, 'healthy');
  dir = mkdtempSync(path.join(tmpdir(), 'lazy-python-'));
  const py = path.join(dir, 'python3');
  writeFileSync(py, `#!/bin/sh\n/usr/bin/touch "${path.join(dir, 'ran')}"\necho '{"version": "3.11.2", "executable": "${py}", "modules": {"requests": true, "httpx": true}, "certifi": null}'\n`);
  chmodSync(py, 0o755);
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = () => defaultRequest(`https://api.lab.test:${web.port}/v1/models`, { caFile: pki.caFile, resolve: [{ host: 'api.lab.test', port: web.port, address: '127.0.0.1' }] });
const ran = () => existsSync(path.join(dir, 'ran'));
const row = (r: Awaited<ReturnType<typeof runDiagnosis>>, id: string) => r.clients?.find((c) => c.id === id);

describe('python3 for the client matrix, only when needed', () => {
  it('the stores certifi can be agree about the chain (both refuse the lab root): no python3 starts; the rows say what PATH told and the shared verdict', async () => {
    forgetPython();
    rmSync(path.join(dir, 'ran'), { force: true });
    const r = await runDiagnosis(request(), { platform: { env: { PATH: dir }, systemCaCertificates: async () => [] } });
    expect(ran()).toBe(false);
    expect(row(r, 'python-requests')).toMatchObject({ outcome: 'fail', code: 'TLS_UNTRUSTED_CERT', label: `Python requests (${path.join(dir, 'python3')})` });
    expect(row(r, 'python-requests')?.reason).toContain("pip's Mozilla list and Debian's OS bundle alike");
  });

  it('they disagree (the OS store has the root, Mozilla’s list does not): python3 is asked, alongside the HTTP stages, and its certifi decides', async () => {
    forgetPython();
    rmSync(path.join(dir, 'ran'), { force: true });
    const r = await runDiagnosis(request(), { platform: { env: { PATH: dir }, systemCaCertificates: async () => [pki.root.cert] } });
    expect(ran()).toBe(true);
    // This python3 has no certifi: its rows are unknown with that reason, never a guess.
    expect(row(r, 'python-requests')).toMatchObject({ outcome: 'unknown', label: `Python 3.11.2 requests (${path.join(dir, 'python3')})` });
    expect(row(r, 'python-requests')?.reason).toContain('certifi is not installed');
  });

  it('no python3 on PATH: the Python rows are unknown (not found) and nothing is started', async () => {
    forgetPython();
    const r = await runDiagnosis(request(), { platform: { env: { PATH: path.join(dir, 'none') }, systemCaCertificates: async () => [pki.root.cert] } });
    expect(row(r, 'python-httpx')).toMatchObject({ outcome: 'unknown' });
    expect(row(r, 'python-httpx')?.reason).toBe('Not judged: python3 not found.');
  });
});

describe('watch judged as curl', () => {
  it('a chain only the OS store trusts: the light samples pass as curl would (they trust the OS store too)', async () => {
    const { runCli } = await import('../../src-main/cli/main.js');
    const corp = await startTlsServer(pki, 'os-only');
    try {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['watch', `https://api.lab.test:${corp.port}/v1/models`, '--resolve', `api.lab.test:${corp.port}:127.0.0.1`, '--every', '1', '--count', '2', '--json'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { PATH: path.join(dir, 'none') },
        cwd: process.cwd(),
        diagnose: { platform: { systemCaCertificates: async () => [pki.corpRoot.cert] } },
      });
      expect(stdout, stderr).not.toBe('');
      const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok?: boolean; summary?: { failures: number } });
      expect(lines.filter((l) => l.ok === true)).toHaveLength(2);
      expect(lines.at(-1)?.summary?.failures).toBe(0);
      expect(code).toBe(0);
    } finally {
      await corp.close();
    }
  });
});
