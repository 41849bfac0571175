import type { FindingDraft } from '../probe.js';
import type { StreamProbeData } from '../probes/stream.js';

/**
 * A buffered stream: the events were held back and came in one burst at the end (contract: the
 * first event after ≥ 80 % of the stream's time, several events). Times count from the request:
 * nginx with its default `proxy_buffering on` holds back the response headers too, so they say
 * nothing. A short stream cannot show buffering at all (the smallest completion — max_tokens 1 —
 * comes as 4–7 events in one burst however it travels), so only a stream long enough to trickle
 * is judged, and only a real burst counts.
 */
export const BUFFERED_SHARE = 0.8;
/** Fewer events than this fit in one write of a real generator: no evidence either way. */
export const BUFFERED_MIN_EVENTS = 8;
/** Below this a stream is too short for "late" to mean anything (jitter would decide). */
export const BUFFERED_MIN_STREAM_MS = 500;
/** All events within this window: one burst (a model emitting tokens spaces them by tens of ms each). */
export const BURST_MS = 50;

export function streamBuffered(d: StreamProbeData): FindingDraft | null {
  const { firstEventMs, lastEventMs } = d;
  if (d.error || d.events < BUFFERED_MIN_EVENTS || firstEventMs == null || lastEventMs == null) return null;
  if (lastEventMs < BUFFERED_MIN_STREAM_MS) return null;
  if (firstEventMs < BUFFERED_SHARE * lastEventMs || lastEventMs - firstEventMs > BURST_MS) return null;
  return {
    code: 'STREAM_BUFFERED',
    evidence: { url: d.url, events: d.events, headersMs: d.headersMs ?? null, firstEventMs, lastEventMs, burstMs: lastEventMs - firstEventMs, gateway: d.server ?? null },
  };
}
