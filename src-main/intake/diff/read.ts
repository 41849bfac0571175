import { readFile } from 'node:fs/promises';
import { readBundle, readBundleFile } from '../../bundle/read.js';
import { DEFAULT_LIMITS, unzipSafe } from '../../bundle/unzip-safe.js';
import { err, ok, type Result } from '../../common/result.js';
import { Redactor } from '../../engine/redact.js';
import type { BundleView } from '../../report/text/diff.js';

/** environment.json of a zip the safe reader has already accepted; null when absent or unreadable. */
function environmentOf(bytes: Uint8Array): unknown {
  try {
    const entry = unzipSafe(bytes, DEFAULT_LIMITS).find((e) => e.name === 'environment.json');
    return entry ? new Redactor().scrubDeep(JSON.parse(new TextDecoder().decode(entry.data)) as unknown) : null;
  } catch {
    return null;
  }
}

/** A bundle's bytes through the safe reader (report validated and re-redacted) plus its environment.json. */
export function bundleViewFromBytes(bytes: Uint8Array, source: string | null): Result<BundleView> {
  const opened = readBundle(bytes, { source });
  if (!opened.ok) return opened;
  return ok({ report: opened.value.report, environment: environmentOf(bytes) });
}

/** The same from a file (size-checked by the safe reader before a byte is read). */
export async function bundleViewFromFile(file: string): Promise<Result<BundleView>> {
  const opened = await readBundleFile(file);
  if (!opened.ok) return opened;
  try {
    return ok({ report: opened.value.report, environment: environmentOf(await readFile(file)) });
  } catch (e) {
    return err('not-found', `Cannot read the bundle (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
