import { doctor } from '../lib/api.js';
import { i18n } from '../lib/i18n/index.svelte.js';
import { DiagnosisRun } from '../lib/stores/run.svelte.js';
import { TargetForm } from '../lib/stores/target-form.svelte.js';
import type { StepId } from './steps.js';

/**
 * The wizard's state: which step is shown, and whether it follows the running diagnosis (it does
 * until the user picks a step themselves, so nobody is yanked away from what they are reading).
 */
export class Wizard {
  current: StepId = $state('target');
  follow = $state(false);
  readonly form = new TargetForm();
  readonly run = new DiagnosisRun(doctor, () => i18n.lang);

  go(step: StepId): void {
    this.current = step;
    this.follow = false;
  }

  /** Moves along with the run when following. */
  track(step: StepId): void {
    if (this.follow) this.current = step;
  }
}

export const wizard = new Wizard();
