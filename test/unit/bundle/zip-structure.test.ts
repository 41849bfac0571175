import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleError, unsafeNameReason, unzipSafe, type UnzipLimits } from '../../../src-main/bundle/unzip-safe.js';

// Every structural check of the bundle reader, one row each, with the exact reason it gives: the
// mutation run showed that "it throws something" let most of these checks be deleted unnoticed.

/** A local header (30 bytes + name), written by hand so rows can make what no honest tool would. */
function loc(name: string, method = 0): Buffer {
  const n = Buffer.from(name, 'utf8');
  const l = Buffer.alloc(30);
  l.writeUInt32LE(0x04034b50, 0);
  l.writeUInt16LE(20, 4);
  l.writeUInt16LE(0x800, 6);
  l.writeUInt16LE(method, 8);
  l.writeUInt16LE(n.length, 26);
  return Buffer.concat([l, n]);
}

interface Cen {
  name: string;
  local: number;
  method?: number;
  crc?: number;
  comp: number;
  size: number;
  flags?: number;
  nameLen?: number;
  extra?: Buffer;
  comment?: Buffer;
}

function cen(c: Cen): Buffer {
  const n = Buffer.from(c.name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((c.flags ?? 0) | 0x800, 8);
  h.writeUInt16LE(c.method ?? 0, 10);
  h.writeUInt32LE(c.crc ?? 0, 16);
  h.writeUInt32LE(c.comp, 20);
  h.writeUInt32LE(c.size, 24);
  h.writeUInt16LE(c.nameLen ?? n.length, 28);
  h.writeUInt16LE(c.extra?.length ?? 0, 30);
  h.writeUInt16LE(c.comment?.length ?? 0, 32);
  h.writeUInt32LE(c.local, 42);
  return Buffer.concat([h, n, c.extra ?? Buffer.alloc(0), c.comment ?? Buffer.alloc(0)]);
}

interface Eocd {
  disk?: number;
  cdDisk?: number;
  countHere?: number;
  count?: number;
  cdSize?: number;
  cdOffset?: number;
}

/** Local area, central records and an end record (fields overridable), plus trailing bytes. */
function zip(locals: Buffer[], cens: Buffer[], e: Eocd = {}, trailer = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat(locals);
  const cd = Buffer.concat(cens);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(e.disk ?? 0, 4);
  end.writeUInt16LE(e.cdDisk ?? 0, 6);
  end.writeUInt16LE(e.countHere ?? e.count ?? cens.length, 8);
  end.writeUInt16LE(e.count ?? cens.length, 10);
  end.writeUInt32LE(e.cdSize ?? cd.length, 12);
  end.writeUInt32LE(e.cdOffset ?? body.length, 16);
  return Buffer.concat([body, cd, end, trailer]);
}

/** An honest archive: each file's local header then its data, central records in the same order. */
function honest(files: { name: string; data: string | Buffer; method?: 0 | 8; size?: number; comp?: number }[], e: Eocd = {}, order?: number[]) {
  const locals: Buffer[] = [];
  const cens: Buffer[] = [];
  let at = 0;
  for (const f of files) {
    const raw = Buffer.from(f.data);
    const method = f.method ?? 0;
    const data = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const l = Buffer.concat([loc(f.name, method), data]);
    cens.push(cen({ name: f.name, local: at, method, crc: zlib.crc32(raw) >>> 0, comp: f.comp ?? data.length, size: f.size ?? raw.length }));
    locals.push(l);
    at += l.length;
  }
  return zip(locals, order ? order.map((i) => cens[i]!) : cens, e);
}

const limits = (maxEntries: number, maxEntryBytes: number, maxTotalBytes: number): UnzipLimits => ({ maxEntries, maxEntryBytes, maxTotalBytes });
const names = (z: Uint8Array, l?: UnzipLimits) => unzipSafe(z, l).map((x) => `${x.name}=${Buffer.from(x.data).toString('latin1')}`);
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    expect((e as Error).name).toBe('BundleError');
    return (e as Error).message;
  }
  return 'accepted';
};

describe('unsafeNameReason: each rule and its edge', () => {
  it.each([
    ['', 'an empty name'],
    ['a'.repeat(255), null],
    ['a'.repeat(256), 'a name longer than 255 characters'],
    ['C:x', 'a drive path "C:x"'],
    ['notes/c:x', null], // a colon later in the name is not a drive
    ['a//', 'an odd path "a//"'], // one trailing slash is a directory, two leave an empty part
    ['a//b', 'an odd path "a//b"'],
    ['a/./b', 'an odd path "a/./b"'],
    ['dir/', null],
    ['a/../b', 'a path leaving the bundle ("a/../b")'],
  ])('%j → %j', (name, reason) => {
    expect(unsafeNameReason(name)).toBe(reason);
  });
});

