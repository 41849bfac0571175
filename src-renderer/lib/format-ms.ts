/**
 * One rounding for durations everywhere in the wizard: one decimal under 10 ms, whole ms under
 * 10 s, then seconds with one decimal. The unit is "ms"/"s" in both languages (毫秒 would make the
 * same number read differently on the two screens).
 */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
