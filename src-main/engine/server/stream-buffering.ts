import type { FindingDraft } from '../probe.js';
import type { StreamProbeData } from '../probes/stream.js';

/**
 * A buffered stream: the events were held back and came in one burst at the end. Judged from the
 * response headers on (a gateway such as nginx with its default `proxy_buffering on` passes the
 * headers at once and the body only when its buffer fills or the upstream ends), so a slow first
 * token is not mistaken for buffering: providers send their first event with the headers.
 */
export const BUFFERED_SHARE = 0.8;
/** Several events, or one burst cannot be told from one message. */
export const BUFFERED_MIN_EVENTS = 3;
/** Below this a stream is too short for "late" to mean anything (a few ms of jitter would decide). */
export const BUFFERED_MIN_STREAM_MS = 500;

export function streamBuffered(d: StreamProbeData): FindingDraft | null {
  const { firstEventMs, lastEventMs } = d;
  if (d.error || d.events < BUFFERED_MIN_EVENTS || firstEventMs == null || lastEventMs == null) return null;
  const from = d.headersMs ?? 0;
  const streamMs = lastEventMs - from;
  if (streamMs < BUFFERED_MIN_STREAM_MS) return null;
  if (firstEventMs - from < BUFFERED_SHARE * streamMs) return null;
  return {
    code: 'STREAM_BUFFERED',
    evidence: { url: d.url, events: d.events, headersMs: d.headersMs ?? null, firstEventMs, lastEventMs, streamMs, gateway: d.server ?? null },
  };
}
