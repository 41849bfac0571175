import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryStore, memorySecretBackend } from '../../../src-main/credentials/memory-store.js';
import { createEnvStore } from '../../../src-main/credentials/env-store.js';
import { fileMetadataRepo, defaultConfigDir } from '../../../src-main/credentials/metadata-file.js';
import { metadataBackedStore } from '../../../src-main/credentials/metadata-store.js';
import { keytarBackend } from '../../../src-main/credentials/keytar-backend.js';
import { applyCredentialDefaults, resolveCredential } from '../../../src-main/credentials/resolve.js';
import { Secret } from '../../../src-main/engine/secret.js';
import { defaultRequest } from '../../../src-main/common/request.js';

const KEY = 'sk-proj-abcdefghijklmnopqrstuvwx9f2c';

describe('credential store over metadata + secret backend', () => {
  it('saves, lists (fingerprint only), gets, renames and deletes', async () => {
    const backend = memorySecretBackend();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cred-'));
    const file = path.join(dir, 'sub', 'credentials.json');
    const store = metadataBackedStore('memory', backend, fileMetadataRepo(file));
    const saved = await store.save({ name: 'work openai', provider: 'openai', placement: { kind: 'bearer' }, secret: new Secret(KEY) });
    expect(saved).toMatchObject({ ok: true, value: { name: 'work openai', fingerprint: 'sk-proj-…9f2c' } });

    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('abcdefghij');
    expect(onDisk).toContain('sk-proj-…9f2c');
    expect((await stat(file)).mode & 0o077).toBe(0);

    const list = await store.list();
    expect(list.ok && list.value.map((c) => c.name)).toEqual(['work openai']);
    expect(JSON.stringify(list)).not.toContain('abcdefghij');

    const got = await store.get('work openai');
    expect(got.ok && got.value?.secret.reveal()).toBe(KEY);

    expect(await store.save({ name: 'work openai', provider: 'openai', placement: { kind: 'bearer' }, secret: new Secret('other-secret-1234') })).toMatchObject({ ok: false, error: { kind: 'bad-input' } });

    const renamed = await store.rename('work openai', 'prod');
    expect(renamed).toMatchObject({ ok: true, value: { name: 'prod', provider: 'openai' } });
    expect([...backend.peek().keys()]).toEqual(['prod']);
    expect((await store.get('work openai')).ok && (await store.get('work openai'))).toMatchObject({ ok: true, value: null });

    expect(await store.delete('prod')).toEqual({ ok: true, value: true });
    expect(await store.delete('prod')).toEqual({ ok: true, value: false });
    expect(backend.peek().size).toBe(0);
    expect(await store.list()).toEqual({ ok: true, value: [] });
  });

  it('rejects bad names and secrets with a clear message', async () => {
    const store = createMemoryStore();
    const bad = await store.save({ name: '../etc', provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret('x'.repeat(20)) });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    const nl = await store.save({ name: 'ok', provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret('abc\ndef-ghijkl') });
    expect(nl.ok).toBe(false);
    if (!nl.ok) expect(nl.error.message).toMatch(/line break/);
    expect((await store.rename('missing', 'x')).ok).toBe(false);
  });

  it('reports a damaged settings file instead of crashing or overwriting it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cred-'));
    const file = path.join(dir, 'credentials.json');
    await writeFile(file, '{ not json');
    const store = metadataBackedStore('memory', memorySecretBackend(), fileMetadataRepo(file));
    const r = await store.list();
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!r.ok) expect(r.error.message).toContain('not valid JSON');
    expect((await store.save({ name: 'a', provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret('abcdefgh1234') })).ok).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });

  it('serialises concurrent saves: none is lost', async () => {
    const store = createMemoryStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ name: `k${i}`, provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret(`secret-value-${i}`) })));
    const list = await store.list();
    expect(list.ok && list.value.length).toBe(20);
  });

  it('reset forgets everything', async () => {
    const store = createMemoryStore();
    await store.save({ name: 'a', provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret('abcdefgh1234') });
    await store.reset();
    expect(await store.list()).toEqual({ ok: true, value: [] });
  });
});

