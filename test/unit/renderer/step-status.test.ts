import { beforeAll, describe, expect, it } from 'vitest';
import type { StageId } from '../../../src-main/common/stages.js';
import type { StageView } from '../../../src-renderer/lib/stores/run.svelte.js';
import { stageState, stepStatus } from '../../../src-renderer/wizard/step-status.js';
import { ensureTexts } from '../../../src-renderer/lib/texts.js';
import { STEP_DEFS as STEPS } from '../../../src-renderer/wizard/step-defs.js';
import { STAGES } from '../../../src-main/common/stages.js';

// Step states read reasons through the renderer's texts, which the app loads before it mounts.
beforeAll(() => ensureTexts('en'));

const v = (status: StageView['status'], reason: StageView['reason'] = null): StageView => ({ status, durationMs: 1, reason });
type Views = Partial<Record<StageId, StageView>>;

describe('steps follow the engine', () => {
  it('one step a stage group, in the engine order, the connection after DNS', () => {
    const order = STEPS.flatMap((s) => s.stages);
    expect(order).toEqual([...STAGES]);
    expect(STEPS.map((s) => s.id)).toEqual(['target', 'network', 'dns', 'connection', 'tls', 'auth', 'server', 'report']);
    expect(STEPS.find((s) => s.id === 'connection')!.stages).toEqual(['tcp']);
  });
});

describe('stage and step states tell the truth', () => {
  it('keeps not reached, not applicable, not checked and cancelled apart, none of them ✓', () => {
    const views: Views = {
      dns: v('fail'),
      tcp: v('skipped', 'dns failed: ENOTFOUND'),
      tls: v('skipped', 'not an https:// URL'),
      http: v('skipped', 'cancelled'),
      auth: v('skipped', 'http failed: cancelled'),
      server: v('skipped', 'not yet checked'),
    };
    expect(stageState('tcp', views)).toBe('skipped');
    // After a failure, a skipped stage is blocked, whatever its own reason says.
    expect(stageState('tls', views)).toBe('skipped');
    expect(stageState('tls', { dns: v('pass'), tls: v('skipped', 'not an https:// URL') })).toBe('not-applicable');
    expect(stageState('http', views)).toBe('cancelled');
    expect(stageState('auth', views)).toBe('cancelled');
    expect(stageState('server', views)).toBe('not-checked');
    expect(stageState('proxy', views)).toBe('idle');
    expect(stageState('tls', { tls: v('skipped', 'cancelled after 1.2 s of 10 s') })).toBe('cancelled');
    expect(stageState('tls', { tls: v('skipped', 'not checked: tls: no address') })).toBe('not-checked');
    expect(stageState('http', { http: v('pass', 'not checked: stream: probe error: x') })).toBe('not-checked');
  });

  it('reads the reasons as data (report/text), the way the runner sends them now', () => {
    const views: Views = {
      dns: v('fail'),
      tcp: v('skipped', { code: 'run.depFailed', values: { probe: 'dns', reason: { code: 'dns.failed', values: { host: 'x', error: 'ENOTFOUND' } } } }),
      http: v('skipped', { code: 'run.cancelledBefore', values: { after: '1.2' } }),
      auth: v('skipped', { code: 'run.depFailed', values: { probe: 'http', reason: { code: 'run.cancelled' } } }),
      server: v('skipped', { code: 'run.notYetChecked' }),
    };
    expect(stageState('tcp', views)).toBe('skipped');
    expect(stageState('http', views)).toBe('cancelled');
    expect(stageState('auth', views)).toBe('cancelled');
    expect(stageState('server', views)).toBe('not-checked');
    expect(stageState('tls', { tls: v('skipped', { code: 'run.cancelledDuring', values: { after: '1.2', budget: '10.0' } }) })).toBe('cancelled');
    expect(stageState('tls', { dns: v('pass'), tls: v('skipped', { code: 'tls.notHttps' }) })).toBe('not-applicable');
    expect(stageState('tcp', { tcp: v('skipped', { code: 'run.notRun' }) })).toBe('skipped');
    const notChecked = { code: 'run.notChecked', values: { items: [{ code: 'run.notCheckedItem', values: { probe: 'stream', reason: { code: 'run.notRun' } } }] } };
    expect(stageState('http', { http: v('pass', notChecked) })).toBe('not-checked');
    expect(stageState('http', { http: v('skipped', notChecked) })).toBe('not-checked');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('skipped', { code: 'run.cancelled' }) })).toBe('cancelled');
  });

  it('shows ✓ only when every stage of the step passed', () => {
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('fail') })).toBe('fail');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('skipped', 'not yet checked') })).toBe('not-checked');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('skipped', 'cancelled') })).toBe('cancelled');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('pass') })).toBe('pass');
    expect(stepStatus(['tls'], { tls: v('skipped', 'plain http') })).toBe('not-applicable');
    // Half-done: a passed stage beside one that has not reported yet is still being checked.
    expect(stepStatus(['environment', 'proxy'], { environment: v('pass') })).toBe('running');
  });
});
