import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli as runCliIn } from '../cli-run.js';
import type { DiagnoseDeps } from '../../src-main/cli/diagnose.js';
import { closedPort, diagnoseJson, makeLabPki, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';
import { reportSchemaErrors } from '../report-schema.js';
import type { CredentialStore } from '../../src-main/credentials/store.js';

const human = (argv: string[], opts: { env?: NodeJS.ProcessEnv; tty?: boolean; deps?: DiagnoseDeps } = {}) =>
  runCliIn(['diagnose', ...argv], opts.env ?? {}, { tty: opts.tty ?? false, ...(opts.deps ? { diagnose: opts.deps } : {}) });

let pki: LabPki;
let healthy: LabServer;
let expired: LabServer;
beforeAll(async () => {
  pki = await makeLabPki();
  healthy = await startTlsServer(pki, 'healthy');
  expired = await startTlsServer(pki, 'expired');
});
afterAll(async () => {
  await Promise.all([healthy.close(), expired.close()]);
});

describe('api-doctor diagnose', () => {
  it('--json prints exactly one JSON document, valid against the schema, and nothing on stderr', async () => {
    const r = await diagnoseJson([expired.url(), '--ca-file', pki.caFile]);
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(reportSchemaErrors(JSON.parse(r.stdout))).toEqual([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('human text: verdict and root cause with its fixes first, then the checklist and the timing bar', async () => {
    const r = await human([expired.url(), '--ca-file', pki.caFile]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/FAILING/);
    const root = out.indexOf('TLS_CERT_EXPIRED');
    const fixes = out.indexOf('How to fix');
    const checks = out.indexOf('Checks');
    const timing = out.indexOf('Timing');
    expect(root).toBeGreaterThan(0);
    expect(fixes).toBeGreaterThan(root);
    expect(checks).toBeGreaterThan(fixes);
    expect(timing).toBeGreaterThan(checks);
    expect(out).toMatch(/✓ environment/);
    expect(out).toMatch(/✗ tls/);
    expect(out).toMatch(/– http/);
    expect(out).toMatch(/DNS lookup.*TCP connect.*TLS handshake/);
    expect(out).not.toContain('\x1b['); // not a terminal: no colours
  });

  it('--lang zh-CN speaks Chinese', async () => {
    const r = await human([expired.url(), '--ca-file', pki.caFile, '--lang', 'zh-CN']);
    expect(r.stdout).toContain('服务器证书已过期');
    expect(r.stdout).toContain('修复方法');
    expect(r.stdout).toContain('检查项');
  });

  it('live progress goes to stderr only when it is a terminal', async () => {
    const tty = await human([healthy.url(), '--ca-file', pki.caFile], { tty: true });
    expect(tty.stderr).toMatch(/✓ tls/);
    const pipe = await human([healthy.url(), '--ca-file', pki.caFile]);
    expect(pipe.stderr).toBe('');
  });

  it('a healthy target exits 0', async () => {
    const r = await human([healthy.url(), '--ca-file', pki.caFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ tls/);
  });

  it('--token-env naming a missing or empty variable exits 2 with one line', async () => {
    for (const env of [{}, { MY_KEY: '  ' }]) {
      const r = await human([healthy.url(), '--token-env', 'MY_KEY'], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/MY_KEY/);
    }
  });

  it('the credential from --token-env never appears in the output', async () => {
    const secret = 'sk-lab-canary-5f1e0c9a2b7d44e1';
    const j = await diagnoseJson([expired.url(), '--token-env', 'MY_KEY', '--ca-file', pki.caFile], { env: { MY_KEY: secret } });
    const t = await human([expired.url(), '--token-env', 'MY_KEY', '--ca-file', pki.caFile], { env: { MY_KEY: secret } });
    for (const s of [j.stdout, j.stderr, t.stdout, t.stderr]) expect(s).not.toContain(secret);
  });

  it('--credential with an unavailable keychain exits 2 and suggests --token-env', async () => {
    const down = async () => ({ ok: false as const, error: { kind: 'unavailable' as const, message: 'no secret service' } });
    const broken: CredentialStore = { kind: 'keychain', list: down, get: down, save: down, rename: down, delete: down, reset: down };
    const r = await human([healthy.url(), '--credential', 'work'], { deps: { openKeychain: () => broken } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--token-env/);
  });

  it('--bundle reaches the bundle hook and reports on stderr; the exit code still reflects the diagnosis', async () => {
    const port = await closedPort();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'api-doctor-cli-')), 'out.zip');
    const r = await human([`https://127.0.0.1:${port}/`, '--bundle', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bundle/);
  });

  it('cancelling (Ctrl-C) still prints the report of what ran', async () => {
    const ctrl = new AbortController();
    ctrl.abort(new Error('cancelled (Ctrl-C)'));
    const r = await human([healthy.url(), '--ca-file', pki.caFile], { deps: { signal: ctrl.signal } });
    expect(r.stdout).toMatch(/Checks/);
    expect(r.stdout).toMatch(/cancelled/);
  });
});
