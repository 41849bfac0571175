import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventListeners } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src-main/cli/main.js';
import { readInputFile } from '../../../src-main/cli/read-input.js';
import { sleep } from '../../../src-main/engine/probes/server.js';
import { envCredentialRefusal } from '../../../src-main/common/env-credential-policy.js';
import { diagnosisHandlers } from '../../../src-main/app/diagnosis-handlers.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Probe } from '../../../src-main/engine/probe.js';
import { isAppPage, lockNavigation } from '../../../src-main/app/security.js';
import { trustedSenderCheck } from '../../../src-main/app/ipc.js';
import { makeLabPki } from '../../lab/index.js';

/** Issue #10 item 7: the weak points. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'weak-points-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

describe('usage errors never echo a secret the user typed', () => {
  const KEY = 'sk-proj-Zq8v1cAnaryKey0123456789abcdef';
  it.each([
    ['-H without a colon', ['diagnose', 'http://127.0.0.1:9/', '-H', `Authorization Bearer ${KEY}`]],
    ['-H x-api-key without a colon', ['diagnose', 'http://127.0.0.1:9/', '-H', `X-Api-Key ${KEY}`]],
    ['a bad proxy URL with a password', ['diagnose', 'http://127.0.0.1:9/', '--proxy', `alice:${KEY}@proxy.test:8080`]],
    ['a bad proxy scheme with a password', ['diagnose', 'http://127.0.0.1:9/', '--proxy', `ftp://alice:${KEY}@proxy.test:8080`]],
  ])('%s', async (_n, args) => {
    const o = await cli(args);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^api-doctor: /);
    expect(o.stderr).not.toContain(KEY);
    expect(o.stderr).not.toContain(KEY.slice(8, 24));
  });
});

describe('--ca-file must be PEM', () => {
  it('a file with no PEM certificate is exit 2, one line', async () => {
    const f = path.join(dir, 'not-a-ca.der');
    await writeFile(f, Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01]));
    const o = await cli(['diagnose', 'http://127.0.0.1:9/', '--ca-file', f, '--json']);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--ca-file: .* holds no PEM certificate/);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a real PEM CA file is accepted', async () => {
    const pki = await makeLabPki();
    expect(() => readInputFile('--ca-file', pki.caFile, 1 << 20)).not.toThrow();
    expect(await readFile(pki.caFile, 'utf8')).toMatch(/BEGIN CERTIFICATE/);
  });
});

describe.skipIf(process.platform !== 'linux')('-d @file caps the bytes read, not the size stat reports', () => {
  it('a procfs file (stat size 0) longer than the cap is refused', () => {
    const real = readFileSync('/proc/self/status').length;
    expect(real).toBeGreaterThan(200);
    expect(() => readInputFile('-d @/proc/self/status', '/proc/self/status', 100)).toThrow(/more than the 100 bytes/);
    expect(readInputFile('-d @/proc/self/status', '/proc/self/status', 1 << 20)).toMatch(/^Name:/);
  });
});

describe('the sample pause leaves no abort listener behind', () => {
  it('twenty pauses on one signal: no listener left, no MaxListenersExceededWarning', async () => {
    const ctrl = new AbortController();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    for (let i = 0; i < 20; i++) await sleep(1, ctrl.signal);
    await new Promise((r) => setTimeout(r, 20));
    process.off('warning', onWarning);
    expect(getEventListeners(ctrl.signal, 'abort')).toHaveLength(0);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('server and stream probes pass the real tlsTrusted', () => {
  it('no probe hard-codes tlsTrusted: true; every planCredential call asks tlsTrustedFor', () => {
    const dirp = path.resolve('src-main/engine/probes');
    for (const f of readdirSync(dirp)) {
      const src = readFileSync(path.join(dirp, f), 'utf8');
      expect(src, f).not.toMatch(/tlsTrusted:\s*true/);
      for (const call of src.match(/planCredential\(\{[^}]*\}/g) ?? []) expect(call, f).toMatch(/tlsTrusted(: tlsTrustedFor\(|,)/);
    }
  });
});

describe('the renderer may name only API-key variables as the credential source', () => {
  it.each(['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'ZHIPU_API_KEY', 'MY_SERVICE_TOKEN', 'DEEPSEEK_KEY', 'CANARY_TOKEN'])('%s is allowed', (v) => expect(envCredentialRefusal(v, false)).toBeNull());
  it.each(['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN', 'NPM_TOKEN', 'CI_JOB_TOKEN', 'SSH_AUTH_SOCK', 'GOOGLE_APPLICATION_CREDENTIALS', 'DATABASE_URL', 'HOME', 'PATH'])('%s is refused unless confirmed', (v) => {
    expect(envCredentialRefusal(v, false)).toMatch(/confirm/);
    expect(envCredentialRefusal(v, true)).toBeNull();
  });

  it('the renderer shows the confirmation box from the same policy main enforces (no copy)', () => {
    const field = readFileSync('src-renderer/components/credential-field.svelte', 'utf8');
    expect(field).toContain("from '../../src-main/common/env-credential-policy.js'");
    expect(envCredentialRefusal('AWS_SECRET_ACCESS_KEY', false)).toMatch(/another system/);
  });

  it('the app refuses a request naming AWS_SECRET_ACCESS_KEY (the probe never sees it) unless confirmed', async () => {
    const seen: (string | null)[] = [];
    const probes: Probe[] = [{ id: 'auth', stage: 'auth', dependsOn: [], run: async (c) => (seen.push(c.credential?.reveal() ?? null), { status: 'ok', data: null }) }];
    const h = diagnosisHandlers({ chooseCaFile: async () => null, engine: { probes, rules: {} }, env: { AWS_SECRET_ACCESS_KEY: 'aws-secret-0123456789abcdef' } });
    const ctx = { emit: () => {} };
    const refused = await h.startDiagnosis(ctx, defaultRequest('https://a.test', { credential: { kind: 'env', variable: 'AWS_SECRET_ACCESS_KEY' } }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'bad-input', message: expect.stringContaining('confirm') } });
    expect(seen).toEqual([]);
    const confirmed = await h.startDiagnosis(ctx, defaultRequest('https://a.test', { credential: { kind: 'env', variable: 'AWS_SECRET_ACCESS_KEY', confirmed: true } }));
    expect(confirmed.ok).toBe(true);
  });
});

describe('navigation and IPC sender checks compare the parsed URL exactly', () => {
  const appUrl = 'file:///opt/api-doctor/dist/renderer/index.html';
  it.each([
    ['file:///opt/api-doctor/dist/renderer/index.html', true],
    ['file:///opt/api-doctor/dist/renderer/index.html#/report', true],
    ['file:///opt/api-doctor/dist/renderer/index.html.evil.html', false],
    ['file:///opt/api-doctor/dist/renderer/index.htmlx', false],
    ['file:///opt/api-doctor/dist/renderer/index.html/../../../../etc/passwd', false],
    ['file:///opt/api-doctor/dist/renderer/index.html?x=1', false],
    ['https://evil.example/', false],
  ] as const)('%s → %s', (url, ok) => {
    expect(isAppPage(url, appUrl)).toBe(ok);
    const contents = { mainFrame: { url }, isDestroyed: () => false };
    expect(trustedSenderCheck(() => contents as never, appUrl)({ sender: contents, senderFrame: contents.mainFrame } as never)).toBe(ok);
  });

  it('will-frame-navigate is locked too', () => {
    const handlers = new Map<string, (...a: unknown[]) => void>();
    lockNavigation({ on: (e: string, fn: (...a: unknown[]) => void) => handlers.set(e, fn), setWindowOpenHandler: () => {} } as never, appUrl);
    expect(handlers.has('will-frame-navigate')).toBe(true);
    let prevented = false;
    handlers.get('will-frame-navigate')!({ url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    prevented = false;
    handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, `${appUrl}.evil.html`);
    expect(prevented).toBe(true);
  });
});