describe('unzipSafe: the end record', () => {
  it('finds an end record at offset 0 (an empty archive is 22 bytes) and refuses 21', () => {
    const empty = zip([], []);
    expect(empty.length).toBe(22);
    expect(unzipSafe(empty)).toEqual([]);
    expect(refusal(() => unzipSafe(empty.subarray(1)))).toBe('this is not a zip file (too short)');
    expect(refusal(() => unzipSafe(Buffer.alloc(22)))).toBe('this is not a zip file (no end of central directory)');
  });

  it('finds an end record followed by the longest comment a zip can carry (65 535 bytes)', () => {
    const z = zip([], [], {}, Buffer.alloc(0xffff, 0x20));
    expect(unzipSafe(z)).toEqual([]);
  });

  it.each<[string, Eocd, string]>([
    ['entry count 0xffff', { count: 0xffff }, 'ZIP64 archives are not accepted (a bundle is small)'],
    ['directory size 0xffffffff', { cdSize: 0xffffffff }, 'ZIP64 archives are not accepted (a bundle is small)'],
    ['directory offset 0xffffffff', { cdOffset: 0xffffffff }, 'ZIP64 archives are not accepted (a bundle is small)'],
    ['disk 1', { disk: 1 }, 'multi-part zip archives are not accepted'],
    ['directory on disk 1', { cdDisk: 1 }, 'multi-part zip archives are not accepted'],
    ['a different count on this disk', { countHere: 2 }, 'multi-part zip archives are not accepted'],
    ['a directory one byte past the end record', { cdSize: 46 + 5 + 1 }, 'the zip is damaged (central directory out of bounds)'],
    ['a directory too short for its entry', { cdSize: 45 }, 'the zip is damaged (bad central directory entry)'],
    ['two entries counted, one written', { count: 2 }, 'the zip is damaged (bad central directory entry)'],
  ])('%s', (_, e, message) => {
    expect(refusal(() => unzipSafe(honest([{ name: 'a.txt', data: 'hello' }], e)))).toBe(message);
  });

  it('accepts exactly maxEntries entries and refuses one more', () => {
    const two = honest([{ name: 'a', data: 'x' }, { name: 'b', data: 'y' }]);
    expect(names(two, limits(2, 10, 10))).toEqual(['a=x', 'b=y']);
    expect(refusal(() => unzipSafe(two, limits(1, 10, 10)))).toBe('the zip has 2 entries; a bundle has at most 1');
  });
});

