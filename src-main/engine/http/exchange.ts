import diagnostics from 'node:diagnostics_channel';
import { round1 } from '../../common/round.js';
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import type { HttpExchange } from '../../common/report.js';
import { toRecord } from './exchange-record.js';
import type { DiagnosisRequest } from '../../common/request.js';
import { causeChain, classifyNetworkError, type ClassifiedError, type NetPhase } from '../classify.js';
import { BodyCapture, type CapturedBody } from './body.js';
import { emptyTimes, timedConnector, type ConnectionTimes } from './connector.js';
import { proxyAuthorization } from '../net/proxy-tunnel.js';

export interface ExchangeInput {
  method: string;
  url: URL;
  headers: { name: string; value: string }[];
  body?: string;
  /** Per-phase budget: connect, headers and body each get this long. */
  timeoutMs: number;
  signal: AbortSignal;
  ca: string[] | undefined;
  pins: DiagnosisRequest['resolve'];
  dnsServers: string[];
  proxyUrl: string | null;
  /** Sees the decoded body as it arrives (SSE); 'stop' ends reading. */
  onText?: (text: string) => 'stop' | void;
  /**
   * Total time the body may take after the headers (default: timeoutMs, the per-phase budget).
   * bodyTimeout only catches silence; a body that trickles forever needs this.
   */
  bodyBudgetMs?: number;
}

export interface ExchangeError extends ClassifiedError {
  phase: NetPhase;
  /** True when the failure came after the response headers (the body broke). */
  afterHeaders: boolean;
}

export interface ExchangeOutcome {
  method: string;
  url: string;
  status: number | null;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  body: CapturedBody | null;
  error: ExchangeError | null;
  times: ConnectionTimes;
  blockedMs: number;
  ttfbMs: number | null;
  downloadMs: number | null;
  totalMs: number;
  /** Local wall clock when the headers arrived: the clock-skew check compares the server's Date with it. */
  receivedAt: number | null;
  /** performance.now() when the headers arrived (a stream's events are timed against it). */
  headersAt?: number | null;
  record: HttpExchange;
}

