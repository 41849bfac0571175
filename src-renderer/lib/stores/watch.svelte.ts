import type { DoctorClient } from '../../../src-main/common/ipc-contract.js';
import { doctor } from '../api.js';
import type { Report } from '../../../src-main/common/report.js';
import type { WatchSample, WatchSummary } from '../../../src-main/common/watch.js';

/** Ticks the chart shows (newest right); main keeps more for the export. */
export const CHART_TICKS = 90;

export interface TickView {
  index: number;
  sample: WatchSample;
}

/**
 * Watch mode as the wizard sees it: samples arrive as `watch` events for our watchId; a click
 * on a failed tick asks main for the full diagnosis that explains it.
 */
export class WatchSession {
  watchId: string | null = $state(null);
  state: 'idle' | 'starting' | 'running' | 'stopped' = $state('idle');
  ticks: TickView[] = $state.raw([]);
  summary: WatchSummary | null = $state.raw(null);
  everySeconds = $state(10);
  error: string | null = $state(null);
  /** The tick whose diagnosis is open (report null: none ran for it). */
  opened: { tick: TickView; report: Report | null } | null = $state.raw(null);
  saved: string | null = $state(null);
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly api: () => DoctorClient) {}

  #listen(): void {
    this.#unsubscribe ??= this.api().on('watch', (e) => {
      if (e.watchId !== this.watchId) return;
      this.summary = e.summary;
      if (e.kind === 'state') this.state = e.state;
      else this.ticks = [...this.ticks, { index: e.index, sample: e.sample }].slice(-CHART_TICKS);
    });
  }

  /** Stops listening for events (the watch itself is stopped with stop()). */
  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  async start(runId: string): Promise<void> {
    this.error = this.saved = null;
    this.state = 'starting';
    try {
      this.#listen();
      const r = await this.api().startWatch(runId, Number(this.everySeconds));
      if (!r.ok) {
        this.error = r.error.message;
        this.state = 'idle';
        return;
      }
      this.watchId = r.value.watchId;
      this.ticks = [];
      this.summary = null;
      this.opened = null;
      this.state = 'running';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.state = 'idle';
    }
  }

  async stop(): Promise<void> {
    if (!this.watchId) return;
    const r = await this.api().stopWatch(this.watchId);
    if (!r.ok) this.error = r.error.message;
    else this.state = 'stopped';
  }

  async resume(): Promise<void> {
    if (!this.watchId) return;
    const r = await this.api().resumeWatch(this.watchId);
    if (!r.ok) this.error = r.error.message;
    else this.state = 'running';
  }

  async open(tick: TickView): Promise<void> {
    if (!this.watchId) return;
    const r = await this.api().watchDiagnosis(this.watchId, tick.index);
    if (!r.ok) this.error = r.error.message;
    else this.opened = { tick, report: r.value };
  }

  async exportBundle(): Promise<void> {
    if (!this.watchId) return;
    this.saved = null;
    const r = await this.api().exportWatch(this.watchId);
    if (!r.ok) this.error = r.error.message;
    else if (r.value.saved) this.saved = r.value.fileName;
  }
}

/**
 * One watch for the window, outside any component: leaving the Report step must not orphan a
 * watch that keeps calling the API with nothing on screen to stop it.
 */
export const watchSession = new WatchSession(doctor);
