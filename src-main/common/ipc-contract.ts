import type { Result } from './result.js';
import type { ProgressEvent } from './progress.js';

/**
 * The one description of what the renderer may ask of main. `app/ipc.ts` registers a handler per
 * method, `preload/` exposes a client with exactly these methods, tests call the same table.
 * Every method returns a Result: errors never cross IPC as exceptions.
 * Grouped by feature so each feature extends its own interface.
 */
export interface VersionInfo {
  app: string;
  electron: string | null;
  chrome: string | null;
  node: string;
  platform: string;
}

export interface CoreApi {
  version(): Promise<Result<VersionInfo>>;
  ping(): Promise<Result<'pong'>>;
}

export type DoctorApi = CoreApi;
export type DoctorMethod = keyof DoctorApi;

/** Every method name, exhaustively: adding a method to DoctorApi without listing it here fails to compile. */
const METHOD_SET: Record<DoctorMethod, true> = {
  version: true,
  ping: true,
};
export const DOCTOR_METHODS = Object.keys(METHOD_SET) as DoctorMethod[];

/** Events main pushes to the renderer. */
export interface DoctorEvents {
  progress: { runId: string; event: ProgressEvent };
}
export type DoctorEventName = keyof DoctorEvents;
const EVENT_SET: Record<DoctorEventName, true> = { progress: true };
export const DOCTOR_EVENTS = Object.keys(EVENT_SET) as DoctorEventName[];

/** What the preload exposes as `window.doctor`. */
export type DoctorClient = DoctorApi & {
  on<E extends DoctorEventName>(event: E, listener: (payload: DoctorEvents[E]) => void): () => void;
};

export const channelOf = (m: DoctorMethod): string => `doctor:${m}`;
export const eventChannelOf = (e: DoctorEventName): string => `doctor-event:${e}`;
