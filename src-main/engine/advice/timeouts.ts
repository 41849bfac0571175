import type { Lang } from '../../common/report.js';

export interface TimeoutAdvice {
  connectMs: number;
  readMs: number;
  reason: string;
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
 * 3× the p90 time to first byte (or 2× a streamed call's total), each within sane floors and ceilings.
 */
export function adviseTimeouts(m: Measured, lang: Lang): TimeoutAdvice {
  const connectMs = clamp(up((m.connectPhaseMs ?? 500) * 4), CONNECT_FLOOR_MS, CONNECT_CEIL_MS);
  const readBasis = Math.max((m.p90TtfbMs ?? 0) * 3, (m.streamTotalMs ?? 0) * 2);
  const readMs = clamp(up(readBasis), READ_FLOOR_MS, READ_CEIL_MS);
  const zh = lang === 'zh-CN';
  const conn = m.connectPhaseMs !== null ? (zh ? `建立连接（DNS+TCP+TLS）实测 ${m.connectPhaseMs} 毫秒，连接超时取其 4 倍（不低于 2 秒）` : `connecting (DNS+TCP+TLS) took ${m.connectPhaseMs} ms here; the connect timeout is 4× that, at least 2 s`) : zh ? '未测得连接耗时，使用默认连接超时' : 'no connect time was measured; default connect timeout';
  const read =
    m.p90TtfbMs !== null
      ? zh
        ? `${m.samples} 次请求的首字节时间 p90 为 ${m.p90TtfbMs} 毫秒，读取超时取其 3 倍，但不低于 30 秒（生成较长回答的补全请求比模型列表慢得多）`
        : `p90 time to first byte over ${m.samples} request(s) was ${m.p90TtfbMs} ms; the read timeout is 3× that but at least 30 s (completions that generate long answers take far longer than a model list)`
      : zh
        ? '未测得首字节时间，读取超时使用 30 秒'
        : 'no time to first byte was measured; 30 s read timeout';
  return { connectMs, readMs, reason: zh ? `${conn}；${read}。` : `${conn}; ${read}.` };
}
