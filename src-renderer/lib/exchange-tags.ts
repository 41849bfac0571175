import type { HttpExchange } from '../../src-main/common/report.js';

/**
 * The small tag beside each exchange, the same in the waterfall and the exchange lists: the server
 * probe's requests are "sample n" (counted in report order), another probe's its name, the main
 * HTTP request none.
 */
export function exchangeTags(exchanges: readonly HttpExchange[], words: { sample: (n: number) => string; probe: (id: string) => string }): string[] {
  let sample = 0;
  return exchanges.map((x) => {
    if (x.probe === 'server') return words.sample(++sample);
    return x.probe && x.probe !== 'http' ? words.probe(x.probe) : '';
  });
}
