/**
 * The one rounding of measured times and rates (there were five copies): phase timings to 0.1 ms,
 * rates to 0.01, and one way to show a duration (0.1 ms below 10 ms, whole ms above).
 */
export const roundTo = (n: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

/** A duration in ms to the 0.1 ms every phase timing reports. */
export const round1 = (ms: number): number => roundTo(ms, 1);

/**
 * THE way to show a duration (CLI, report.md, wizard): "3.2 ms" below 10 ms (small durations keep
 * their tenth), "412 ms" up to 10 s, then "12.3 s" (a budget or a whole run reads better in
 * seconds). Chinese text says 毫秒 / 秒, as every Chinese sentence of the text module does;
 * `space` false gives "3.2ms" for tight columns (the CLI's timing table), in either language.
 */
export const formatMs = (ms: number, space = true, lang: 'en' | 'zh-CN' = 'en'): string => {
  const zh = space && lang === 'zh-CN';
  const sp = space ? ' ' : '';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)}${sp}${zh ? '秒' : 's'}`;
  return `${ms !== 0 && Math.abs(ms) < 10 ? ms.toFixed(1) : Math.round(ms)}${sp}${zh ? '毫秒' : 'ms'}`;
};
