import type { OpenedBundle } from '../../src-main/common/bundle.js';
import type { Result } from '../../src-main/common/result.js';
import { doctor } from './api.js';

/** Bundles are at most a few MB; a bigger drop is not a bundle and is refused before reading it. */
const MAX_DROP_BYTES = 64 * 1024 * 1024;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  // In chunks: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * A .zip dropped on the window is opened as a bundle. The page never names a path: it hands main
 * the bytes, and main parses them as it would a file from its own dialog.
 */
export async function openDroppedBundle(file: File): Promise<Result<OpenedBundle | null>> {
  if (file.size > MAX_DROP_BYTES) return { ok: false, error: { kind: 'bad-input', message: `${file.name} is too large to be a diagnostic bundle` } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return doctor().openBundle({ bytesBase64: toBase64(bytes), name: file.name });
}
