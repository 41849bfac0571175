import zlib from 'node:zlib';
import type { HttpExchange, Report } from '../../../src-main/common/report.js';
import { REPORT_SCHEMA } from '../../../src-main/common/report.js';

const timings = { blocked: 0.2, dns: 1.5, connect: 0.8, ssl: 3.1, send: 0.1, wait: 12.4, receive: 0.6 };

/** A report as a careless engine might hand it over: the canary in every place a secret could hide. */
export function leakyReport(canary: string, base = 'https://api.example.test'): Report {
  const basic = Buffer.from(`user:${canary}`).toString('base64');
  const exchanges: HttpExchange[] = [
    {
      startedAt: '2026-11-23T20:00:00.000Z',
      request: {
        method: 'GET',
        url: `${base}/v1/models?api_key=${canary}&model=x`,
        httpVersion: '1.1',
        headers: [
          { name: 'Authorization', value: `Bearer ${canary}` },
          { name: 'x-api-key', value: canary },
          { name: 'Cookie', value: `session=${canary}; theme=dark` },
          { name: 'Proxy-Authorization', value: `Basic ${basic}` },
          { name: 'User-Agent', value: 'api-doctor/test' },
        ],
        bodySize: 0,
      },
      response: {
        status: 302,
        statusText: 'Found',
        httpVersion: '1.1',
        headers: [
          { name: 'Location', value: `${base}/v2/models?token=${encodeURIComponent(canary)}` },
          { name: 'Set-Cookie', value: `sid=${canary}; Path=/; HttpOnly` },
          { name: 'Content-Type', value: 'application/json' },
        ],
        bodySize: 40,
        body: { mimeType: 'application/json', text: JSON.stringify({ error: `invalid key ${canary}`, access_token: canary }) },
        redirectURL: `${base}/v2/models?token=${encodeURIComponent(canary)}`,
      },
      serverIPAddress: '127.0.0.1',
      timings,
      totalMs: 18.7,
    },
    {
      startedAt: '2026-11-23T20:00:00.100Z',
      request: {
        method: 'POST',
        url: `${base}/oauth/token`,
        httpVersion: '1.1',
        headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        bodySize: 60,
        body: { mimeType: 'application/x-www-form-urlencoded', text: `grant_type=client_credentials&client_id=app&client_secret=${encodeURIComponent(canary)}` },
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: '1.1',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        bodySize: 50,
        body: { mimeType: 'application/json', text: `{"access_token":"${canary}","token_type":"Bearer","expires_in":3600}` },
      },
      serverIPAddress: '::1',
      timings: { ...timings, ssl: -1 },
      totalMs: 9,
    },
    {
      startedAt: '2026-11-23T20:00:00.200Z',
      request: { method: 'GET', url: `${base}/v1/chat`, httpVersion: '1.1', headers: [], bodySize: 0 },
      response: null,
      error: 'HTTP_CONNECTION_RESET',
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
      totalMs: 2,
    },
  ];
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'api-doctor', version: '0.1.0' },
    target: { url: `https://user:${canary}@api.example.test/v1/models?key=${canary}`, method: 'GET', provider: 'openai' },
    lang: 'en',
    startedAt: '2026-11-23T20:00:00.000Z',
    durationMs: 120,
    summary: { verdict: 'failing', rootCause: 'AUTH_REJECTED', headline: `The key was rejected` },
    stages: [
      { id: 'dns', status: 'pass', durationMs: 2 },
      { id: 'auth', status: 'fail', durationMs: 20, reason: `server said: invalid api key ${canary}` },
    ],
    findings: [
      {
        code: 'AUTH_REJECTED',
        stage: 'auth',
        severity: 'error',
        title: 'The API key was rejected',
        detail: `The server answered 401 for Authorization: Bearer ${canary}`,
        evidence: { status: 401, sent: `Bearer ${canary}`, client_secret: canary, curl: `curl -H "x-api-key: ${canary}" ${base}/v1/models` },
        fixes: ['Create a new key'],
      },
    ],
    timings: { dnsMs: 1.5, connectMs: 0.8, tlsMs: 3.1, ttfbMs: 12.4, downloadMs: 0.6, totalMs: 18.4 },
    exchanges,
  };
}

export interface RawEntry {
  name: string;
  content: Uint8Array;
  method?: 0 | 8;
  /** What the headers claim the entry unpacks to (default: the truth). */
  declaredSize?: number;
  flags?: number;
}

/** Writes a zip byte by byte, so tests can make the ones no honest tool would. */
export function rawZip(entries: RawEntry[], extraCentral: { name: string; pointsTo: number }[] = []): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  const metas: { crc: number; comp: number; size: number; method: number; flags: number }[] = [];
  let offset = 0;
  const central = (name: string, m: (typeof metas)[number], at: number) => {
    const n = Buffer.from(name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(m.flags | 0x800, 8);
    c.writeUInt16LE(m.method, 10);
    c.writeUInt32LE(m.crc, 16);
    c.writeUInt32LE(m.comp, 20);
    c.writeUInt32LE(m.size, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(at, 42);
    return Buffer.concat([c, n]);
  };
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = method === 8 ? zlib.deflateRawSync(e.content) : Buffer.from(e.content);
    const m = { crc: zlib.crc32(e.content) >>> 0, comp: data.length, size: e.declaredSize ?? e.content.length, method, flags: e.flags ?? 0 };
    const n = Buffer.from(e.name, 'utf8');
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(m.flags | 0x800, 6);
    l.writeUInt16LE(method, 8);
    l.writeUInt32LE(m.crc, 14);
    l.writeUInt32LE(m.comp, 18);
    l.writeUInt32LE(m.size, 22);
    l.writeUInt16LE(n.length, 26);
    const local = Buffer.concat([l, n, data]);
    offsets.push(offset);
    metas.push(m);
    locals.push(local);
    centrals.push(central(e.name, m, offset));
    offset += local.length;
  }
  for (const x of extraCentral) centrals.push(central(x.name, metas[x.pointsTo]!, offsets[x.pointsTo]!));
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
