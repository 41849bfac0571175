import { describe, expect, it } from 'vitest';
import { unzipSafe } from '../../../src-main/bundle/unzip-safe.js';
import { rawZip } from './fixtures.js';

// The CRC check is the only one that sees a changed byte in a stored (uncompressed) entry: the
// sizes still agree and nothing has to inflate. Without it, the mutant that drops the check lived.
describe('unzipSafe: checksums', () => {
  const content = Buffer.from('{"schema":"api-doctor/report@1","findings":[]}');

  it('reads a stored entry whose bytes match its CRC', () => {
    const [e] = unzipSafe(rawZip([{ name: 'report.json', content, method: 0 }]));
    expect(Buffer.from(e!.data).toString()).toBe(content.toString());
  });

  it('refuses a stored entry with one byte changed, naming the entry', () => {
    const z = Buffer.from(rawZip([{ name: 'report.json', content, method: 0 }]));
    const at = z.indexOf(content);
    z[at + 5] = z[at + 5]! ^ 0x01;
    expect(() => unzipSafe(z)).toThrow(/the zip is damaged \("report.json" fails its checksum\)/);
  });

  it('refuses a deflated entry that inflates cleanly to the wrong bytes', () => {
    const good = rawZip([{ name: 'a.txt', content: Buffer.from('AAAA') }]);
    const evil = rawZip([{ name: 'a.txt', content: Buffer.from('AAAB') }]);
    // Same length, valid deflate data, but the headers (and CRC) of the first file.
    const z = Buffer.from(good);
    const goodData = z.indexOf(Buffer.from('a.txt')) + 5;
    const evilBuf = Buffer.from(evil);
    const evilData = evilBuf.indexOf(Buffer.from('a.txt')) + 5;
    const len = evilBuf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) - evilData;
    expect(len).toBe(z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) - goodData);
    evilBuf.copy(z, goodData, evilData, evilData + len);
    expect(() => unzipSafe(z)).toThrow(/fails its checksum/);
  });
});
