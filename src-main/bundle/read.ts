import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BundleFileInfo, BundleManifest, OpenedBundle } from '../common/bundle.js';
import { err, ok, type Result } from '../common/result.js';
import { stripControl, stripControlDeep } from '../common/control-chars.js';
import { Redactor } from '../engine/redact.js';
import { parseManifestJson, parseReportJson } from './report-schema.js';
import { BundleError, DEFAULT_LIMITS, unzipSafe, type UnzipLimits } from './unzip-safe.js';

/** A zipped bundle is far smaller than its contents; a bigger file is not a bundle. */
export const MAX_BUNDLE_FILE_BYTES = 32 * 1024 * 1024;
const JSON_FILES = new Set(['report.json', 'manifest.json', 'requests.har', 'environment.json']);
// watch/*: the samples of a watch exported from the app (app/watch-export.ts).
const KNOWN = new Set([...JSON_FILES, 'report.md', 'watch/samples.csv', 'watch/samples.json', 'watch/summary.json']);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A report is a few levels deep; thousands of levels are an attack on recursive validators. */
const MAX_JSON_DEPTH = 64;

/** Depth of a parsed JSON value, measured without recursion (so it cannot overflow the stack itself). */
function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
  return false;
}

function parseJson(name: string, data: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new BundleError(`${name} is not UTF-8 text`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`${name} is not valid JSON (${(e as Error).message.slice(0, 120)})`);
  }
  if (tooDeep(value, MAX_JSON_DEPTH)) throw new BundleError(`${name} is nested more than ${MAX_JSON_DEPTH} levels deep: not a report this tool wrote`);
  return value;
}

/**
 * Reads a bundle made anywhere, in memory only (nothing is written to disk). Every refusal is a
 * `bad-input` Result with a sentence a person can act on; nothing here throws.
 */
export function readBundle(bytes: Uint8Array, opts: { source?: string | null; limits?: UnzipLimits } = {}): Result<OpenedBundle> {
  try {
    if (bytes.length > MAX_BUNDLE_FILE_BYTES) throw new BundleError(`the file is ${bytes.length} bytes; a bundle is at most ${MAX_BUNDLE_FILE_BYTES}`);
    const entries = unzipSafe(bytes, opts.limits ?? DEFAULT_LIMITS);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    const warnings: string[] = [];
    for (const e of entries) if (!KNOWN.has(e.name)) warnings.push(`ignored an unknown file in the bundle: ${stripControl(e.name.slice(0, 100))}`);
    const reportBytes = byName.get('report.json');
    if (!reportBytes) throw new BundleError('this is not an API Doctor bundle: it has no report.json');
    // Every JSON file must parse, even the ones we only show: a damaged one means a damaged bundle.
    const parsed = new Map<string, unknown>();
    // The one place bundle text enters: every string loses its control characters here (a
    // stranger's ESC/OSC/CR codes are removed, not refused: the rest of the bundle is still worth reading).
    for (const name of JSON_FILES) {
      const data = byName.get(name);
      if (data) parsed.set(name, stripControlDeep(parseJson(name, data)));
    }
    const report = parseReportJson(parsed.get('report.json'));
    if (!report.ok) throw new BundleError(report.message);
    let manifest: BundleManifest | null = null;
    if (parsed.has('manifest.json')) {
      const m = parseManifestJson(parsed.get('manifest.json'));
      if (!m.ok) throw new BundleError(m.message);
      manifest = m.value;
      for (const f of manifest.files) {
        const data = byName.get(f.name);
        if (!data) warnings.push(`the manifest lists ${f.name.slice(0, 100)}, which is missing`);
        else if (sha256(data) !== f.sha256) warnings.push(`${f.name.slice(0, 100)} was changed after the bundle was made (checksum differs from the manifest)`);
      }
    } else warnings.push('the bundle has no manifest.json: its files cannot be checked');
    for (const name of ['report.md', 'requests.har', 'environment.json']) if (!byName.has(name)) warnings.push(`the bundle has no ${name}`);
    const files: BundleFileInfo[] = entries.map((e) => ({ name: stripControl(e.name), bytes: e.data.length, sha256: sha256(e.data) }));
    // A bundle from an old or careless tool may carry a key: it stops here, before any screen.
    const safeReport = new Redactor().scrubDeep(report.value);
    return ok({ report: safeReport, manifest, files, warnings: warnings.map(stripControl), source: opts.source ? stripControl(opts.source) : null });
  } catch (e) {
    if (e instanceof BundleError) return err('bad-input', stripControl(`Cannot open this bundle: ${e.message}`));
    return err('bad-input', stripControl(`Cannot open this bundle: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/**
 * Reads a bundle file: stat first (a FIFO, a device or a directory is refused before it is opened:
 * opening a FIFO blocks until someone writes to it), then open without blocking and check the
 * opened file is the same regular file, refusing oversize files before reading a byte of them.
 */
export async function readBundleFile(file: string): Promise<Result<OpenedBundle>> {
  const name = stripControl(path.basename(file));
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    return err('not-found', `Cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!st.isFile()) return err('bad-input', `${name} is not a file: it is ${kindOf(st)}`);
  if (st.size > MAX_BUNDLE_FILE_BYTES) return err('bad-input', `Cannot open this bundle: the file is ${st.size} bytes; a bundle is at most ${MAX_BUNDLE_FILE_BYTES}`);
  let handle;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO after the stat, open still returns at once.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st2 = await handle.stat();
    if (!st2.isFile()) return err('bad-input', `${name} is not a file: it is ${kindOf(st2)}`);
    if (st2.size > MAX_BUNDLE_FILE_BYTES) return err('bad-input', `Cannot open this bundle: the file is ${st2.size} bytes; a bundle is at most ${MAX_BUNDLE_FILE_BYTES}`);
    const bytes = await handle.readFile();
    return readBundle(bytes, { source: path.basename(file) });
  } catch (e) {
    return err('not-found', `Cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    await handle?.close();
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'something other than a regular file';
}
