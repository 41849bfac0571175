import zlib from 'node:zlib';

/**
 * A ZIP reader for files from strangers. It never writes to disk and refuses, with a reason:
 * ZIP64, encryption, methods other than store/deflate, path tricks (zip-slip `..`, absolute and
 * drive paths, backslashes, control characters, duplicates), too many entries, declared sizes
 * over the caps, overlapping entries (the "zip quine" bomb), and data that inflates beyond its
 * declared size — the inflater itself is capped, so a lying header costs nothing.
 */
export interface UnzipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: UnzipLimits = {
  // A bundle has five files; room for a few more from newer versions.
  maxEntries: 32,
  // A report with a thousand exchanges is a few MB.
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 48 * 1024 * 1024,
};

export class BundleError extends Error {
  override name = 'BundleError';
}

export interface UnzippedEntry {
  name: string;
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** Why a name is unsafe, or null when it is a plain relative path. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.length > 255) return 'a name longer than 255 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character in a name';
  if (name.includes('\\')) return `a backslash in "${name}"`;
  if (name.startsWith('/')) return `an absolute path "${name}"`;
  if (/^[A-Za-z]:/.test(name)) return `a drive path "${name}"`;
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return `a path leaving the bundle ("${name}")`;
  if (parts.some((p) => p === '' || p === '.')) return `an odd path "${name}"`;
  return null;
}

export function unzipSafe(zip: Uint8Array, limits: UnzipLimits = DEFAULT_LIMITS): UnzippedEntry[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  if (buf.length < 22) throw new BundleError('this is not a zip file (too short)');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BundleError('this is not a zip file (no end of central directory)');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const countHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new BundleError('ZIP64 archives are not accepted (a bundle is small)');
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw new BundleError('multi-part zip archives are not accepted');
  if (count > limits.maxEntries) throw new BundleError(`the zip has ${count} entries; a bundle has at most ${limits.maxEntries}`);
  if (cdOffset + cdSize > eocd) throw new BundleError('the zip is damaged (central directory out of bounds)');

  type Raw = { name: string; method: number; crc: number; compSize: number; size: number; start: number };
  const raws: Raw[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== CEN) throw new BundleError('the zip is damaged (bad central directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) throw new BundleError('the zip is damaged (name out of bounds)');
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
    p += 46 + nameLen + extraLen + commentLen;

    const unsafe = unsafeNameReason(name);
    if (unsafe) throw new BundleError(`refused: the zip contains ${unsafe}`);
    if (seen.has(name.toLowerCase())) throw new BundleError(`refused: "${name}" appears twice in the zip`);
    seen.add(name.toLowerCase());
    if (flags & 0x1) throw new BundleError(`refused: "${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw new BundleError(`refused: "${name}" uses compression method ${method} (only store and deflate)`);
    if (size > limits.maxEntryBytes) throw new BundleError(`refused: "${name}" would unpack to ${size} bytes (limit ${limits.maxEntryBytes})`);
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) throw new BundleError(`refused: the bundle would unpack to more than ${limits.maxTotalBytes} bytes`);
    if (local + 30 > cdOffset || buf.readUInt32LE(local) !== LOC) throw new BundleError(`the zip is damaged (no local header for "${name}")`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compSize > cdOffset) throw new BundleError(`the zip is damaged ("${name}" runs past its end)`);
    if (method === 0 && compSize !== size) throw new BundleError(`the zip is damaged ("${name}" is stored with two sizes)`);
    if (name.endsWith('/')) {
      if (size !== 0) throw new BundleError(`refused: directory "${name}" has content`);
      continue;
    }
    raws.push({ name, method, crc, compSize, size, start });
  }

  // Entries sharing bytes are how a few kB "unpack" to gigabytes; real archives never overlap.
  const byStart = [...raws].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1]!;
    if (byStart[i]!.start < prev.start + prev.compSize) throw new BundleError(`refused: entries "${prev.name}" and "${byStart[i]!.name}" overlap (a zip bomb)`);
  }

  let total = 0;
  return raws.map((r) => {
    const comp = buf.subarray(r.start, r.start + r.compSize);
    let data: Buffer;
    if (r.method === 0) data = Buffer.from(comp);
    else {
      try {
        // The cap is the declared size: inflating stops the moment the data claims more.
        data = zlib.inflateRawSync(comp, { maxOutputLength: Math.max(1, r.size) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new BundleError(`refused: "${r.name}" inflates to more than its declared ${r.size} bytes (a zip bomb)`);
        throw new BundleError(`the zip is damaged ("${r.name}" does not inflate: ${(e as Error).message})`);
      }
    }
    if (data.length !== r.size) throw new BundleError(`the zip is damaged ("${r.name}" is ${data.length} bytes, its header says ${r.size})`);
    if (zlib.crc32(data) >>> 0 !== r.crc >>> 0) throw new BundleError(`the zip is damaged ("${r.name}" fails its checksum)`);
    total += data.length;
    if (total > limits.maxTotalBytes) throw new BundleError(`refused: the bundle unpacks to more than ${limits.maxTotalBytes} bytes`);
    return { name: r.name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  });
}
