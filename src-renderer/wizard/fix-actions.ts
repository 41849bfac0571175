import { tick } from 'svelte';
import type { FixAction } from '../lib/fix-parts.js';
import type { MessageKey } from '../lib/i18n/en.js';
import { doctor } from '../lib/api.js';
import { wizard } from './wizard.svelte.js';
import { reportSystemProxy } from '../lib/system-proxy.js';

/** The button text of each in-app action (a GUI user presses these instead of typing a CLI flag). */
export const ACTION_LABEL: Record<FixAction, MessageKey> = {
  'choose-ca': 'fix.action.chooseCa',
  samples: 'fix.action.samples',
  proxy: 'fix.action.proxy',
  'no-proxy': 'fix.action.noProxy',
  'system-proxy': 'fix.action.systemProxy',
  dns: 'fix.action.dns',
  timeout: 'fix.action.timeout',
  key: 'fix.action.key',
  completion: 'fix.action.completion',
  stream: 'fix.action.stream',
};

/** The control in the Target step each action opens (ids from target-step / advanced-options). */
const FIELD: Record<FixAction, string> = {
  'choose-ca': '#timeout',
  samples: '#samples',
  proxy: 'input[name="proxy"]',
  'no-proxy': 'input[name="proxy"]',
  'system-proxy': 'input[name="proxy"]',
  dns: '#dns',
  timeout: '#timeout',
  key: '#credential',
  completion: '#completion',
  stream: '#stream',
};

/** More samples make a flaky server's pattern visible; 20 is the form's maximum. */
export const MANY_SAMPLES = 20;

/** Goes to the Target step with the Advanced options open and the control focused. */
export async function reveal(action: FixAction): Promise<void> {
  wizard.go('target');
  await tick();
  const adv = document.querySelector<HTMLDetailsElement>('details.advanced');
  if (adv && action !== 'key') adv.open = true;
  await tick();
  const el = document.querySelector<HTMLElement>(FIELD[action]);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

/**
 * Runs an action. Those the app can finish itself re-run the diagnosis with the change (the
 * form is changed too, so the Target step shows what was sent); the others open the control.
 * Returns an error message, or null.
 */
export async function runAction(action: FixAction, systemProxy: string | null = reportSystemProxy(wizard.run.report)): Promise<string | null> {
  const run = wizard.run;
  const form = wizard.form;
  if (action === 'choose-ca') {
    const r = await doctor().pickCaFile();
    if (!r.ok) return r.error.message;
    if (!r.value) return null;
    form.caFile = r.value;
    if (!run.request) return (await reveal(action), null);
    wizard.follow = true;
    await run.start({ ...run.request, caFile: r.value.path });
    return run.error;
  }
  if (action === 'samples' && run.request) {
    form.samples = MANY_SAMPLES;
    wizard.follow = true;
    // Exactly 20: without samplesExplicit a healthy, fast first answer would be taken as the only sample.
    await run.start({ ...run.request, samples: MANY_SAMPLES, samplesExplicit: true });
    return run.error;
  }
  if (action === 'no-proxy' && run.request) {
    form.proxyMode = 'none';
    wizard.follow = true;
    await run.start({ ...run.request, proxy: null });
    return run.error;
  }
  // The proxy is the one the engine read from the OS settings (finding evidence), never one parsed out of a sentence.
  if (action === 'system-proxy' && run.request && systemProxy) {
    form.proxyMode = 'custom';
    form.proxyUrl = systemProxy;
    wizard.follow = true;
    await run.start({ ...run.request, proxy: systemProxy });
    return run.error;
  }
  await reveal(action);
  return null;
}
