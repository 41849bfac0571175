import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { runCredentialsCli } from '../../../src-main/cli/credentials.js';
import { runCli } from '../../../src-main/cli/main.js';
import { createMemoryStore } from '../../../src-main/credentials/memory-store.js';
import type { CliIo } from '../../../src-main/cli/io.js';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz-7a1b';

function io(stdin?: string) {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
    cwd: process.cwd(),
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  };
  return { io: value, out };
}

describe('api-doctor credentials', () => {
  it('adds from stdin, lists fingerprints only, renames and removes', async () => {
    const store = createMemoryStore();
    const deps = { openStore: () => store };
    const a = io(`${KEY}\n`);
    expect(await runCredentialsCli(['add', 'claude', '--provider', 'anthropic', '--auth', 'header:x-api-key'], a.io, deps)).toBe(0);
    expect(a.out.stdout).toContain('sk-ant-api03-…7a1b');
    const got = await store.get('claude');
    expect(got.ok && got.value?.secret.reveal()).toBe(KEY);

    const l = io();
    expect(await runCredentialsCli(['list'], l.io, deps)).toBe(0);
    expect(l.out.stdout).toMatch(/claude\s+anthropic\s+header:x-api-key\s+sk-ant-api03-…7a1b/);
    const j = io();
    expect(await runCredentialsCli(['list', '--json'], j.io, deps)).toBe(0);
    expect(JSON.parse(j.out.stdout)[0]).toMatchObject({ name: 'claude', placement: { kind: 'header', name: 'x-api-key' } });
    for (const o of [a, l, j]) expect(o.out.stdout + o.out.stderr).not.toContain('abcdefghij');

    expect(await runCredentialsCli(['rename', 'claude', 'claude prod'], io().io, deps)).toBe(0);
    const r = io();
    expect(await runCredentialsCli(['remove', 'claude prod'], r.io, deps)).toBe(0);
    expect(r.out.stdout).toContain('removed');
    const again = io();
    expect(await runCredentialsCli(['remove', 'claude prod'], again.io, deps)).toBe(2);
  });

  it('refuses a secret on the command line without echoing it', async () => {
    const { io: i, out } = io(KEY);
    const code = await runCli(['credentials', 'add', 'x', '--secret', KEY], i);
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/never taken from the command line/);
    expect(out.stderr).not.toContain('abcdefghij');
  });

  it('stores OAuth client credentials and validates options', async () => {
    const store = createMemoryStore();
    const deps = { openStore: () => store };
    expect(await runCredentialsCli(['add', 'svc', '--oauth-token-url', 'http://127.0.0.1:9/token', '--oauth-client-id', 'app'], io('client-secret-123456').io, deps)).toBe(0);
    const got = await store.get('svc');
    expect(got.ok && got.value?.info.placement).toEqual({ kind: 'oauth-client-credentials', tokenUrl: 'http://127.0.0.1:9/token', clientId: 'app' });
    expect(await runCli(['credentials', 'add', 'svc2', '--provider', 'nope'], io('abc').io)).toBe(2);
    expect(await runCredentialsCli(['add', 'empty'], io('\n').io, deps)).toBe(2);
    expect(await runCredentialsCli(['add', 'svc'], io('another-secret-1').io, deps)).toBe(2);
    expect(await runCredentialsCli(['add', 'svc', '--replace'], io('another-secret-1').io, deps)).toBe(0);
  });

  it('without a Secret Service, says so and points to --token-env (exit 3)', async () => {
    const { io: i, out } = io();
    i.env = { XDG_CONFIG_HOME: '/nonexistent-for-test' };
    if (process.platform !== 'linux') return;
    const code = await runCli(['credentials', 'list'], i);
    // list reads only the settings file; remove has to ask the keychain.
    expect(code).toBe(0);
    const rm = io();
    rm.io.env = { XDG_CONFIG_HOME: '/nonexistent-for-test' };
    expect(await runCli(['credentials', 'remove', 'x'], rm.io)).toBe(3);
    expect(rm.out.stderr).toMatch(/keychain is not available.*--token-env/);
    void out;
  });
});

describe('hidden prompt', () => {
  it('reads a typed secret from a TTY without echoing it (backspace works, Enter ends)', async () => {
    const { PassThrough } = await import('node:stream');
    const tty = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[], setRawMode(this: { raw: boolean[] }, on: boolean) {
      this.raw.push(on);
      return this;
    } });
    const store = createMemoryStore();
    const { io: i, out } = io();
    i.stdin = tty;
    const done = runCredentialsCli(['add', 'typed'], i, { openStore: () => store });
    setTimeout(() => tty.write('sk-typed-secret-1234x\u007f5\r'), 20);
    expect(await done).toBe(0);
    const got = await store.get('typed');
    expect(got.ok && got.value?.secret.reveal()).toBe('sk-typed-secret-12345');
    expect(tty.raw).toEqual([true, false]);
    expect(out.stderr).toContain('input hidden');
    expect(out.stderr + out.stdout).not.toContain('typed-secret');
  });
});
