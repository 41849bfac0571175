import { describe, expect, it } from 'vitest';
import { credentialHandlers } from '../../../src-main/app/credential-handlers.js';
import { createMemoryStore } from '../../../src-main/credentials/memory-store.js';
import { createHandlerTable } from '../../../src-main/app/handler-table.js';
import { DOCTOR_METHODS } from '../../../src-main/common/ipc-contract.js';

const KEY = 'sk-proj-abcdefghijklmnopqrstuvwx9f2c';
const ctx = { emit: () => {} };

describe('credential IPC handlers', () => {
  const store = createMemoryStore();
  const h = credentialHandlers({ credentialStore: () => store });

  it('save → list → rename → delete, and no answer ever carries the secret', async () => {
    const answers = [
      await h.saveCredential(ctx, { name: 'work', provider: 'openai', placement: { kind: 'bearer' }, secret: KEY }),
      await h.listCredentials(ctx),
      await h.renameCredential(ctx, 'work', 'prod'),
      await h.listCredentials(ctx),
    ];
    expect(answers[0]).toEqual({ ok: true, value: expect.objectContaining({ name: 'work', fingerprint: 'sk-proj-…9f2c' }) });
    expect(answers[3]).toMatchObject({ ok: true, value: [{ name: 'prod' }] });
    expect(JSON.stringify(answers)).not.toContain('abcdefghij');
    expect(await h.deleteCredential(ctx, 'prod')).toEqual({ ok: true, value: { deleted: true } });
    expect(await h.deleteCredential(ctx, 'prod')).toEqual({ ok: true, value: { deleted: false } });
  });

  it('validates every input, and a refusal never echoes the secret', async () => {
    const bad: unknown[] = [
      undefined,
      'sk-abc',
      { name: 'x', provider: 'openai', placement: { kind: 'bearer' } },
      { name: 'x', provider: 'nope', placement: { kind: 'bearer' }, secret: KEY },
      { name: '', provider: 'openai', placement: { kind: 'bearer' }, secret: KEY },
      { name: 'x', provider: 'openai', placement: { kind: 'header', name: 'bad header' }, secret: KEY },
      { name: 'x', provider: 'openai', placement: { kind: 'oauth-client-credentials', tokenUrl: 'file:///etc/passwd', clientId: 'a' }, secret: KEY },
      { name: 'x', provider: 'openai', placement: { kind: 'bearer' }, secret: `${KEY}\n${KEY}` },
      { name: 'x', provider: 'openai', placement: { kind: 'bearer' }, secret: 'x'.repeat(20_000) },
      { name: 'x', provider: 'openai', placement: { kind: 'bearer' }, secret: KEY, extra: 1 },
    ];
    for (const input of bad) {
      const r = await h.saveCredential(ctx, input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('bad-input');
        expect(r.error.message).not.toContain('abcdefghij');
      }
    }
    expect((await h.renameCredential(ctx, 'a', '../../etc')).ok).toBe(false);
    expect((await h.renameCredential(ctx, { name: 'a' }, 'b')).ok).toBe(false);
    expect((await h.deleteCredential(ctx, 42)).ok).toBe(false);
  });

  it('the app table wires every credential and bundle method', () => {
    const table = createHandlerTable({ versions: {}, platform: 'linux', credentialStore: () => createMemoryStore() });
    for (const m of ['listCredentials', 'saveCredential', 'renameCredential', 'deleteCredential', 'previewBundle', 'exportBundle', 'openBundle'] as const) {
      expect(DOCTOR_METHODS).toContain(m);
      expect(typeof table[m]).toBe('function');
    }
  });
});
