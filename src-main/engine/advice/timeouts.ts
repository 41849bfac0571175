export interface TimeoutAdvice {
  connectMs: number;
  readMs: number;
}

export interface Measured {
  /** DNS + TCP + TLS of one connection, ms. */
  connectPhaseMs: number | null;
  p90TtfbMs: number | null;
  samples: number;
  /** A streamed call's total, when --stream ran. */
  streamTotalMs: number | null;
}

/** Floors that hold for any API: a connect under 2 s is unkind to mobile networks; completions routinely take tens of seconds. */
const CONNECT_FLOOR_MS = 2_000;
const CONNECT_CEIL_MS = 30_000;
const READ_FLOOR_MS = 30_000;
const READ_CEIL_MS = 600_000;
const up = (ms: number) => Math.ceil(ms / 1000) * 1000;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Timeouts from what was measured: connect at 4× the observed handshake (networks vary), read at
 * 3× the p90 time to first byte (or 2× a streamed call's total), each within sane floors and
 * ceilings. The reason in words comes from report/text (timeoutReason), from the same measurements.
 */
export function adviseTimeouts(m: Measured): TimeoutAdvice {
  const connectMs = clamp(up((m.connectPhaseMs ?? 500) * 4), CONNECT_FLOOR_MS, CONNECT_CEIL_MS);
  const readBasis = Math.max((m.p90TtfbMs ?? 0) * 3, (m.streamTotalMs ?? 0) * 2);
  const readMs = clamp(up(readBasis), READ_FLOOR_MS, READ_CEIL_MS);
  return { connectMs, readMs };
}
