import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createHandlerTable } from '../../src-main/app/handler-table.js';
import type { DoctorEvents } from '../../src-main/common/ipc-contract.js';
import type { Report } from '../../src-main/common/report.js';
import { defaultRequest } from '../../src-main/common/request.js';
import { createMemoryStore } from '../../src-main/credentials/memory-store.js';
import { Secret } from '../../src-main/engine/secret.js';
import { readBundle } from '../../src-main/bundle/read.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { findLeak, randomCanary } from './canary-forms.js';

/**
 * The app's path: a key saved through the store, used by name in a diagnosis started over IPC.
 * No canary may appear in any IPC answer, any progress event, the preview, or the bundle.
 */
const KEY = randomCanary('sk-app');
let api: CanaryApi;

beforeAll(async () => {
  api = await startCanaryApi({ accessToken: 'unused-access-token' });
});
afterAll(async () => {
  await api?.close();
});

describe('canaries through the app (IPC handlers)', () => {
  it('save → diagnose by name → preview → export → open: nothing that crosses IPC carries the key', async () => {
    const store = createMemoryStore();
    const events: DoctorEvents['progress'][] = [];
    let saved: Uint8Array | null = null;
    const table = createHandlerTable({
      versions: {},
      platform: process.platform,
      env: {},
      engine: { platform: { env: {} } },
      credentialStore: () => store,
      environment: async () => ({ note: `proxy http://u:${KEY}@p.test:1` }),
      chooseBundleSavePath: async () => '/dev/null/never-written.zip',
      chooseBundleOpenPath: async () => null,
    });
    const answers: unknown[] = [];
    const ctx = { emit: <E extends keyof DoctorEvents>(_e: E, p: DoctorEvents[E]) => void events.push(p as DoctorEvents['progress']) };

    answers.push(await table.saveCredential(ctx, { name: 'lab', provider: 'generic', placement: { kind: 'header', name: 'x-api-key' }, secret: KEY }));
    answers.push(await table.listCredentials(ctx));
    const started = await table.startDiagnosis(ctx, defaultRequest(api.url('http', '/v1/unauthorized'), { credential: { kind: 'keychain', name: 'lab' }, samples: 1, timeoutMs: 4000 }));
    answers.push(started);
    expect(started.ok).toBe(true);
    const deadline = Date.now() + 20_000;
    while (!events.some((e) => e.event.type === 'done') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const done = events.find((e) => e.event.type === 'done');
    expect(done).toBeDefined();
    const report = (done!.event as { report: Report }).report;

    // The key really went out, in the header the saved placement names.
    expect(api.received.some((r) => r.auth === KEY)).toBe(true);
    // x-api-key sent, the lab asks for Bearer: an auth-stage error either way.
    expect(report.findings.some((f) => f.stage === 'auth' && f.severity === 'error')).toBe(true);

    const preview = await table.previewBundle(ctx, { report: JSON.parse(JSON.stringify(report)) });
    answers.push(preview);
    expect(preview.ok && preview.value.redactions.length).toBeGreaterThan(0);
    const exported = await table.exportBundle(ctx, { report: JSON.parse(JSON.stringify(report)) });
    expect(exported.ok).toBe(false); // /dev/null/… is not writable: a clean error, not a crash
    answers.push(exported);

    const { buildBundle } = await import('../../src-main/bundle/write.js');
    saved = buildBundle(report, { environment: { note: `proxy http://u:${KEY}@p.test:1` } }).zip;
    const opened = await table.openBundle(ctx, { bytesBase64: Buffer.from(saved).toString('base64'), name: 'x.zip' });
    answers.push(opened);
    expect(opened.ok).toBe(true);
    expect(readBundle(saved).ok).toBe(true);

    const everything = [JSON.stringify(answers), JSON.stringify(events), ...Object.values(unzipSync(saved)).map((d) => strFromU8(d))];
    for (const text of everything) expect(findLeak(text, [KEY])).toBeNull();
    // The store still has it: redaction happened on the way out, not by losing the key.
    const got = await store.get('lab');
    expect(got.ok && got.value?.secret).toBeInstanceOf(Secret);
  });
});
