import type { WatchSample, WatchSummary } from '../../common/watch.js';
import { percentile } from '../server/stats.js';

/** Percentiles are over the last this-many successful samples: memory stays flat however long a watch runs. */
export const PERCENTILE_WINDOW = 10_000;
/** The terminal view's sparkline and failure list. */
export const RECENT = 60;
export const RECENT_FAILURES = 5;

/** A fixed-size ring: the newest `size` values, oldest first from values(). */
class Ring<T> {
  readonly #items: T[] = [];
  #next = 0;
  constructor(readonly size: number) {}
  push(v: T): void {
    if (this.#items.length < this.size) this.#items.push(v);
    else this.#items[this.#next] = v;
    this.#next = (this.#next + 1) % this.size;
  }
  values(): T[] {
    return this.#items.length < this.size ? [...this.#items] : [...this.#items.slice(this.#next), ...this.#items.slice(0, this.#next)];
  }
}

/** Rolling figures of a watch: counts since the start, percentiles over a bounded window. */
export class WatchStats {
  samples = 0;
  failures = 0;
  readonly rootCauses = new Map<string, number>();
  readonly #okTotals = new Ring<number>(PERCENTILE_WINDOW);
  readonly #recent = new Ring<{ ok: boolean; totalMs: number }>(RECENT);
  readonly #failures = new Ring<WatchSample>(RECENT_FAILURES);

  add(s: WatchSample): void {
    this.samples++;
    this.#recent.push({ ok: s.ok, totalMs: s.timings.totalMs });
    if (s.ok) {
      this.#okTotals.push(s.timings.totalMs);
      return;
    }
    this.failures++;
    this.#failures.push(s);
    if (s.rootCause) this.rootCauses.set(s.rootCause, (this.rootCauses.get(s.rootCause) ?? 0) + 1);
  }

  /** The newest samples (oldest first), for the sparkline. */
  recent(): { ok: boolean; totalMs: number }[] {
    return this.#recent.values();
  }

  recentFailures(): WatchSample[] {
    return this.#failures.values();
  }

  summary(): WatchSummary {
    const totals = this.#okTotals.values();
    return {
      samples: this.samples,
      failures: this.failures,
      p50Ms: percentile(totals, 50),
      p95Ms: percentile(totals, 95),
      rootCauses: Object.fromEntries([...this.rootCauses].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
