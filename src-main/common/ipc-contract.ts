import type { Result } from './result.js';
import type { Lang, Report } from './report.js';
import type { ProgressEvent } from './progress.js';
import type { DiagnosisRequest } from './request.js';
import type { StageId } from './stages.js';
import type { CredentialInput, CredentialSummary } from './credential.js';
import type { BundlePreview, BundleRequest, OpenedBundle } from './bundle.js';
import type { DiffView, PastedInput, PastedRead } from './intake.js';
import type { WatchEvent } from './watch.js';

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

/**
 * Running a diagnosis from the wizard. A run streams `progress` events tagged with its runId and
 * ends with a `done` progress event carrying the (redacted) report; a cancelled run ends the same way.
 */
export interface DiagnosisApi {
  startDiagnosis(request: DiagnosisRequest): Promise<Result<{ runId: string }>>;
  /** `cancelled: false` when the run had already ended (or never existed). */
  cancelDiagnosis(runId: string): Promise<Result<{ cancelled: boolean }>>;
  /**
   * Re-runs the stages of one wizard step of a finished run (with the probes they depend on) under
   * a new runId; its `done` report is the earlier report with those stages and prerequisites replaced.
   */
  rerunStages(runId: string, stages: StageId[]): Promise<Result<{ runId: string }>>;
  /** The probes a diagnosis runs, in order (so the wizard can show each one waiting before it starts). */
  listProbes(): Promise<Result<{ id: string; stage: StageId }[]>>;
  /** Opens a file dialog for an extra CA (PEM); null when the user cancelled. Only picked paths may be used as caFile. */
  pickCaFile(): Promise<Result<{ path: string; name: string } | null>>;
}

/**
 * Saved credentials. The secret crosses IPC once, renderer → main, in saveCredential; no method
 * ever returns one (a summary carries a fingerprint such as `sk-…9f2c`). A diagnosis uses a
 * credential by name: `request.credential = { kind: 'keychain', name }`.
 */
export interface CredentialsApi {
  listCredentials(): Promise<Result<CredentialSummary[]>>;
  saveCredential(input: CredentialInput): Promise<Result<CredentialSummary>>;
  renameCredential(from: string, to: string): Promise<Result<CredentialSummary>>;
  deleteCredential(name: string): Promise<Result<{ deleted: boolean }>>;
}

/** Diagnostic bundles: preview what would be shared, export (main shows the save dialog), open one. */
export interface BundleApi {
  /** Files, sizes and every redaction ({ file, path, kind }) of the bundle exportBundle would write. */
  previewBundle(request: BundleRequest): Promise<Result<BundlePreview>>;
  /** Shows the save dialog and writes the zip; `saved: false` when the user cancelled. */
  exportBundle(request: BundleRequest): Promise<Result<{ saved: boolean; fileName: string | null; bytes: number }>>;
  /**
   * Opens a bundle: without an argument main shows the open dialog and reads the file; with
   * `bytesBase64` (a dropped file) main parses those bytes. The renderer never names a path.
   * null when the user cancelled the dialog.
   */
  openBundle(source?: { bytesBase64: string; name?: string }): Promise<Result<OpenedBundle | null>>;
}

/**
 * Starting from what the user has (contract section 8): a pasted URL, curl command or error text,
 * a dropped HAR, and "works there, fails here" between two bundles.
 */
export interface IntakeApi {
  /** What a paste means: a URL, a call (curl or HAR entry) with its masked preview, or an error text explained. */
  readPasted(input: PastedInput, lang: Lang): Promise<Result<PastedRead>>;
  /**
   * The current report (with this machine's environment) against another bundle: the dropped
   * bytes, or main's open dialog when none are given. null when the user cancelled the dialog.
   */
  compareWithBundle(current: Report, other?: { bytesBase64: string; name?: string }, lang?: Lang): Promise<Result<DiffView | null>>;
}

/**
 * Watch mode (after a run): the run's request called every few seconds in main, each sample
 * pushed as a `watch` event; a full diagnosis runs on the first failure and each change of root cause.
 */
export interface WatchApi {
  /** Watches the request of a finished run (its id), every `everySeconds` (1–3600). */
  startWatch(runId: string, everySeconds: number): Promise<Result<{ watchId: string }>>;
  stopWatch(watchId: string): Promise<Result<{ stopped: boolean }>>;
  resumeWatch(watchId: string): Promise<Result<{ resumed: boolean }>>;
  /** The full diagnosis that explains sample `index` (its own, or the one of its root cause before it); null when none ran. */
  watchDiagnosis(watchId: string, index: number): Promise<Result<Report | null>>;
  /** Shows the save dialog and writes the watch as a bundle (samples as CSV and JSON inside). */
  exportWatch(watchId: string): Promise<Result<{ saved: boolean; fileName: string | null; bytes: number }>>;
}

/** The desktop shell around the page: the application menu follows the page's language. */
export interface ShellApi {
  /** Rebuilds the application menu in the language the page now shows. */
  setMenuLanguage(lang: Lang): Promise<Result<{ lang: Lang }>>;
}

export type DoctorApi = CoreApi & DiagnosisApi & CredentialsApi & BundleApi & IntakeApi & WatchApi & ShellApi;
export type DoctorMethod = keyof DoctorApi;

/** Every method name, exhaustively: adding a method to DoctorApi without listing it here fails to compile. */
const METHOD_SET: Record<DoctorMethod, true> = {
  version: true,
  ping: true,
  startDiagnosis: true,
  cancelDiagnosis: true,
  rerunStages: true,
  pickCaFile: true,
  listProbes: true,
  listCredentials: true,
  saveCredential: true,
  renameCredential: true,
  deleteCredential: true,
  previewBundle: true,
  exportBundle: true,
  openBundle: true,
  readPasted: true,
  compareWithBundle: true,
  startWatch: true,
  stopWatch: true,
  resumeWatch: true,
  watchDiagnosis: true,
  exportWatch: true,
  setMenuLanguage: true,
};
export const DOCTOR_METHODS = Object.keys(METHOD_SET) as DoctorMethod[];

/** What an application-menu item asks the renderer to do (app/menu.ts). */
export type MenuCommand = 'new-diagnosis' | 'open-bundle' | 'export-bundle' | 'rerun' | 'copy-summary' | 'toggle-theme' | `lang:${Lang}`;
export const MENU_COMMANDS: readonly MenuCommand[] = ['new-diagnosis', 'open-bundle', 'export-bundle', 'rerun', 'copy-summary', 'toggle-theme', 'lang:en', 'lang:zh-CN'];

/** Events main pushes to the renderer. */
export interface DoctorEvents {
  progress: { runId: string; event: ProgressEvent };
  menu: { command: MenuCommand };
  watch: WatchEvent;
}
export type DoctorEventName = keyof DoctorEvents;
const EVENT_SET: Record<DoctorEventName, true> = { progress: true, menu: true, watch: true };
export const DOCTOR_EVENTS = Object.keys(EVENT_SET) as DoctorEventName[];

/** What the preload exposes as `window.doctor`. */
export type DoctorClient = DoctorApi & {
  on<E extends DoctorEventName>(event: E, listener: (payload: DoctorEvents[E]) => void): () => void;
};

export const channelOf = (m: DoctorMethod): string => `doctor:${m}`;
export const eventChannelOf = (e: DoctorEventName): string => `doctor-event:${e}`;
