import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleHandlers, defaultBundleName } from '../../../src-main/app/bundle-handlers.js';
import { leakyReport, rawZip } from './fixtures.js';
import { randomCanary, findLeak } from '../../integration/canary-forms.js';
import { strToU8 } from 'fflate';

const ctx = { emit: () => {} };

function handlers(over: { save?: string | null; open?: string | null } = {}) {
  const calls = { save: [] as string[], open: 0 };
  const h = bundleHandlers({
    environment: async () => ({ os: { platform: 'linux' } }),
    chooseBundleSavePath: async (name) => (calls.save.push(name), over.save ?? null),
    chooseBundleOpenPath: async () => (calls.open++, over.open ?? null),
  });
  return { h, calls };
}

describe('bundle IPC handlers', () => {
  it('previewBundle lists files and every redaction, before anything is written', async () => {
    const canary = randomCanary();
    const { h, calls } = handlers();
    const r = await h.previewBundle(ctx, { report: leakyReport(canary) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.files.map((f) => f.name)).toEqual(['report.json', 'report.md', 'requests.har', 'environment.json', 'manifest.json']);
    expect(r.value.totalBytes).toBeGreaterThan(500);
    expect(r.value.redactions).toContainEqual({ file: 'requests.har', path: '$.log.entries[0].request.headers[0].value', kind: 'authorization header' });
    expect(new Set(r.value.redactions.map((x) => x.file))).toEqual(new Set(['report.json', 'requests.har', 'report.md']));
    expect(findLeak(JSON.stringify(r), [canary])).toBeNull();
    expect(calls.save).toEqual([]);
  });

  it('exportBundle writes where the user chose (and only there), or reports a cancel', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'export-'));
    const target = path.join(dir, 'mine');
    const { h, calls } = handlers({ save: target });
    const r = await h.exportBundle(ctx, { report: leakyReport(randomCanary()), lang: 'zh-CN' });
    expect(r).toMatchObject({ ok: true, value: { saved: true, fileName: 'mine.zip' } });
    expect(calls.save).toEqual(['api-doctor-api.example.test-2026-11-23.zip']);
    expect((await stat(`${target}.zip`)).mode & 0o077).toBe(0);
    const cancelled = await handlers({ save: null }).h.exportBundle(ctx, { report: leakyReport('x'.repeat(20)) });
    expect(cancelled).toEqual({ ok: true, value: { saved: false, fileName: null, bytes: 0 } });
  });

  it('openBundle: from the dialog, from dropped bytes, and cancelled', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'open-'));
    const file = path.join(dir, 'b.zip');
    const { h: exporter } = handlers({ save: file });
    await exporter.exportBundle(ctx, { report: leakyReport(randomCanary()) });
    const fromDialog = await handlers({ open: file }).h.openBundle(ctx);
    expect(fromDialog).toMatchObject({ ok: true, value: { source: 'b.zip', report: { summary: { rootCause: 'AUTH_REJECTED' } }, warnings: [] } });
    const bytes = (await readFile(file)).toString('base64');
    const fromBytes = await handlers().h.openBundle(ctx, { bytesBase64: bytes, name: '/some/where/dropped.zip' });
    expect(fromBytes).toMatchObject({ ok: true, value: { source: 'dropped.zip' } });
    expect(await handlers({ open: null }).h.openBundle(ctx)).toEqual({ ok: true, value: null });
  });

  it('refuses bad input and hostile bundles with a message, never a throw', async () => {
    const { h } = handlers();
    for (const req of [undefined, {}, { report: { schema: 'nope' } }, { report: leakyReport('x'.repeat(20)), lang: 'fr' }]) {
      const r = await h.previewBundle(ctx, req);
      expect(r.ok).toBe(false);
    }
    expect(await h.openBundle(ctx, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.openBundle(ctx, { bytesBase64: 'not base64 !!' })).toMatchObject({ ok: false });
    const slip = Buffer.from(rawZip([{ name: '../../evil', content: strToU8('x') }])).toString('base64');
    const r = await h.openBundle(ctx, { bytesBase64: slip });
    expect(r).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    if (!r.ok) expect(r.error.message).toMatch(/leaving the bundle/);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'open-'));
    await writeFile(path.join(dir, 'big.zip'), Buffer.alloc(33 * 1024 * 1024));
    const big = await handlers({ open: path.join(dir, 'big.zip') }).h.openBundle(ctx);
    expect(!big.ok && big.error.message).toMatch(/at most/);
  });

  it('names the file after the host and the day', () => {
    expect(defaultBundleName(leakyReport('x'.repeat(20)))).toBe('api-doctor-api.example.test-2026-11-23.zip');
  });
});
