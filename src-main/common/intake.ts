import type { FindingCode } from './codes.js';
import type { JsonValue } from './report.js';

/**
 * What the wizard's paste box gets back from main for a pasted URL, curl command, HAR or error
 * text. Header values in `fill` are the ones the page itself just sent (the user pasted them):
 * nothing stored in main ever comes back this way. `preview` is what the page shows, masked.
 */
export interface IntakePreviewView {
  method: string;
  url: string;
  headers: { name: string; value: string; masked: boolean }[];
  body: string | null;
  proxy: string | null | undefined;
  insecure: boolean;
  ignored: string[];
  notes: string[];
}

/** The request fields a pasted call decides, for the Target form. */
export interface PastedFill {
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  body?: string;
  /** undefined: as the environment says; null: no proxy; string: this proxy. */
  proxy?: string | null;
  insecure: boolean;
  timeoutMs?: number;
  dnsServers: string[];
  resolve: { host: string; port: number; address: string }[];
}

export interface HarEntryView {
  index: number;
  method: string;
  url: string;
  status: number;
  failed: boolean;
}

export interface ExplanationView {
  matches: { code: FindingCode; confidence: number; why: string }[];
  next: string;
}

export type PastedRead =
  | { kind: 'empty' }
  | { kind: 'url'; url: string }
  | { kind: 'request'; source: 'curl' | 'har'; preview: IntakePreviewView; fill: PastedFill; entries?: HarEntryView[]; entry?: number }
  | { kind: 'error'; explanation: ExplanationView; target: string | null };

/** What the page sends: pasted text (auto-detected), or a dropped HAR's text and the entry to use. */
export interface PastedInput {
  text: string;
  kind?: 'auto' | 'har';
  entry?: number;
}

/** `diff`'s differences, keys exactly as the contract spells them. */
export interface DiffView {
  differences: { path: string; a: JsonValue; b: JsonValue; 'why it matters': string }[];
  /** The other bundle's file name. */
  other: string | null;
}
