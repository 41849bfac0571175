import type { FindingCode } from './codes.js';
import type { TextRef } from './text-ref.js';

/**
 * The clients the matrix judges (contract section 7). Public API: add, never rename. The first is
 * the default of `--client`: how the engine itself behaves.
 */
export const CLIENT_IDS = ['curl', 'browser', 'node', 'python-requests', 'python-httpx', 'openai-python', 'anthropic-python', 'openai-node'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];
export const isClientId = (s: string): s is ClientId => (CLIENT_IDS as readonly string[]).includes(s);

export type ClientOutcome = 'ok' | 'fail' | 'at-risk' | 'unknown';

/** One row of the matrix: would this call, from this machine, work for this client? */
export interface ClientRow {
  id: ClientId;
  label: string;
  outcome: ClientOutcome;
  code: FindingCode | null;
  /** One sentence, in the report's language. */
  reason: string;
  /** The label and the reason as data (report/text words them in either language; a language switch re-words them). */
  labelRef?: TextRef;
  reasonRef?: TextRef;
}
