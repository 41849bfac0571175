import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  DOCTOR_EVENTS,
  DOCTOR_METHODS,
  channelOf,
  eventChannelOf,
  type DoctorClient,
  type DoctorEventName,
  type DoctorEvents,
} from '../common/ipc-contract.js';

/**
 * Builds `window.doctor` from the contract's method list: an allow-list. Nothing else of
 * ipcRenderer (and no event object) ever reaches the page.
 */
export function buildDoctorClient(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): DoctorClient {
  const client: Record<string, unknown> = {};
  for (const method of DOCTOR_METHODS) {
    client[method] = (...args: unknown[]) => ipc.invoke(channelOf(method), ...args);
  }
  client.on = <E extends DoctorEventName>(event: E, listener: (payload: DoctorEvents[E]) => void) => {
    if (!DOCTOR_EVENTS.includes(event)) throw new Error(`unknown event ${String(event)}`);
    const channel = eventChannelOf(event);
    const wrapped = (_e: IpcRendererEvent, payload: DoctorEvents[E]) => listener(payload);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };
  return Object.freeze(client) as unknown as DoctorClient;
}
