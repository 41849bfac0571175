import type { FindingCode, Severity } from './codes.js';
import type { Advice } from './advice.js';
import type { StageId } from './stages.js';
import type { TextRef } from './text-ref.js';
import type { ClientRow } from './clients.js';
import type { TlsCertificates } from './tls-view.js';

export const REPORT_SCHEMA = 'api-doctor/report@1' as const;

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

export type ProviderId = 'openai' | 'zhipu' | 'anthropic' | 'azure-openai' | 'generic' | 'deepseek' | 'moonshot' | 'dashscope' | 'openrouter';
export type ProviderChoice = 'auto' | ProviderId;

/** JSON-safe evidence attached to a finding. Values are already redacted. */
export type Evidence = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Finding {
  code: FindingCode;
  stage: StageId;
  severity: Severity;
  title: string;
  detail: string;
  evidence: Evidence;
  fixes: string[];
}

export type StageStatus = 'pass' | 'warn' | 'fail' | 'skipped';

export interface StageResult {
  id: StageId;
  status: StageStatus;
  durationMs: number;
  /** Why a stage was skipped, or a one-line summary of what it measured, in the report's language. */
  reason?: string;
  /** The same reason as data, so a viewer can word it in another language (report/text). */
  reasonRef?: TextRef;
}

export interface Timings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  downloadMs: number | null;
  totalMs: number;
}

/** `cancelled`: the user stopped the run; nothing unfinished was judged (contract addition). */
export type Verdict = 'healthy' | 'degraded' | 'failing' | 'cancelled';

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'api-doctor'; version: string };
  target: { url: string; method: string; provider: ProviderId };
  lang: Lang;
  startedAt: string;
  durationMs: number;
  summary: {
    verdict: Verdict;
    rootCause: FindingCode | null;
    headline: string;
    /**
     * The client the run was judged for (--client, default curl) does not trust the chain; only
     * --ca-file made it pass. The headline says so: that client (and the matrix rows) lack that CA.
     */
    caFileOnly?: { client: string };
  };
  stages: StageResult[];
  findings: Finding[];
  timings: Timings;
  /** Every HTTP exchange the run made (redacted), the source of requests.har. */
  exchanges: HttpExchange[];
  /** Client advice (timeouts, retry policy, snippets) when the HTTP stages ran. */
  advice?: Advice;
  /** The client matrix (contract section 7): would this call work for curl, a browser, Node, Python…? */
  clients?: ClientRow[];
  /** The certificates the TLS handshake presented and which trust stores accept them (when a chain was seen). */
  tls?: TlsCertificates;
}

/** One request/response the engine made, already redacted; bundle/ turns these into HAR 1.2. */
export interface HttpExchange {
  startedAt: string;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    bodySize: number;
    body?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    bodySize: number;
    body?: { mimeType: string; text: string; truncated?: boolean };
    redirectURL?: string;
  } | null;
  /** Failure of the exchange, if no full response came (a contract code or an error name). */
  error?: string;
  serverIPAddress?: string;
  /** The stage and probe that made this exchange (reports from before this field lack it). */
  stage?: StageId;
  probe?: string;
  /** Phase durations in ms; -1 where a phase did not apply (e.g. reused connection, plain http). */
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  totalMs: number;
}
