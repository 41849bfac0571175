import { describe, expect, it } from 'vitest';
import { buildDoctorClient } from '../../../src-main/preload/bridge.js';
import { DOCTOR_EVENTS, DOCTOR_METHODS, channelOf, eventChannelOf } from '../../../src-main/common/ipc-contract.js';

describe('preload bridge: watch mode', () => {
  it('allows the five watch methods on their own channels and the watch event', async () => {
    const calls: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const ipc = {
      invoke: async (...a: unknown[]) => (calls.push(a), { ok: true, value: null }),
      on: (c: string, fn: (...a: unknown[]) => void) => (listeners.set(c, fn), ipc),
      removeListener: (c: string) => (listeners.delete(c), ipc),
    };
    const client = buildDoctorClient(ipc as never);
    const methods = ['startWatch', 'stopWatch', 'resumeWatch', 'watchDiagnosis', 'exportWatch'] as const;
    for (const m of methods) expect(DOCTOR_METHODS).toContain(m);
    await client.startWatch('r', 5);
    await client.stopWatch('w');
    await client.resumeWatch('w');
    await client.watchDiagnosis('w', 3);
    await client.exportWatch('w');
    expect(calls).toEqual([[channelOf('startWatch'), 'r', 5], [channelOf('stopWatch'), 'w'], [channelOf('resumeWatch'), 'w'], [channelOf('watchDiagnosis'), 'w', 3], [channelOf('exportWatch'), 'w']]);
    expect(DOCTOR_EVENTS).toContain('watch');
    const got: unknown[] = [];
    const off = client.on('watch', (p) => got.push(p));
    const payload = { watchId: 'w', kind: 'state', state: 'running', summary: { samples: 0, failures: 0, p50Ms: null, p95Ms: null, rootCauses: {} } };
    listeners.get(eventChannelOf('watch'))!({ sender: 'not for the page' }, payload);
    expect(got).toEqual([payload]);
    off();
    expect(listeners.has(eventChannelOf('watch'))).toBe(false);
  });
});
