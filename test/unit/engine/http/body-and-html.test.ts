import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyCapture, BODY_CAP, WIRE_CAP } from '../../../../src-main/engine/http/body.js';
import { htmlTitle, isHtml } from '../../../../src-main/engine/http/html.js';

/** Feeds chunks the way a socket does: one per turn of the event loop. */
const feed = async (cap: BodyCapture, buf: Buffer, chunk = 16 * 1024) => {
  for (let i = 0; i < buf.length; i += chunk) {
    if (!cap.push(buf.subarray(i, i + chunk))) break;
    await new Promise((r) => setImmediate(r));
  }
  return cap.end();
};

describe('body capture', () => {
  it('decodes gzip, deflate and br', async () => {
    const text = '{"ok":true,"msg":"你好"}';
    for (const [enc, z] of [['gzip', zlib.gzipSync], ['deflate', zlib.deflateSync], ['br', zlib.brotliCompressSync]] as const) {
      const b = await feed(new BodyCapture(enc, 'application/json'), z(Buffer.from(text)));
      expect(b.text, enc).toBe(text);
      expect(b.truncated).toBe(false);
    }
  });

  it('caps the decoded size of a compression bomb', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const b = await feed(new BodyCapture('gzip', null), bomb, 1024);
    expect(b.truncated).toBe(true);
    expect(b.keptBytes).toBe(BODY_CAP);
  });

  it('stops at the wire cap for an endless plain body', async () => {
    const cap = new BodyCapture(null, 'text/plain');
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let pushes = 0;
    while (cap.push(chunk) && pushes < 1000) pushes++;
    const b = await cap.end();
    expect(b.truncated).toBe(true);
    expect(b.keptBytes).toBe(BODY_CAP);
    expect(pushes * chunk.length).toBeLessThanOrEqual(WIRE_CAP);
  });

  it('keeps what it decoded from a cut gzip stream, and reports an unknown encoding', async () => {
    const gz = zlib.gzipSync(Buffer.from('x'.repeat(100_000)));
    const b = await feed(new BodyCapture('gzip', null), gz.subarray(0, gz.length - 20));
    expect(b.text.length).toBeGreaterThan(0);
    const u = await feed(new BodyCapture('zstd-custom', null), Buffer.from('abc'));
    expect(u.decodeError).toMatch(/unknown content-encoding/);
  });

  it('honours the charset (GBK pages from Chinese gateways)', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好
    const b = await feed(new BodyCapture(null, 'text/html; charset=GBK'), gbk);
    expect(b.text).toBe('你好');
  });

  it('streams decoded text to a consumer that may stop', async () => {
    const seen: string[] = [];
    const cap = new BodyCapture(null, 'text/event-stream', (t) => {
      seen.push(t);
      return t.includes('[DONE]') ? 'stop' : undefined;
    });
    expect(cap.push(Buffer.from('data: 1\n\n'))).toBe(true);
    expect(cap.push(Buffer.from('data: [DONE]\n\n'))).toBe(false);
    expect(seen.join('')).toContain('[DONE]');
  });
});

describe('HTML detection', () => {
  it('by type or by the first bytes; the title decoded and collapsed', () => {
    expect(isHtml('text/html; charset=utf-8', '')).toBe(true);
    expect(isHtml('application/json', '  <!DOCTYPE html><html>')).toBe(true);
    expect(isHtml('application/json', '{"a":1}')).toBe(false);
    expect(htmlTitle('<html><head><title>\n  Guest &amp; Visitor\n Wi-Fi &#8212; Login </title></head>')).toBe('Guest & Visitor Wi-Fi — Login');
    expect(htmlTitle('<html><body>no title</body></html>')).toBeNull();
  });
});