function headerRecord(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  // defineProperty: a header the server names __proto__ stays a header.
  for (const [k, v] of Object.entries(h)) if (v !== undefined) Object.defineProperty(out, k.toLowerCase(), { value: Array.isArray(v) ? v.join(', ') : v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Plain http:// through an HTTP(S) proxy goes in absolute form (`GET http://host/path`), as every client sends it. */
const absoluteForm = (input: ExchangeInput): boolean => input.proxyUrl !== null && input.url.protocol === 'http:' && /^https?:/i.test(input.proxyUrl);

function dispatcherFor(input: ExchangeInput, times: ConnectionTimes): Dispatcher {
  // Absolute form: our own connector opens the connection to the proxy (its DNS, TCP and TLS
  // measured like any other), and the request line names the target (see sendRequest).
  const connect = absoluteForm(input)
    ? timedConnector({ pins: [], dnsServers: [], ca: input.ca, proxyUrl: null, signal: input.signal, timeoutMs: input.timeoutMs }, times)
    : timedConnector({ pins: input.pins, dnsServers: input.dnsServers, ca: input.ca, proxyUrl: input.proxyUrl, signal: input.signal, timeoutMs: input.timeoutMs }, times);
  // One connection, never reused: every exchange pays (and shows) its own DNS, TCP and TLS.
  return new Agent({ connect, connections: 1, pipelining: 1, keepAliveTimeout: 1, headersTimeout: input.timeoutMs, bodyTimeout: input.timeoutMs });
}

/** Sends the request: to the target's origin, or for absolute form to the proxy with the full URL as the path. */
function sendRequest(input: ExchangeInput, dispatcher: Dispatcher, headers: Record<string, string>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  const body = input.body !== undefined ? { body: input.body } : {};
  if (!absoluteForm(input)) return request(input.url, { method: input.method as Dispatcher.HttpMethod, headers, ...body, dispatcher, signal });
  const proxy = new URL(input.proxyUrl!);
  const target = new URL(input.url.href);
  target.hash = '';
  const auth = proxyAuthorization(proxy);
  return dispatcher.request({
    origin: proxy.origin,
    path: target.href,
    method: input.method as Dispatcher.HttpMethod,
    headers: { ...headers, host: target.host, ...(auth ? { 'proxy-authorization': auth } : {}) },
    ...body,
    signal,
  });
}

/**
 * One HTTP request/response, measured phase by phase, body captured with a cap. Never throws:
 * a failure is classified (phase and contract code) and recorded like a response.
 */
export async function exchange(input: ExchangeInput): Promise<ExchangeOutcome> {
  const startedAt = new Date().toISOString();
  const times = emptyTimes();
  const dispatcher = dispatcherFor(input, times);
  const t0 = performance.now();
  let tHeaders: number | null = null;
  let tEnd: number | null = null;
  let status: number | null = null;
  let statusText = '';
  let headers: Record<string, string> = {};
  let body: CapturedBody | null = null;
  let error: ExchangeError | null = null;
  let receivedAt: number | null = null;
  const sent: Record<string, string> = {};
  for (const h of input.headers) sent[h.name.toLowerCase()] = h.value;
  // undici checks headersTimeout on a coarse (~0.5 s) tick, so it fires up to a second late; this
  // watchdog holds the headers budget to the millisecond, counted from the ready connection.
  const headersWatch = new AbortController();
  let headersTimedOut = false;
  let watchTimer: NodeJS.Timeout | undefined;
  const armHeadersWatch = () => {
    if (times.readyAt === null) {
      watchTimer = setTimeout(armHeadersWatch, 25);
      return;
    }
    watchTimer = setTimeout(() => {
      headersTimedOut = true;
      headersWatch.abort(new Error(`no response headers within ${input.timeoutMs} ms`));
    }, Math.max(0, times.readyAt + input.timeoutMs - performance.now()));
  };
  armHeadersWatch();
  // Time to first byte counts from the moment undici wrote the request on our socket, not from
  // socket-ready: the first request of a process also compiles undici's HTTP parser (WebAssembly,
  // tens of ms) in between, which is the client's own set-up, not the server's wait.
  let tSent: number | null = null;
  const onSendHeaders = (message: unknown) => {
    if (tSent === null && times.socket !== null && (message as { socket?: unknown }).socket === times.socket) tSent = performance.now();
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSendHeaders);
  try {
    const res = await sendRequest(input, dispatcher, sent, AbortSignal.any([input.signal, headersWatch.signal]));
    clearTimeout(watchTimer);
    tHeaders = performance.now();
    receivedAt = Date.now();
    status = res.statusCode;
    statusText = res.statusText || STATUS_CODES[res.statusCode] || '';
    headers = headerRecord(res.headers as Record<string, string | string[] | undefined>);
    const capture = new BodyCapture(headers['content-encoding'] ?? null, headers['content-type'] ?? null, input.onText);
    const bodyBudgetMs = input.bodyBudgetMs ?? input.timeoutMs;
    let overBudget = false;
    let trickling = false;
    let lastChunkAt = performance.now();
    const bodyTimer = setTimeout(() => {
      overBudget = true;
      // Data still flowing means an endless or trickling body; silence since the headers is a stall.
      trickling = performance.now() - lastChunkAt < bodyBudgetMs / 2;
      res.body.destroy(new Error(`body not complete after ${bodyBudgetMs} ms`));
    }, bodyBudgetMs);
    try {
      for await (const chunk of res.body) {
        lastChunkAt = performance.now();
        if (!capture.push(chunk as Buffer)) {
          res.body.destroy();
          break;
        }
      }
    } catch (e) {
      error = overBudget
        ? { code: 'HTTP_BODY_TIMEOUT', errno: trickling ? 'BODY_BUDGET' : 'UND_ERR_BODY_TIMEOUT', message: trickling ? `the body was still arriving after ${bodyBudgetMs} ms` : `no body data for ${bodyBudgetMs} ms`, phase: 'http', afterHeaders: true }
        : classify(e, 'http', times, true);
    } finally {
      clearTimeout(bodyTimer);
    }
    tEnd = performance.now();
    body = await capture.end();
  } catch (e) {
    error =
      headersTimedOut && tHeaders === null
        ? { code: 'HTTP_HEADERS_TIMEOUT', errno: 'UND_ERR_HEADERS_TIMEOUT', message: `no response headers within ${input.timeoutMs} ms`, phase: 'http', afterHeaders: false }
        : classify(e, times.failure?.phase ?? 'http', times, tHeaders !== null);
  } finally {
    clearTimeout(watchTimer);
    diagnostics.unsubscribe('undici:client:sendHeaders', onSendHeaders);
    await dispatcher.destroy().catch(() => {});
  }
  const end = tEnd ?? performance.now();
  const ready = times.readyAt ?? t0;
  const sentAt = tSent !== null && tHeaders !== null && tSent <= tHeaders ? tSent : ready;
  const sendMs = round1(Math.max(0, sentAt - ready));
  const ttfbMs = tHeaders !== null ? round1(tHeaders - sentAt) : null;
  const downloadMs = tHeaders !== null ? round1(end - tHeaders) : null;
  const totalMs = round1(end - t0);
  // For a complete exchange, blocked is what the measured phases do not explain (queueing and the
  // client's own first-use set-up before the connection starts), so the HAR phases add up to the total.
  const measured = [times.dnsMs, times.connectMs, times.tlsMs, sendMs, ttfbMs, downloadMs].reduce<number>((a, v) => a + (v ?? 0), 0);
  const blockedMs =
    tHeaders !== null ? round1(Math.max(0, totalMs - measured)) : times.startedAt !== null ? round1(Math.max(0, times.startedAt - t0)) : 0;
  const contentType = headers['content-type'] ?? null;
  const record = toRecord(input, startedAt, { status, statusText, headers, body, error, times, blockedMs, sendMs, ttfbMs, downloadMs, totalMs, contentType });
  return { method: input.method, url: input.url.href, status, statusText, headers, contentType, body, error, times, blockedMs, ttfbMs, downloadMs, totalMs, receivedAt, headersAt: tHeaders, record };
}

function classify(e: unknown, phase: NetPhase, times: ConnectionTimes, afterHeaders: boolean): ExchangeError {
  // A late TLS alert (TLS 1.3 certificate_required) names the cause that undici's "other side closed" hides.
  if (times.lateError !== undefined) {
    const late = classifyNetworkError(times.lateError, 'tls');
    if (late.code === 'TLS_CLIENT_CERT_REQUIRED') return { ...late, phase: 'tls', afterHeaders };
  }
  const c = classifyNetworkError(times.failure?.error ?? e, phase);
  let code = c.code;
  if (code === null && phase === 'http') {
    // Bytes that are not HTTP (another protocol on the port, a mangling middlebox): unexpected content.
    if (/^HPE_/.test(c.errno ?? '') || c.errno === 'UND_ERR_HEADERS_OVERFLOW' || causeChain(e).some((x) => x.name === 'HTTPParserError')) code = 'HTTP_UNEXPECTED_CONTENT';
    // Fewer body bytes than Content-Length promised: the connection broke mid-body.
    else if (c.errno === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') code = 'HTTP_CONNECTION_RESET';
  }
  // An abort (our budget) or a reset after the headers is the body stalling or breaking, not the headers.
  if (afterHeaders && code === 'HTTP_HEADERS_TIMEOUT') code = 'HTTP_BODY_TIMEOUT';
  if (afterHeaders && code === 'HTTP_EMPTY_REPLY') code = 'HTTP_CONNECTION_RESET';
  return { ...c, code, phase, afterHeaders };
}
