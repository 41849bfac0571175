/**
 * A sentence as data: a text code and the measured values it needs. Probes and the runner say
 * what happened with these (a summary, why a probe failed or was skipped); report/text turns
 * them into words in either language, wherever they are shown, so a language switch re-renders
 * locally and nothing of the engine has to speak English or Chinese.
 */
export interface TextRef<C extends string = string> {
  code: C;
  values?: { [name: string]: TextValue };
}

/** A value in a sentence: measured data (shown as is), another sentence (rendered in the same language), or a list of them. */
export type TextValue = string | number | boolean | null | undefined | TextRef | TextValue[];

export const isTextRef = (v: unknown): v is TextRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { code?: unknown }).code === 'string';