describe('environment store', () => {
  it('is read-only and lists only the variables it was given', async () => {
    const env = { CI_KEY: KEY, UNRELATED_SECRET: 'zzzzzzzzzzzzzzzz' };
    const store = createEnvStore(env, ['CI_KEY', 'MISSING']);
    const list = await store.list();
    expect(list.ok && list.value.map((c) => [c.name, c.fingerprint])).toEqual([['CI_KEY', 'sk-proj-…9f2c']]);
    const got = await store.get('CI_KEY');
    expect(got.ok && got.value?.secret.reveal()).toBe(KEY);
    expect(await store.get('MISSING')).toEqual({ ok: true, value: null });
    expect((await store.save({ name: 'x', provider: 'generic', placement: { kind: 'bearer' }, secret: new Secret(KEY) })).ok).toBe(false);
    expect((await store.delete('CI_KEY')).ok).toBe(false);
  });
});

describe('keychain backend without a keychain', () => {
  it('says so and points to --token-env when there is no D-Bus session (never a plaintext fallback)', async () => {
    let loaded = false;
    const b = keytarBackend({ env: {}, platform: 'linux', load: async () => ((loaded = true), ({}) as never) });
    const r = await b.set('a', 'secret-value');
    expect(r).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    if (!r.ok) expect(r.error.message).toMatch(/--token-env/);
    expect(loaded).toBe(false);
  });

  it('wraps a missing native module and Secret Service errors', async () => {
    const noModule = keytarBackend({ env: { DBUS_SESSION_BUS_ADDRESS: 'x' }, platform: 'linux', load: async () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')) });
    const r1 = await noModule.get('a');
    expect(!r1.ok && r1.error.message).toMatch(/could not be loaded: libsecret.*--token-env/s);
    const failing = keytarBackend({
      env: { DBUS_SESSION_BUS_ADDRESS: 'x' },
      platform: 'linux',
      load: async () =>
        ({
          getPassword: async () => {
            throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
          },
        }) as never,
    });
    const r2 = await failing.get('a');
    expect(!r2.ok && r2.error).toMatchObject({ kind: 'unavailable' });
    expect(!r2.ok && r2.error.message).toContain('org.freedesktop.secrets');
  });
});

describe('resolver', () => {
  it('resolves env and keychain references, and fills placement defaults from a saved credential', async () => {
    const store = createMemoryStore();
    await store.save({ name: 'zp', provider: 'zhipu', placement: { kind: 'header', name: 'x-api-key' }, secret: new Secret(KEY) });
    let opened = 0;
    const deps = { keychain: () => (opened++, store), env: { TOK: 'env-token-123456' } };
    expect(await resolveCredential({ kind: 'none' }, deps)).toEqual({ ok: true, value: null });
    const env = await resolveCredential({ kind: 'env', variable: 'TOK' }, deps);
    expect(env.ok && env.value?.secret.reveal()).toBe('env-token-123456');
    expect(opened).toBe(0);
    expect((await resolveCredential({ kind: 'env', variable: 'NOPE' }, deps)).ok).toBe(false);
    const kc = await resolveCredential({ kind: 'keychain', name: 'zp' }, deps);
    expect(kc.ok && kc.value?.info?.provider).toBe('zhipu');
    const missing = await resolveCredential({ kind: 'keychain', name: 'nope' }, deps);
    expect(!missing.ok && missing.error.message).toContain('credentials list');
    const req = applyCredentialDefaults(defaultRequest('https://h.test/'), kc.ok ? kc.value : null);
    expect(req.auth).toEqual({ kind: 'header', name: 'x-api-key' });
    expect(req.provider).toBe('zhipu');
    const explicit = applyCredentialDefaults(defaultRequest('https://h.test/', { auth: { kind: 'bearer' } }), kc.ok ? kc.value : null);
    expect(explicit.auth).toEqual({ kind: 'bearer' });
  });

  it('keeps credentials of CLI and app in the same config dir', () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/api-doctor');
    expect(defaultConfigDir({}, 'linux', '/home/u')).toBe('/home/u/.config/api-doctor');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/api-doctor');
  });
});
