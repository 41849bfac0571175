import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { readBundle } from '../../../src-main/bundle/read.js';
import { buildBundle } from '../../../src-main/bundle/write.js';
import { leakyReport, rawZip } from './fixtures.js';

const good = () => buildBundle(leakyReport('cnry-not-a-real-secret-0123456789'), { environment: {} });
const reportBytes = () => strToU8(JSON.stringify(JSON.parse(Buffer.from(JSON.stringify(leakyReport('x'.repeat(20)))).toString())));

function refuse(bytes: Uint8Array, message: RegExp) {
  const r = readBundle(bytes);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.kind).toBe('bad-input');
    expect(r.error.message).toMatch(/^Cannot open this bundle: /);
    expect(r.error.message).toMatch(message);
  }
}

describe('opening hostile bundles', () => {
  it('accepts a real one (control)', () => {
    expect(readBundle(good().zip).ok).toBe(true);
  });

  it('refuses zip-slip, absolute, drive and backslash paths', () => {
    for (const [name, why] of [
      ['../evil.sh', /leaving the bundle/],
      ['a/../../evil', /leaving the bundle/],
      ['/etc/cron.d/evil', /absolute path/],
      ['C:/Windows/evil.dll', /drive path/],
      ['..\\evil', /backslash/],
      ['ok/\u0000.json', /control character/],
      ['a//b', /odd path/],
    ] as const) {
      refuse(rawZip([{ name: 'report.json', content: reportBytes() }, { name, content: strToU8('x') }]), why);
    }
  });

  it('refuses too many entries, duplicates, and declared sizes over the caps', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.txt`, content: strToU8('x') }));
    refuse(rawZip(many), /40 entries/);
    refuse(rawZip([{ name: 'report.json', content: reportBytes() }, { name: 'REPORT.json', content: reportBytes() }]), /appears twice/);
    const big = new Uint8Array(20 * 1024 * 1024);
    refuse(rawZip([{ name: 'report.json', content: big }]), /would unpack to 20971520 bytes/);
    const parts = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.bin`, content: new Uint8Array(15 * 1024 * 1024) }));
    refuse(rawZip(parts), /more than 50331648 bytes/);
  });

  it('stops a zip bomb that lies about its size, while inflating', () => {
    const t0 = performance.now();
    const bomb = rawZip([{ name: 'report.json', content: new Uint8Array(30 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    const rss0 = process.memoryUsage().rss;
    refuse(bomb, /inflates to more than its declared 1000 bytes/);
    // The inflater stopped at the cap: no 30 MB buffer was made.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(25 * 1024 * 1024);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('refuses overlapping entries (a zip quine) and stored entries with two sizes', () => {
    refuse(rawZip([{ name: 'report.json', content: reportBytes() }], [{ name: 'copy.json', pointsTo: 0 }]), /overlap/);
    refuse(rawZip([{ name: 'report.json', content: reportBytes(), method: 0, declaredSize: 5 }]), /two sizes/);
  });

  it('refuses encryption, unknown methods, damage and non-zips', () => {
    refuse(rawZip([{ name: 'report.json', content: reportBytes(), flags: 1 }]), /encrypted/);
    const z = rawZip([{ name: 'report.json', content: reportBytes() }]);
    const lzma = Buffer.from(z);
    // Method field of the central entry: find its signature and patch the method to 14 (LZMA).
    const cen = lzma.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lzma.writeUInt16LE(14, cen + 10);
    refuse(lzma, /compression method 14/);
    const corrupt = Buffer.from(z);
    corrupt[60] = corrupt[60]! ^ 0xff;
    refuse(corrupt, /damaged/);
    refuse(strToU8('PK not really a zip at all, just text that is long enough'), /not a zip file/);
    refuse(new Uint8Array(5), /not a zip file/);
    refuse(z.subarray(0, z.length - 30), /not a zip file|damaged/);
  });

  it('refuses malformed JSON, unknown schema versions and non-reports, with clear messages', () => {
    refuse(zipSync({ 'report.json': strToU8('{ "schema": "api-doctor/report@1", ') }), /report.json is not valid JSON/);
    refuse(zipSync({ 'report.json': strToU8(JSON.stringify({ ...leakyReport('x'.repeat(20)), schema: 'api-doctor/report@7' })) }), /schema "api-doctor\/report@7".*update API Doctor/);
    refuse(zipSync({ 'report.json': strToU8('{"hello":"world"}') }), /no "schema" field/);
    refuse(zipSync({ 'report.json': strToU8(JSON.stringify({ ...leakyReport('x'.repeat(20)), findings: 'lots' })) }), /findings/);
    refuse(zipSync({ 'report.json': reportBytes(), 'requests.har': strToU8('<html>') }), /requests.har is not valid JSON/);
    refuse(zipSync({ 'report.json': reportBytes(), 'manifest.json': strToU8('{"schema":"api-doctor/bundle@9"}') }), /manifest.json has schema/);
    refuse(zipSync({ 'notes.txt': strToU8('hi') }), /no report.json/);
    refuse(zipSync({ 'report.json': new Uint8Array([0xff, 0xfe, 0x00]) }), /not UTF-8/);
  });

  it('warns about edited files and unknown extras, and scrubs secrets an old tool left in', () => {
    const built = good();
    const r = readBundle(zipSync({ 'report.json': strToU8(JSON.stringify(leakyReport('cnry0123456789abcdefXYZ'))), 'extra.bin': strToU8('zz') }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.value.report)).not.toContain('cnry0123456789abcdefXYZ');
    expect(r.value.warnings).toEqual(expect.arrayContaining([expect.stringContaining('unknown file in the bundle: extra.bin'), expect.stringContaining('no manifest.json')]));
    expect(built.manifest.files).toHaveLength(4);
    // An edited file is shown, with a warning: the checksum no longer matches the manifest.
    const edited = readBundle(zipSync({ ...unzipSync(built.zip), 'report.md': strToU8('# edited by hand') }));
    expect(edited.ok && edited.value.warnings).toEqual([expect.stringContaining('report.md was changed after the bundle was made')]);
  });

  it('survives absurd nesting and huge strings in otherwise valid JSON', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    refuse(zipSync({ 'report.json': strToU8(deep) }), /not|invalid/i);
    const report = leakyReport('x'.repeat(20)) as unknown as Record<string, unknown>;
    const nested = '{"a":'.repeat(50_000) + '"leaf"' + '}'.repeat(50_000);
    const withNest = JSON.stringify({ ...report, findings: [{ ...(report.findings as object[])[0], evidence: { deep: '__NEST__' } }] }).replace('"__NEST__"', nested);
    refuse(zipSync({ 'report.json': strToU8(withNest) }), /nested more than 64 levels deep/);
    refuse(zipSync({ 'report.json': strToU8(JSON.stringify({ ...report, summary: { verdict: 'failing', rootCause: null, headline: 'x'.repeat(3_000_000) } })) }), /summary.headline/);
  });

  it('never writes anything to disk and never throws, whatever the bytes', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const base = Buffer.from(good().zip);
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(base);
      for (let k = 0; k < 1 + (rnd() % 8); k++) b[rnd() % b.length] = rnd() & 0xff;
      const r = readBundle(b);
      if (!r.ok) expect(r.error.message).toMatch(/^Cannot open this bundle: /);
    }
    // Nothing to clean up, by construction: the reader has no way to write.
    for (const f of ['read.ts', 'unzip-safe.ts', 'report-schema.ts']) {
      const src = await readFile(path.resolve('src-main/bundle', f), 'utf8');
      expect(src, f).not.toMatch(/\b(writeFile|createWriteStream|mkdtemp|mkdir|copyFile|rename|appendFile|symlink)\b/);
    }
  });
});
