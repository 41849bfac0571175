import { createHash } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { BundleManifest } from '../common/bundle.js';
import type { JsonValue, Report } from '../common/report.js';
import type { WatchSample, WatchSummary } from '../common/watch.js';
import { buildBundle } from '../bundle/write.js';
import { Redactor } from '../engine/redact.js';

/** The files a watch adds to a bundle (bundle/read.ts knows them). */
export const WATCH_FILES = ['watch/samples.csv', 'watch/samples.json', 'watch/summary.json'] as const;

const CSV_HEAD = ['at', 'ok', 'rootCause', 'status', 'dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'downloadMs', 'totalMs', 'diagnosedRootCause'];
/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
const cell = (v: string | number | boolean | null | undefined) => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function samplesCsv(samples: readonly WatchSample[]): string {
  const rows = samples.map((s) => [s.at, s.ok, s.rootCause, s.status, s.timings.dnsMs, s.timings.connectMs, s.timings.tlsMs, s.timings.ttfbMs, s.timings.downloadMs, s.timings.totalMs, s.diagnosis?.rootCause ?? null].map(cell).join(','));
  return `${[CSV_HEAD.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * A watch as a bundle: the bundle of its latest full diagnosis (or of the run it watched), plus
 * the samples as CSV and JSON and the summary, listed in the manifest with their checksums.
 * Everything added passes the run's redactor first.
 */
export function buildWatchBundle(input: { report: Report; samples: readonly WatchSample[]; summary: WatchSummary; environment: { [k: string]: JsonValue }; secrets: readonly string[] }): Uint8Array {
  const built = buildBundle(input.report, { environment: input.environment, secrets: input.secrets, lang: input.report.lang });
  const redactor = new Redactor();
  for (const s of input.secrets) redactor.add(s);
  const files = unzipSync(built.zip);
  const added: Record<string, Uint8Array> = {
    'watch/samples.csv': strToU8(redactor.scrub(samplesCsv(input.samples))),
    'watch/samples.json': strToU8(redactor.scrub(JSON.stringify(input.samples, null, 2))),
    'watch/summary.json': strToU8(redactor.scrub(JSON.stringify(input.summary, null, 2))),
  };
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BundleManifest;
  for (const [name, data] of Object.entries(added)) manifest.files.push({ name, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
  return zipSync({ ...files, ...added, 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) });
}
