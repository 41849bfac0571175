import { z } from 'zod';
import { isSensitiveHeader, isSensitiveParam, redactUrl } from '../../engine/redact-patterns.js';
import type { IntakeRequest } from '../curl/build.js';
import type { Lang } from '../../common/report.js';
import { wellFormed } from '../well-formed.js';
import { harProblemText, jsonPath, type HarProblem } from './messages.js';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as browsers (Chromium, Firefox),
 * Postman, Insomnia and our own bundles write it. Only data is read: nothing in the file is run,
 * followed or fetched. Pure (zod only): the renderer can read a dropped HAR too.
 */

/** A HAR of a long browser session is big; past this it is not a file to diagnose one call from. */
export const MAX_HAR_BYTES = 64 * 1024 * 1024;
export const MAX_HAR_ENTRIES = 20_000;

const pair = z.object({ name: z.string().max(100_000), value: z.string().max(10_000_000).optional().default('') });
const entrySchema = z.object({
  startedDateTime: z.string().max(100).optional(),
  request: z.object({
    method: z.string().min(1).max(40),
    url: z.string().min(1).max(100_000),
    httpVersion: z.string().max(40).optional(),
    headers: z.array(pair).max(2_000).optional().default([]),
    postData: z
      .object({
        mimeType: z.string().max(500).optional(),
        text: z.string().max(MAX_HAR_BYTES).optional(),
        params: z.array(z.object({ name: z.string().max(100_000), value: z.string().max(10_000_000).optional() })).max(10_000).optional(),
      })
      .optional(),
  }),
  response: z
    .object({
      status: z.number().int().min(0).max(999).optional().default(0),
      statusText: z.string().max(10_000).optional(),
      _error: z.string().max(10_000).nullable().optional(),
    })
    .nullable()
    .optional(),
  _error: z.string().max(10_000).nullable().optional(),
  time: z.number().optional(),
});
const harSchema = z.object({
  log: z.object({
    version: z.string().max(20).optional(),
    creator: z.object({ name: z.string().max(200), version: z.string().max(200).optional() }).optional(),
    entries: z.array(entrySchema).max(MAX_HAR_ENTRIES),
  }),
});

export type HarEntry = z.infer<typeof entrySchema>;
export interface HarFile {
  creator: string | null;
  entries: HarEntry[];
}

/** A file that is not a HAR we can read: `problem` is the reason as data, `message` its English words. */
export class HarError extends Error {
  override name = 'HarError';
  constructor(readonly problem: HarProblem) {
    super(harProblemText(problem, 'en'));
  }
  /** The same reason in the user's language. */
  text(lang: Lang): string {
    return harProblemText(this.problem, lang);
  }
}

/** Text of a .har file → its entries, or a HarError with one line a person can act on. */
export function parseHar(text: string): HarFile {
  if (text.length > MAX_HAR_BYTES) throw new HarError({ code: 'too-big', chars: text.length, max: MAX_HAR_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new HarError({ code: 'not-json' });
  }
  const r = harSchema.safeParse(json);
  if (!r.success) {
    const path = r.error.issues[0]?.path ?? [];
    // No `log` object, or no `entries` list in it: some other JSON file, not a damaged HAR.
    const notHar = path.length === 0 || path[0] !== 'log' || path.length === 1 || (path.length === 2 && path[1] === 'entries');
    throw new HarError(notHar ? { code: 'no-log' } : { code: 'bad-field', field: jsonPath(path) });
  }
  const c = r.data.log.creator;
  return { creator: c ? `${c.name}${c.version ? ` ${c.version}` : ''}` : null, entries: r.data.log.entries };
}

const statusOf = (e: HarEntry) => e.response?.status ?? 0;
const errorOf = (e: HarEntry) => e._error ?? e.response?._error ?? null;

/** The contract's rule: a HAR entry has failed when its status is 0 or ≥ 400, or it carries `_error`. */
export function entryFailed(e: HarEntry): boolean {
  const s = statusOf(e);
  return s === 0 || s >= 400 || !!errorOf(e);
}

/** Entries the diagnosis can run (http/https URLs; not data:, blob:, chrome-extension:, ws:). */
const diagnosable = (e: HarEntry) => /^https?:\/\//i.test(e.request.url);

/** The default entry: the first failed one that can be diagnosed, else the first diagnosable one; -1 when none. */
export function defaultEntry(har: HarFile): number {
  const failed = har.entries.findIndex((e) => diagnosable(e) && entryFailed(e));
  return failed >= 0 ? failed : har.entries.findIndex(diagnosable);
}

export interface HarListItem {
  index: number;
  method: string;
  /** Secrets masked (query keys, user-info). */
  url: string;
  status: number;
  error: string | null;
  failed: boolean;
}

export function listEntries(har: HarFile): HarListItem[] {
  return har.entries.map((e, index) => ({
    index,
    method: e.request.method.slice(0, 20),
    url: redactUrl(e.request.url).slice(0, 2_000),
    status: statusOf(e),
    error: errorOf(e)?.slice(0, 200) ?? null,
    failed: entryFailed(e),
  }));
}

/** Headers a client computes itself (HTTP/2 pseudo-headers, framing, hop-by-hop): never replayed. */
const COMPUTED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-connection', 'accept-encoding']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A value a sanitiser (ours, Chromium's "sanitized HAR", har-sanitizer) replaced: sending it would only test the placeholder. */
const PLACEHOLDER = /\[REDACTED\]|%5BREDACTED%5D|^redacted$|^\*+$|^<redacted>$/i;

