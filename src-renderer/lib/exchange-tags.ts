import type { HttpExchange } from '../../src-main/common/report.js';

/**
 * The small tag beside each exchange, the same in the waterfall and the exchange lists: samples
 * are "sample n", another probe's request its name, the user's call alone none. When the server
 * probe samples the user's own call, the http probe's answer is sample 1 (as the engine counts it:
 * "2 of 3 requests failed", "sample 2 of 3" while it runs); the server's follow.
 */
export function exchangeTags(exchanges: readonly HttpExchange[], words: { sample: (n: number) => string; probe: (id: string) => string }): string[] {
  const firstSample = exchanges.find((x) => x.probe === 'server');
  const same = (x: HttpExchange) => firstSample !== undefined && x.request.method === firstSample.request.method && x.request.url === firstSample.request.url;
  const httpCounts = exchanges.some((x) => x.probe === 'http' && same(x));
  let sample = 0;
  return exchanges.map((x) => {
    const isSample = x.probe === 'server' || (httpCounts && x.probe === 'http' && same(x) && sample === 0);
    if (isSample) return words.sample(++sample);
    return x.probe && x.probe !== 'http' ? words.probe(x.probe) : '';
  });
}
