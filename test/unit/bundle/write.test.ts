import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { buildBundle } from '../../../src-main/bundle/write.js';
import { readBundle } from '../../../src-main/bundle/read.js';
import { toHar } from '../../../src-main/bundle/har.js';
import { collectEnvironment } from '../../../src-main/bundle/environment.js';
import { parseResolvConf } from '../../../src-main/engine/net/resolv-conf.js';
import { findLeak, randomCanary } from '../../integration/canary-forms.js';
import { harValidator } from './har-validate.js';
import { leakyReport } from './fixtures.js';

const validateHar = harValidator();

describe('bundle writer', () => {
  it('writes the five files with correct checksums, and no byte of any file holds the canary', async () => {
    const canary = randomCanary();
    const proxyPass = randomCanary('pxy');
    const environment = await collectEnvironment({
      env: { HTTPS_PROXY: `http://alice:${proxyPass}@proxy.test:3128`, NO_PROXY: 'localhost', SECRET_THING: canary },
      resolvConf: async () => 'nameserver 127.0.0.53\nsearch corp.test\noptions edns0\n',
    });
    // The canary is NOT registered: everything must be caught by structure and shape alone.
    const built = buildBundle(leakyReport(canary), { environment, createdAt: new Date('2026-11-23T21:00:00Z') });
    const files = unzipSync(built.zip);
    expect(Object.keys(files).sort()).toEqual(['environment.json', 'manifest.json', 'report.json', 'report.md', 'requests.har']);
    for (const [name, data] of Object.entries(files)) {
      const leak = findLeak(strFromU8(data), [canary, proxyPass]);
      expect(leak, `${name}: ${leak}`).toBeNull();
    }
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ schema: 'api-doctor/bundle@1', createdAt: '2026-11-23T21:00:00.000Z', tool: { name: 'api-doctor' } });
    for (const f of manifest.files) expect(createHash('sha256').update(files[f.name]!).digest('hex')).toBe(f.sha256);

    const env = JSON.parse(strFromU8(files['environment.json']!));
    expect(env.proxy.effective).toEqual({ value: 'http://%5BREDACTED%5D@proxy.test:3128', source: 'env:HTTPS_PROXY' });
    expect(env.resolvers).toEqual({ source: '/etc/resolv.conf', nameservers: ['127.0.0.53'], search: ['corp.test'], options: ['edns0'] });
    expect(env.caStore.nodeBundledCertificates).toBeGreaterThan(50);
    expect(JSON.stringify(env)).not.toContain('SECRET_THING');
  });

  it('redacts the canary when it is known, even in shapes the rules do not know', () => {
    const canary = randomCanary();
    const report = leakyReport(canary);
    const odd = { ...report, summary: { ...report.summary, headline: `weird place: ${canary.split('').reverse().join('')}|${canary}` } };
    const built = buildBundle(odd, { environment: {}, secrets: [canary] });
    for (const data of Object.values(unzipSync(built.zip))) expect(findLeak(strFromU8(data), [canary])).toBeNull();
    expect(built.redactions).toContainEqual({ file: 'report.json', path: '$.summary.headline', kind: 'known secret' });
  });

  it('lists every redaction with file, path and kind (the preview)', () => {
    const built = buildBundle(leakyReport(randomCanary()), { environment: {} });
    const where = (file: string) => built.redactions.filter((r) => r.file === file);
    expect(where('report.json')).toEqual(
      expect.arrayContaining([
        { file: 'report.json', path: '$.target.url', kind: 'url credentials' },
        { file: 'report.json', path: '$.exchanges[0].request.headers[0].value', kind: 'authorization header' },
        { file: 'report.json', path: '$.exchanges[0].request.headers[2].value', kind: 'cookie' },
        { file: 'report.json', path: '$.findings[0].evidence.client_secret', kind: 'secret field' },
      ]),
    );
    expect(where('requests.har').some((r) => r.path.startsWith('$.log.entries[0].request.headers'))).toBe(true);
    expect(where('report.md').length).toBeGreaterThan(0);
  });

  it('writes HAR 1.2 that validates against the JSON Schema, with timings, server IP and redirects', () => {
    const built = buildBundle(leakyReport(randomCanary()), { environment: {} });
    const har = JSON.parse(strFromU8(unzipSync(built.zip)['requests.har']!));
    expect(validateHar(har)).toEqual([]);
    const [first, second, failed] = har.log.entries;
    expect(first.timings).toEqual({ blocked: 0.2, dns: 1.5, connect: 3.9, ssl: 3.1, send: 0.1, wait: 12.4, receive: 0.6 });
    expect(first.time).toBeCloseTo(0.2 + 1.5 + 3.9 + 0.1 + 12.4 + 0.6, 5);
    expect(first.serverIPAddress).toBe('127.0.0.1');
    expect(first.response.redirectURL).toBe('https://api.example.test/v2/models?token=%5BREDACTED%5D');
    expect(first.request.httpVersion).toBe('HTTP/1.1');
    expect(second.serverIPAddress).toBe('::1');
    expect(second.request.postData.text).toContain('client_id=app');
    expect(failed.response.status).toBe(0);
    expect(failed.response._error).toBe('HTTP_CONNECTION_RESET');
    // The validator is not a rubber stamp.
    expect(validateHar({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{ ...first, request: { ...first.request, url: 'not a uri' } }] } })).not.toEqual([]);
  });

  it('an empty run still makes a valid HAR', () => {
    expect(validateHar(toHar([], { name: 'api-doctor', version: '0' }))).toEqual([]);
  });

  it('round-trips: a bundle opens and shows the same findings', () => {
    const built = buildBundle(leakyReport(randomCanary()), { environment: {} });
    const opened = readBundle(built.zip, { source: 'b.zip' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.report.findings.map((f) => f.code)).toEqual(['AUTH_REJECTED']);
    expect(opened.value.manifest?.files.map((f) => f.name)).toEqual(['report.json', 'report.md', 'requests.har', 'environment.json']);
    expect(opened.value.warnings).toEqual([]);
  });

  it('parses resolv.conf with comments and odd spacing', () => {
    expect(parseResolvConf('# c\nnameserver   10.0.0.2 # x\nnameserver ::1\ndomain a.test\n')).toEqual({ nameservers: ['10.0.0.2', '::1'], search: ['a.test'], options: [] });
  });
});

describe('HAR edge cases', () => {
  it('drops a serverIPAddress that is not an IP, keeps [v6] without brackets, and stays valid', () => {
    const base = leakyReport('x'.repeat(20)).exchanges[0]!;
    const har = toHar(
      [
        { ...base, serverIPAddress: 'proxy.corp.test' },
        { ...base, serverIPAddress: '[::1]' },
        { ...base, request: { ...base.request, httpVersion: '2' }, response: { ...base.response!, httpVersion: 'h2' } },
      ],
      { name: 'api-doctor', version: '0' },
    );
    expect(har.log.entries.map((e) => e.serverIPAddress ?? null)).toEqual([null, '::1', '127.0.0.1']);
    expect(har.log.entries[2]!.request.httpVersion).toBe('HTTP/2.0');
    expect(validateHar(JSON.parse(JSON.stringify(har)))).toEqual([]);
  });
});
