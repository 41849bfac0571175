import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli as runCliIn } from '../cli-run.js';
import type { Report } from '../../src-main/common/report.js';
import { createKeychainStore } from '../../src-main/credentials/keychain-store.js';
import { credentialHandlers } from '../../src-main/app/credential-handlers.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { randomCanary } from './canary-forms.js';

/**
 * The keychain round trip against a real Secret Service (gnome-keyring on a D-Bus session bus):
 * save, list, use in a diagnosis against the lab (200 with the right key, 401 with the wrong
 * one), rename, delete — through the CLI and through the app's IPC handlers. Runs in its own
 * keychain service name and config dir, so a developer's saved keys are never touched.
 */
const SERVICE = `api-doctor-test-${process.pid}-${Date.now()}`;

async function secretServiceReason(): Promise<string | null> {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) return 'no DBUS_SESSION_BUS_ADDRESS (run under dbus-run-session with an unlocked gnome-keyring, as .ci/run does)';
  try {
    const keytar = ((await import('keytar')) as unknown as { default?: typeof import('keytar') }).default ?? (await import('keytar'));
    await keytar.setPassword(SERVICE, 'probe', 'probe-value');
    const back = await keytar.getPassword(SERVICE, 'probe');
    await keytar.deletePassword(SERVICE, 'probe');
    return back === 'probe-value' ? null : 'the keychain did not return what was saved';
  } catch (e) {
    return `no usable Secret Service: ${e instanceof Error ? e.message : String(e)}`;
  }
}
const skipReason = await secretServiceReason();
if (skipReason) console.log(`[keychain tests skipped] ${skipReason}`);

// CI provides a Secret Service (.ci/run): there, a missing one is a failure, not a skip.
describe.runIf(skipReason !== null && process.env.API_DOCTOR_REQUIRE_KEYCHAIN === '1')('OS keychain required', () => {
  it('a usable Secret Service is available', () => {
    expect(skipReason).toBeNull();
  });
});

const GOOD = randomCanary('sk-good');
const BAD = randomCanary('sk-bad');
let api: CanaryApi;
let config: string;
let env: NodeJS.ProcessEnv;

/** The CLI with this test's environment (its own keychain service and config dir). */
const cli = (args: string[], stdin?: string) => runCliIn(args, env, stdin !== undefined ? { stdin } : {});

describe.skipIf(skipReason !== null)('OS keychain round trip (Secret Service)', () => {
  beforeAll(async () => {
    api = await startCanaryApi({ accessToken: 'unused-access-token', validKey: GOOD });
    config = await mkdtemp(path.join(os.tmpdir(), 'keychain-cfg-'));
    env = { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, XDG_CONFIG_HOME: config, API_DOCTOR_KEYCHAIN_SERVICE: SERVICE };
  });
  afterAll(async () => {
    await createKeychainStore({ env }).reset();
    await api?.close();
    await rm(config, { recursive: true, force: true });
  });

  it('CLI: save, list, diagnose with it (200 vs 401), rename, delete', async () => {
    expect(await cli(['credentials', 'add', 'good', '--provider', 'generic'], `${GOOD}\n`)).toMatchObject({ code: 0 });
    expect(await cli(['credentials', 'add', 'bad'], BAD)).toMatchObject({ code: 0 });

    // The secret is in the keychain, and only there.
    const keytar = ((await import('keytar')) as unknown as { default?: typeof import('keytar') }).default ?? (await import('keytar'));
    expect(await keytar.getPassword(SERVICE, 'good')).toBe(GOOD);
    const meta = await readFile(path.join(config, 'api-doctor', `credentials.${SERVICE}.json`), 'utf8');
    expect(meta).toContain('"good"');
    expect(meta).not.toContain(GOOD.slice(4, 20));

    const list = await cli(['credentials', 'list']);
    expect(list.stdout).toMatch(/good\s+generic\s+bearer\s+sk-…/);
    expect(list.stdout).toContain(`…${GOOD.slice(-4)}`);
    expect(list.stdout + list.stderr).not.toContain(GOOD.slice(4, 20));

    const url = api.url('http', '/v1/models');
    const ok = await cli(['diagnose', url, '--credential', 'good', '--json', '--samples', '1', '--timeout', '4000']);
    const okReport = JSON.parse(ok.stdout) as Report;
    expect(okReport.findings.filter((f) => f.stage === 'auth' || f.severity === 'error')).toEqual([]);
    expect(ok.code).toBe(0);
    expect(api.received.some((r) => r.auth === `Bearer ${GOOD}`)).toBe(true);

    const rejected = await cli(['diagnose', url, '--credential', 'bad', '--json', '--samples', '1', '--timeout', '4000']);
    expect((JSON.parse(rejected.stdout) as Report).summary.rootCause).toBe('AUTH_REJECTED');
    expect(rejected.code).toBe(1);
    expect(rejected.stdout + rejected.stderr).not.toContain(BAD.slice(4, 20));

    expect(await cli(['credentials', 'rename', 'good', 'prod key'])).toMatchObject({ code: 0 });
    expect(await keytar.getPassword(SERVICE, 'good')).toBeNull();
    const renamed = await cli(['diagnose', url, '--credential', 'prod key', '--json', '--samples', '1', '--timeout', '4000']);
    expect(renamed.code).toBe(0);
    const gone = await cli(['diagnose', url, '--credential', 'good', '--json']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/No saved credential is named "good"/);

    expect(await cli(['credentials', 'remove', 'prod key'])).toMatchObject({ code: 0 });
    expect(await cli(['credentials', 'remove', 'bad'])).toMatchObject({ code: 0 });
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
    expect((await cli(['credentials', 'list'])).stdout).toMatch(/no saved credentials/);
  });

  it('app IPC: save, list, rename, delete against the real keychain — no channel returns the secret', async () => {
    const store = createKeychainStore({ env });
    expect(await store.reset()).toEqual({ ok: true, value: undefined });
    const h = credentialHandlers({ credentialStore: () => store });
    const ctx = { emit: () => {} };
    const answers: unknown[] = [];
    const call = async <T>(p: Promise<T>) => {
      const r = await p;
      answers.push(r);
      return r;
    };
    const saved = await call(h.saveCredential(ctx, { name: 'ipc key', provider: 'openai', placement: { kind: 'bearer' }, secret: GOOD }));
    expect(saved).toMatchObject({ ok: true, value: { name: 'ipc key', fingerprint: `sk-…${GOOD.slice(-4)}` } });
    expect(await call(h.listCredentials(ctx))).toMatchObject({ ok: true, value: [{ name: 'ipc key', provider: 'openai' }] });
    expect(await call(h.renameCredential(ctx, 'ipc key', 'ipc key 2'))).toMatchObject({ ok: true, value: { name: 'ipc key 2' } });
    const got = await store.get('ipc key 2');
    expect(got.ok && got.value?.secret.reveal()).toBe(GOOD);
    expect(await call(h.deleteCredential(ctx, 'ipc key 2'))).toEqual({ ok: true, value: { deleted: true } });
    expect(await call(h.listCredentials(ctx))).toEqual({ ok: true, value: [] });
    expect(JSON.stringify(answers)).not.toContain(GOOD.slice(4, 20));
  });
});