export type HarDrop = { header: string; reason: 'computed' | 'invalid' | 'redacted' };

/** One entry → the request to diagnose (the same shape a curl command gives), with its secrets named. */
export function entryToRequest(har: HarFile, index: number): IntakeRequest & { dropped: HarDrop[] } {
  const e = har.entries[index];
  if (!e) throw new HarError({ code: 'no-entry', index, count: har.entries.length });
  if (!diagnosable(e)) throw new HarError({ code: 'not-http', index, url: redactUrl(e.request.url).slice(0, 60) });
  let url: URL;
  try {
    url = new URL(e.request.url);
  } catch {
    throw new HarError({ code: 'bad-url', index });
  }
  const secrets = new Set<string>();
  const headers: { name: string; value: string }[] = [];
  const dropped: HarDrop[] = [];
  for (const h of e.request.headers) {
    const name = h.name.trim();
    const low = name.toLowerCase();
    if (name.startsWith(':') || COMPUTED.has(low)) {
      dropped.push({ header: name.slice(0, 60), reason: 'computed' });
      continue;
    }
    if (!TOKEN.test(name) || /[\r\n\0]/.test(h.value)) {
      dropped.push({ header: name.slice(0, 60), reason: 'invalid' });
      continue;
    }
    if (PLACEHOLDER.test(h.value.trim()) || /REDACTED/.test(h.value)) {
      dropped.push({ header: name, reason: 'redacted' });
      continue;
    }
    if (isSensitiveHeader(name)) {
      secrets.add(h.value);
      const m = /^\s*\S+\s+(.+)$/.exec(h.value);
      if (m) secrets.add(m[1]!.trim());
      if (low === 'cookie') for (const kv of h.value.split(';')) secrets.add(kv.split('=').slice(1).join('=').trim());
    }
    headers.push({ name, value: h.value });
  }
  for (const [name, value] of url.searchParams) if (isSensitiveParam(name) && value) secrets.add(value);
  if (url.password) {
    try {
      secrets.add(decodeURIComponent(url.password));
    } catch {
      secrets.add(url.password);
    }
  }
  let body: string | undefined;
  const pd = e.request.postData;
  if (pd?.text !== undefined && pd.text !== '') body = pd.text;
  else if (pd?.params && pd.params.length > 0) body = pd.params.map((p) => `${encodeURIComponent(wellFormed(p.name))}=${encodeURIComponent(wellFormed(p.value ?? ''))}`).join('&');
  if (body !== undefined && pd?.params) for (const p of pd.params) if (isSensitiveParam(p.name) && p.value) secrets.add(p.value);
  if (pd?.mimeType && body !== undefined && !headers.some((h) => h.name.toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: pd.mimeType });
  return {
    url: url.href,
    method: e.request.method.toUpperCase(),
    headers,
    ...(body !== undefined ? { body } : {}),
    insecure: false,
    resolve: [],
    dnsServers: [],
    queryKey: null,
    secrets: [...secrets].filter((s) => s.trim().length > 0).map(wellFormed),
    ignored: [],
    notes: [],
    flavour: 'argv',
    dropped,
  };
}
