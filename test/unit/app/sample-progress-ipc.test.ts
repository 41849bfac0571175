import { describe, expect, it } from 'vitest';
import { diagnosisHandlers } from '../../../src-main/app/diagnosis-handlers.js';
import type { CallContext } from '../../../src-main/app/handlers.js';
import { eventChannelOf, type DoctorEvents } from '../../../src-main/common/ipc-contract.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Probe } from '../../../src-main/engine/probe.js';
import { buildDoctorClient } from '../../../src-main/preload/bridge.js';

type Progress = DoctorEvents['progress'];

/**
 * The per-sample events cross the whole IPC path as the contract types them: engine → the
 * handler's `progress` events (tagged with the runId) → the preload's `on('progress')` (an
 * allow-listed event name, so no new channel) → the page's listener, in order, before `done`.
 */
describe('IPC: sample progress', () => {
  it('reaches the page as typed `sample` events, numbered and in order, before done', async () => {
    // A server probe that samples three times, as the real one reports its samples.
    const server: Probe = {
      id: 'server',
      stage: 'server',
      dependsOn: [],
      run: async (c) => {
        for (let n = 1; n <= 3; n++) {
          c.sampleProgress?.({ n, of: 3, state: 'started' });
          c.sampleProgress?.({ n, of: 3, state: 'finished', status: n === 2 ? 503 : 200, code: n === 2 ? 'SERVER_UNAVAILABLE' : null });
        }
        return { status: 'ok', data: null };
      },
    };
    const listeners = new Set<(e: unknown, p: Progress) => void>();
    const ipc = {
      invoke: async () => ({ ok: true, value: null }),
      on: (channel: string, fn: (e: unknown, p: Progress) => void) => (expect(channel).toBe(eventChannelOf('progress')), listeners.add(fn), ipc),
      removeListener: (_c: string, fn: (e: unknown, p: Progress) => void) => (listeners.delete(fn), ipc),
    };
    const page = buildDoctorClient(ipc as never);
    const seen: Progress[] = [];
    page.on('progress', (p) => seen.push(p));
    let finished: () => void = () => {};
    const done = new Promise<void>((r) => (finished = r));
    // Main's side: whatever the handler emits goes over the channel to the page (the preload's listener).
    const ctx: CallContext = {
      emit(name, payload) {
        if (name !== 'progress') return;
        for (const fn of listeners) fn({ sender: 'main' }, structuredClone(payload as Progress));
        if ((payload as Progress).event.type === 'done') finished();
      },
    };
    const h = diagnosisHandlers({ chooseCaFile: async () => null, engine: { probes: [server], rules: {}, platform: { env: {} } }, env: {} });
    const r = await h.startDiagnosis(ctx, defaultRequest('http://127.0.0.1:9/', { timeoutMs: 1000 }));
    expect(r.ok).toBe(true);
    await done;
    const runId = r.ok ? r.value.runId : '';
    expect(seen.every((p) => p.runId === runId)).toBe(true);
    const samples = seen.map((p) => p.event).filter((e) => e.type === 'sample');
    expect(samples).toEqual([
      { type: 'sample', probe: 'server', stage: 'server', n: 1, of: 3, state: 'started' },
      { type: 'sample', probe: 'server', stage: 'server', n: 1, of: 3, state: 'finished', status: 200, code: null },
      { type: 'sample', probe: 'server', stage: 'server', n: 2, of: 3, state: 'started' },
      { type: 'sample', probe: 'server', stage: 'server', n: 2, of: 3, state: 'finished', status: 503, code: 'SERVER_UNAVAILABLE' },
      { type: 'sample', probe: 'server', stage: 'server', n: 3, of: 3, state: 'started' },
      { type: 'sample', probe: 'server', stage: 'server', n: 3, of: 3, state: 'finished', status: 200, code: null },
    ]);
    const types = seen.map((p) => p.event.type);
    expect(types.indexOf('sample')).toBeGreaterThan(types.indexOf('probe-started'));
    expect(types.lastIndexOf('sample')).toBeLessThan(types.indexOf('probe-finished'));
    expect(types.at(-1)).toBe('done');
  });
});
