import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { createHandlerTable } from '../../../src-main/app/handler-table.js';
import type { CallContext } from '../../../src-main/app/handlers.js';
import type { DoctorEvents } from '../../../src-main/common/ipc-contract.js';
import type { Report } from '../../../src-main/common/report.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { WatchEvent } from '../../../src-main/common/watch.js';
import { readBundle } from '../../../src-main/bundle/read.js';
import { createMemoryStore } from '../../../src-main/credentials/memory-store.js';
import { startWatchLab, type Behaviour, type WatchLab } from '../../lab/watch-lab.js';

/** The app's watch channels, through the real handler table, against a loopback lab. */
let lab: WatchLab;
let dir: string;
let mode: Behaviour = {};
beforeAll(async () => {
  lab = await startWatchLab();
  lab.script('/api', () => mode);
  dir = mkdtempSync(path.join(tmpdir(), 'watch-app-'));
});
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

function harness() {
  const watchEvents: WatchEvent[] = [];
  const done = new Map<string, Report>();
  const waiters: (() => void)[] = [];
  const ctx: CallContext = {
    emit(name, payload) {
      if (name === 'watch') watchEvents.push(payload as WatchEvent);
      if (name === 'progress') {
        const p = payload as DoctorEvents['progress'];
        if (p.event.type === 'done') done.set(p.runId, p.event.report);
      }
      for (const w of waiters.splice(0)) w();
    },
  };
  const until = async (pred: () => boolean, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const exportPath = path.join(dir, 'watch-export');
  const table = createHandlerTable({ versions: { node: process.versions.node }, platform: process.platform, credentialStore: () => createMemoryStore(), env: {}, environment: async () => ({ os: 'lab' }), chooseBundleSavePath: async () => exportPath });
  const samples = () => watchEvents.filter((e): e is Extract<WatchEvent, { kind: 'sample' }> => e.kind === 'sample');
  return { ctx, table, watchEvents, samples, done, until, exportPath };
}

describe('watch IPC channels', () => {
  it('startWatch → samples as events; stopWatch; watchDiagnosis; resumeWatch; exportWatch', async () => {
    const h = harness();
    mode = {};
    const started = await h.table.startDiagnosis(h.ctx, defaultRequest(lab.url('/api'), { samples: 1, timeoutMs: 2000 }));
    expect(started.ok).toBe(true);
    const runId = started.ok ? started.value.runId : '';
    await h.until(() => h.done.has(runId));

    // startWatch
    const w = await h.table.startWatch(h.ctx, runId, 1);
    expect(w.ok).toBe(true);
    const watchId = w.ok ? w.value.watchId : '';
    await h.until(() => h.samples().length >= 1);
    mode = { status: 503 };
    await h.until(() => h.samples().length >= 2);
    mode = {};
    await h.until(() => h.samples().length >= 3);
    expect(h.watchEvents[0]).toMatchObject({ watchId, kind: 'state', state: 'running' });
    const s = h.samples();
    expect(s.map((e) => e.index).slice(0, 3)).toEqual([0, 1, 2]);
    expect(s[0]!.sample).toMatchObject({ ok: true, rootCause: null, status: 200 });
    expect(s[1]!.sample).toMatchObject({ ok: false, rootCause: 'SERVER_UNAVAILABLE', status: 503 });
    expect(s[1]!.sample.diagnosis?.rootCause).toBe('SERVER_UNAVAILABLE');
    expect(s[2]!.summary).toMatchObject({ samples: 3, failures: 1, rootCauses: { SERVER_UNAVAILABLE: 1 } });

    // stopWatch
    expect(await h.table.stopWatch(h.ctx, watchId)).toEqual({ ok: true, value: { stopped: true } });
    await h.until(() => h.watchEvents.some((e) => e.kind === 'state' && e.state === 'stopped'));
    expect(await h.table.stopWatch(h.ctx, watchId)).toEqual({ ok: true, value: { stopped: false } });
    const count = h.samples().length;

    // watchDiagnosis: the failed tick has its full diagnosis; a healthy tick has none
    const d = await h.table.watchDiagnosis(h.ctx, watchId, 1);
    expect(d.ok && d.value?.summary.rootCause).toBe('SERVER_UNAVAILABLE');
    expect(await h.table.watchDiagnosis(h.ctx, watchId, 0)).toEqual({ ok: true, value: null });

    // resumeWatch: numbering and figures continue
    expect(await h.table.resumeWatch(h.ctx, watchId)).toEqual({ ok: true, value: { resumed: true } });
    expect(await h.table.resumeWatch(h.ctx, watchId)).toEqual({ ok: true, value: { resumed: false } });
    await h.until(() => h.samples().length > count);
    const next = h.samples()[count]!;
    expect(next.index).toBe(count);
    expect(next.summary.samples).toBe(count + 1);
    await h.table.stopWatch(h.ctx, watchId);

    // exportWatch: a bundle that opens, with the samples as CSV and JSON listed in its manifest
    const ex = await h.table.exportWatch(h.ctx, watchId);
    expect(ex).toMatchObject({ ok: true, value: { saved: true, fileName: 'watch-export.zip' } });
    const bytes = readFileSync(`${h.exportPath}.zip`);
    const files = unzipSync(bytes);
    const csv = strFromU8(files['watch/samples.csv']!).trim().split('\r\n');
    expect(csv[0]).toBe('at,ok,rootCause,status,dnsMs,connectMs,tlsMs,ttfbMs,downloadMs,totalMs,diagnosedRootCause');
    expect(csv.length - 1).toBe(h.samples().length);
    expect(csv[2]).toContain(',false,SERVER_UNAVAILABLE,503,');
    expect((JSON.parse(strFromU8(files['watch/samples.json']!)) as unknown[]).length).toBe(h.samples().length);
    expect(JSON.parse(strFromU8(files['watch/summary.json']!))).toMatchObject({ failures: 1 });
    const opened = readBundle(bytes);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.value.report.summary.rootCause).toBe('SERVER_UNAVAILABLE');
      expect(opened.value.warnings).toEqual([]);
    }
  }, 60_000);

  it('refuses bad input and unknown ids with a Result', async () => {
    const h = harness();
    expect(await h.table.startWatch(h.ctx, 'nope', 5)).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.table.startWatch(h.ctx, '00000000-0000-4000-8000-000000000000', 0.5)).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.table.startWatch(h.ctx, '00000000-0000-4000-8000-000000000000', 5)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await h.table.stopWatch(h.ctx, 42)).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.table.resumeWatch(h.ctx, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await h.table.watchDiagnosis(h.ctx, '00000000-0000-4000-8000-000000000000', -1)).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.table.exportWatch(h.ctx, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});
