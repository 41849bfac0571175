import { beforeAll, describe, expect, it } from 'vitest';
import type { TextRef } from '../../../src-main/common/text-ref.js';
import type { ProbeView } from '../../../src-renderer/lib/stores/run.svelte.js';
import { probeMark } from '../../../src-renderer/wizard/probe-state.js';
import { ensureTexts } from '../../../src-renderer/lib/texts.js';

// Reasons are read through the renderer's texts, which the app loads before it mounts.
beforeAll(() => ensureTexts('en'));

const probe = (status: ProbeView['status'], summary: TextRef | null = null): ProbeView => ({ id: 'x', stage: 'tls', status, durationMs: 1, summary });

// Probe rows keep apart what steps keep apart (issue #15): ✓, not applicable, not reached,
// not checked: reason, cancelled — and no ✓ beside a failure.
describe('probeMark', () => {
  it('a probe with nothing to check for this target is "not applicable", not ✓ and not "skipped"', () => {
    for (const code of ['tls.notApplicable', 'stream.notApplicable', 'oauth.notApplicable', 'completion.notApplicable']) expect(probeMark(probe('skipped', { code }), 'pass')).toBe('not-applicable');
    // Ran, and found nothing of its own to check: no proxy, an IP literal, the proxy resolves and connects.
    for (const code of ['proxy.direct', 'proxy.bypassed', 'dns.literal', 'dns.viaProxy', 'tcp.viaProxy']) expect(probeMark(probe('ok', { code }), 'pass')).toBe('not-applicable');
  });

  it('blocked by an earlier failure: not reached; blocked by a cancel, or cancelled: cancelled', () => {
    expect(probeMark(probe('skipped', { code: 'run.depFailed', values: { probe: 'dns', reason: { code: 'dns.failed', values: { host: 'h', error: 'ENOTFOUND' } } } }), 'skipped')).toBe('skipped');
    expect(probeMark(probe('skipped', { code: 'run.notRun' }), 'skipped')).toBe('skipped');
    expect(probeMark(probe('skipped', { code: 'run.depFailed', values: { probe: 'http', reason: { code: 'run.cancelled' } } }), 'cancelled')).toBe('cancelled');
    expect(probeMark(probe('skipped', { code: 'run.cancelledBefore', values: { after: '1.0' } }), 'cancelled')).toBe('cancelled');
    expect(probeMark(probe('failed', { code: 'run.cancelled' }), 'cancelled')).toBe('cancelled');
  });

  it('could not run while its stage passed: not checked; failed in a failed stage: ✗', () => {
    expect(probeMark(probe('failed', { code: 'stream.noEndpoint' }), 'not-checked')).toBe('not-checked');
    expect(probeMark(probe('failed', { code: 'stream.noEndpoint' }), 'pass')).toBe('not-checked');
    expect(probeMark(probe('failed', { code: 'tls.handshakeFailed' }), 'fail')).toBe('fail');
    expect(probeMark(probe('failed', { code: 'tls.handshakeFailed' }), 'running')).toBe('fail');
  });

  it('ran to the end: ✓, or the stage\'s ✗ / ! when what it measured is the problem', () => {
    expect(probeMark(probe('ok', { code: 'tls.summary' }), 'pass')).toBe('pass');
    expect(probeMark(probe('ok', { code: 'server.sampled' }), 'fail')).toBe('fail');
    expect(probeMark(probe('ok', { code: 'server.sampled' }), 'warn')).toBe('warn');
    expect(probeMark(probe('running'), 'running')).toBe('running');
    expect(probeMark(probe('pending'), 'idle')).toBe('pending');
  });
});
