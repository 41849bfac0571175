import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type os from 'node:os';
import { codesOf, createNetns, diagnoseInNetns, diagnoseJson, netnsUnavailable, stageOf, startPlainHttpServer, type LabServer, type Netns } from '../lab/index.js';

const loopbackOnly = (): NodeJS.Dict<os.NetworkInterfaceInfo[]> => ({
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
});

describe('environment stage', () => {
  let web: LabServer;
  beforeAll(async () => {
    web = await startPlainHttpServer();
  });
  afterAll(() => web.close());

  it('no usable interface and a remote target → ENV_NO_NETWORK; every later stage is skipped, nothing is sent', async () => {
    const r = await diagnoseJson(['https://api.example.com/v1/models', '--timeout', '1000'], { deps: { platform: { networkInterfaces: loopbackOnly } } });
    expect(r.report.summary.rootCause).toBe('ENV_NO_NETWORK');
    expect(codesOf(r.report)).toEqual(['ENV_NO_NETWORK']);
    for (const id of ['proxy', 'dns', 'tcp', 'tls'] as const) expect(stageOf(r.report, id).status).toBe('skipped');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a loopback target does not need a network: no ENV_NO_NETWORK with loopback alone', async () => {
    const r = await diagnoseJson([web.url('http')], { deps: { platform: { networkInterfaces: loopbackOnly } } });
    expect(codesOf(r.report)).not.toContain('ENV_NO_NETWORK');
    expect(stageOf(r.report, 'environment').status).toBe('pass');
    expect(stageOf(r.report, 'tcp').status).toBe('pass');
    expect(r.code).toBe(0);
  });
});

const why = netnsUnavailable();
if (why) console.log(`[skip] environment namespace test: ${why}`);

describe.skipIf(why !== null)('environment stage on a machine with truly no network (a bare namespace)', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = createNetns();
  });
  afterAll(() => ns?.close());

  it('→ ENV_NO_NETWORK from the real interface list', async () => {
    const r = await diagnoseInNetns(ns, ['https://api.example.com/v1/models', '--timeout', '1000']);
    expect(r.report.summary.rootCause).toBe('ENV_NO_NETWORK');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(10_000);
  });
});
