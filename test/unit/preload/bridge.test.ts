import { describe, expect, it } from 'vitest';
import { buildDoctorClient } from '../../../src-main/preload/bridge.js';
import { DOCTOR_METHODS, channelOf, eventChannelOf } from '../../../src-main/common/ipc-contract.js';

function fakeIpc() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  return {
    calls,
    listeners,
    invoke: async (...a: unknown[]) => {
      calls.push(a);
      return { ok: true, value: a[0] };
    },
    on(channel: string, fn: (...a: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
      return this;
    },
    removeListener(channel: string, fn: (...a: unknown[]) => void) {
      listeners.get(channel)?.delete(fn);
      return this;
    },
  };
}

describe('preload bridge', () => {
  it('exposes exactly the contract methods plus on(), frozen', () => {
    const client = buildDoctorClient(fakeIpc() as never);
    expect(Object.keys(client).sort()).toEqual([...DOCTOR_METHODS, 'on'].sort());
    expect(Object.isFrozen(client)).toBe(true);
  });

  it('maps each method to its own channel', async () => {
    const ipc = fakeIpc();
    const client = buildDoctorClient(ipc as never);
    for (const m of DOCTOR_METHODS) await (client[m] as () => Promise<unknown>)();
    expect(ipc.calls.map((c) => c[0])).toEqual(DOCTOR_METHODS.map(channelOf));
  });

  it('delivers event payloads without the Electron event object, and unsubscribes', () => {
    const ipc = fakeIpc();
    const client = buildDoctorClient(ipc as never);
    const got: unknown[] = [];
    const off = client.on('progress', (p) => got.push(p));
    const payload = { runId: 'r1', event: { type: 'stage-started', stage: 'dns' } };
    ipc.listeners.get(eventChannelOf('progress'))!.forEach((fn) => fn({ sender: 'secret' }, payload));
    expect(got).toEqual([payload]);
    off();
    expect(ipc.listeners.get(eventChannelOf('progress'))!.size).toBe(0);
  });

  it('refuses unknown events', () => {
    const client = buildDoctorClient(fakeIpc() as never);
    expect(() => client.on('nope' as never, () => {})).toThrow(/unknown event/);
  });
});
