import type { Timings } from '../../common/report.js';
import type { FindingDraft } from '../probe.js';
import type { ProviderId } from '../../common/report.js';
import type { CredentialPlan } from '../auth/plan.js';
import type { ExchangeError } from './exchange.js';

/** The final answer, as the rules read it (bounded: headers and a body prefix, never the whole thing). */
export interface AnswerSummary {
  url: string;
  method: string;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  contentType: string | null;
  /** The first BODY_TEXT_CAP characters of the decoded body. */
  bodyText: string;
  bodyTruncated: boolean;
  html: boolean;
  title: string | null;
  /** Local wall clock (ms since epoch) when the headers arrived. */
  receivedAt: number;
  serverIp: string | null;
  ttfbMs: number | null;
  requestBytes: number;
}

export interface HopSummary {
  url: string;
  method: string;
  status: number | null;
  location: string | null;
  totalMs: number;
}

/** What the http probe leaves for the auth, server and stream probes and for the rules. */
export interface HttpProbeData {
  provider: ProviderId;
  plan: CredentialPlan;
  hops: HopSummary[];
  answer: AnswerSummary | null;
  error: (ExchangeError & { url: string; timeoutMs: number; receivedBytes: number; status: number | null }) | null;
  loop: null | { reason: 'cycle' | 'limit'; chain: string[] };
  downgrade: null | { from: string; to: string };
  refused: null | { location: string; scheme: string };
  /** Set when OAuth was asked for and the token request failed (the call then went without a token). */
  oauthFailed: boolean;
  timing: Partial<Timings>;
  /** The primary finding the answer implies (any stage), computed once by judgeAnswer. */
  verdict: FindingDraft | null;
}

/** Bodies are kept whole up to 1 MiB for the HAR; the rules need only this much text. */
export const BODY_TEXT_CAP = 64 * 1024;