describe('unzipSafe: central records', () => {
  it('refuses a record whose signature is wrong', () => {
    const z = honest([{ name: 'a.txt', data: 'hello' }]);
    z.writeUInt32LE(0x02014b51, z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(refusal(() => unzipSafe(z))).toBe('the zip is damaged (bad central directory entry)');
  });

  it('an empty name is refused as a name, even though its record ends exactly at the directory end', () => {
    const z = zip([loc('')], [cen({ name: '', local: 0, comp: 0, size: 0 })]);
    expect(refusal(() => unzipSafe(z))).toBe('refused: the zip contains an empty name');
  });

  it('a name one byte past the buffer is out of bounds; one that ends on the last byte is read (and refused for what it holds)', () => {
    const base = zip([loc('a')], [cen({ name: 'a', local: 0, comp: 0, size: 0 })]);
    const p = base.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const exact = Buffer.from(base);
    exact.writeUInt16LE(base.length - (p + 46), p + 28);
    expect(refusal(() => unzipSafe(exact))).toBe('refused: the zip contains a control character in a name');
    const over = Buffer.from(base);
    over.writeUInt16LE(base.length - (p + 46) + 1, p + 28);
    expect(refusal(() => unzipSafe(over))).toBe('the zip is damaged (name out of bounds)');
  });

  it('skips the extra field and comment of each record', () => {
    const a = Buffer.concat([loc('a'), Buffer.from('1')]);
    const b = Buffer.concat([loc('b'), Buffer.from('2')]);
    const crc = (s: string) => zlib.crc32(Buffer.from(s)) >>> 0;
    const z = zip(
      [a, b],
      [
        cen({ name: 'a', local: 0, crc: crc('1'), comp: 1, size: 1, extra: Buffer.from('EXTRA'), comment: Buffer.from('note') }),
        cen({ name: 'b', local: a.length, crc: crc('2'), comp: 1, size: 1, extra: Buffer.from('XY'), comment: Buffer.from('c') }),
      ],
    );
    expect(names(z)).toEqual(['a=1', 'b=2']);
  });

  it('reads a directory record with no content and leaves it out; refuses one with content', () => {
    expect(names(honest([{ name: 'd/', data: '' }, { name: 'd/a', data: 'x' }]))).toEqual(['d/a=x']);
    expect(refusal(() => unzipSafe(honest([{ name: 'd/', data: 'x' }])))).toBe('refused: directory "d/" has content');
  });
});

describe('unzipSafe: sizes against the limits', () => {
  const two = honest([{ name: 'a', data: 'xxxx' }, { name: 'b', data: 'yyyy' }]);
  it.each<[string, UnzipLimits, string]>([
    ['each entry exactly at the entry cap, the sum exactly at the total cap', limits(32, 4, 8), 'accepted'],
    ['an entry one byte over the entry cap', limits(32, 3, 8), 'refused: "a" would unpack to 4 bytes (limit 3)'],
    ['the declared sum one byte over the total cap', limits(32, 4, 7), 'refused: the bundle would unpack to more than 7 bytes'],
  ])('%s', (_, l, message) => {
    expect(refusal(() => unzipSafe(two, l))).toBe(message);
  });
});

describe('unzipSafe: where the data is', () => {
  const cdStart = (z: Buffer) => z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));

  it('refuses a record pointing at something that is not a local header', () => {
    const z = honest([{ name: 'a.txt', data: 'hello' }]);
    z.writeUInt32LE(1, cdStart(z) + 42);
    expect(refusal(() => unzipSafe(z))).toBe('the zip is damaged (no local header for "a.txt")');
  });

  it('refuses a local header that would run into the central directory, even if its signature is there', () => {
    // The stored data ends with a local-header signature 10 bytes before the directory.
    const data = Buffer.concat([Buffer.from('xx'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(6, 0x41)]);
    const z = honest([{ name: 'a.txt', data }]);
    z.writeUInt32LE(cdStart(z) - 10, cdStart(z) + 42);
    expect(refusal(() => unzipSafe(z))).toBe('the zip is damaged (no local header for "a.txt")');
  });

  it('accepts a local header whose 30 bytes end exactly where the directory starts', () => {
    // An empty stored file whose header sits right before the directory.
    const z = zip([Buffer.from('junk'), loc('')], [cen({ name: 'e.txt', local: 4, comp: 0, size: 0 })]);
    expect(names(z)).toEqual(['e.txt=']);
  });

  it('refuses data that runs past the start of the directory', () => {
    const z = honest([{ name: 'a.txt', data: 'hello', method: 8 }]);
    const at = cdStart(z) + 20;
    z.writeUInt32LE(z.readUInt32LE(at) + 1, at);
    expect(refusal(() => unzipSafe(z))).toBe('the zip is damaged ("a.txt" runs past its end)');
  });

  it('accepts a directory listed in another order than the data (no false overlap)', () => {
    expect(names(honest([{ name: 'a', data: 'first' }, { name: 'b', data: 'second' }], {}, [1, 0]))).toEqual(['b=second', 'a=first']);
  });

  it('accepts an entry whose data starts on the byte after the previous entry ends, refuses one byte earlier', () => {
    // "a" holds b's local header as its last bytes, so b's data starts where a's ends.
    const hb = loc('b');
    const aData = Buffer.concat([Buffer.from('A'), hb]);
    const crc = (b: Buffer) => zlib.crc32(b) >>> 0;
    const la = loc('a');
    const bLocal = la.length + 1;
    const mk = (aComp: number, aSize: number, aCrc: number) =>
      zip(
        [la, aData, Buffer.from('B')],
        [cen({ name: 'a', local: 0, crc: aCrc, comp: aComp, size: aSize }), cen({ name: 'b', local: bLocal, crc: crc(Buffer.from('B')), comp: 1, size: 1 })],
      );
    expect(unzipSafe(mk(aData.length, aData.length, crc(aData))).map((e) => e.name)).toEqual(['a', 'b']);
    const longer = Buffer.concat([aData, Buffer.from('B')]);
    expect(refusal(() => unzipSafe(mk(longer.length, longer.length, crc(longer))))).toBe('refused: entries "a" and "b" overlap (a zip bomb)');
  });
});

describe('unzipSafe: inflating', () => {
  it.each<[string, { size?: number }, string]>([
    ['a header claiming fewer bytes than the data inflates to', { size: 4 }, 'refused: "a.txt" inflates to more than its declared 4 bytes (a zip bomb)'],
    ['a header claiming more bytes than the data inflates to', { size: 20 }, 'the zip is damaged ("a.txt" is 10 bytes, its header says 20)'],
  ])('%s', (_, o, message) => {
    expect(refusal(() => unzipSafe(honest([{ name: 'a.txt', data: '0123456789', method: 8, ...o }])))).toBe(message);
  });

  it('says when deflate data is not deflate', () => {
    const z = honest([{ name: 'a.txt', data: 'hello' }]);
    z.writeUInt16LE(8, z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    z.fill(0xff, 30 + 5, 30 + 5 + 5);
    expect(refusal(() => unzipSafe(z))).toMatch(/^the zip is damaged \("a.txt" does not inflate: /);
  });
});
