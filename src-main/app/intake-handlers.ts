import net from 'node:net';
import { z } from 'zod';
import type { DiffView, PastedFill, PastedRead } from '../common/intake.js';
import { LANGS, type JsonValue, type Lang, type Report } from '../common/report.js';
import { err, ok, type Result } from '../common/result.js';
import { MAX_BUNDLE_FILE_BYTES } from '../bundle/read.js';
import { reportSchema } from '../bundle/report-schema.js';
import { Redactor } from '../engine/redact.js';
import { buildRequest, type IntakeRequest } from '../intake/curl/build.js';
import { previewOf } from '../intake/curl/describe.js';
import { CurlParseError, parseCurlCommand } from '../intake/curl/parse.js';
import { diffBundles } from '../report/text/diff.js';
import { bundleViewFromBytes, bundleViewFromFile } from '../intake/diff/read.js';
import { explainText, targetOf } from '../intake/explain/match.js';
import { HarError, defaultEntry, entryToRequest, listEntries, parseHar } from '../intake/har/read.js';
import { scrubCommandError } from '../intake/scrub.js';
import type { HandlerTable } from './handlers.js';

export interface IntakeDeps {
  /** environment.json's content for this machine (the side of the comparison that is "here"). */
  environment: () => Promise<{ [k: string]: JsonValue }>;
  /** The OS open dialog for a .zip; the chosen path, or null when cancelled. */
  chooseBundleOpenPath: () => Promise<string | null>;
}

/** A HAR dropped on the window travels as text; past this it is not one call to diagnose. */
const MAX_PASTE_CHARS = 16 * 1024 * 1024;
const langSchema = z.enum(LANGS as [Lang, ...Lang[]]);
const inputSchema = z
  .object({
    text: z.string().max(MAX_PASTE_CHARS, 'the pasted text is too large'),
    kind: z.enum(['auto', 'har']).optional(),
    entry: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
const BASE64_LIMIT = Math.ceil(MAX_BUNDLE_FILE_BYTES / 3) * 4;
const otherSchema = z
  .object({ bytesBase64: z.string().max(BASE64_LIMIT, 'the file is too large to be a bundle').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'), name: z.string().max(255).optional() })
  .strict()
  .optional();

const CURL = /^\s*(\S*[\\/])?curl(\.exe)?(\s|$)/i;

/** `host:port:address` pins the form can carry (others were named in the preview already). */
function pins(list: string[]): PastedFill['resolve'] {
  const out: PastedFill['resolve'] = [];
  for (const raw of list) {
    const m = /^([^:]+):(\d{1,5}):\[?([^\]]+)\]?$/.exec(raw);
    if (m && net.isIP(m[3]!) && Number(m[2]) >= 1 && Number(m[2]) <= 65535) out.push({ host: m[1]!.toLowerCase(), port: Number(m[2]), address: m[3]! });
  }
  return out;
}

function fillOf(r: IntakeRequest): PastedFill {
  return {
    url: r.url,
    method: r.method,
    headers: r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(r.proxy !== undefined ? { proxy: r.proxy } : {}),
    insecure: r.insecure,
    ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
    dnsServers: r.dnsServers.filter((d) => net.isIP(d.replace(/^\[|\](:\d+)?$/g, '').replace(/:\d+$/, '')) !== 0),
    resolve: pins(r.resolve),
  };
}

/** Reads what the user pasted or dropped. Pure except for nothing: no file is opened, nothing is sent. */
export function readPasted(text: string, kind: 'auto' | 'har', entry: number | undefined, lang: Lang): Result<PastedRead> {
  const t = text.trim();
  if (t === '') return ok({ kind: 'empty' });
  if (kind === 'har' || (t.startsWith('{') && /"log"\s*:/.test(t.slice(0, 2000)))) {
    try {
      const har = parseHar(t);
      const index = entry ?? defaultEntry(har);
      if (index < 0) return err('bad-input', lang === 'zh-CN' ? '这个 HAR 中没有可诊断的 http(s) 调用' : 'This HAR has no http(s) call to diagnose');
      const req = entryToRequest(har, index);
      const entries = listEntries(har)
        .slice(0, 500)
        .map((e) => ({ index: e.index, method: e.method, url: e.url, status: e.status, failed: e.failed }));
      return ok({ kind: 'request', source: 'har', preview: previewOf(req, lang), fill: fillOf(req), entries, entry: index });
    } catch (e) {
      if (e instanceof HarError) return err('bad-input', e.text(lang));
      throw e;
    }
  }
  if (/^https?:\/\/\S+$/i.test(t)) return ok({ kind: 'url', url: t });
  if (CURL.test(t)) {
    try {
      const req = buildRequest(parseCurlCommand(t));
      return ok({ kind: 'request', source: 'curl', preview: previewOf(req, lang), fill: fillOf(req) });
    } catch (e) {
      if (e instanceof CurlParseError) return err('bad-input', scrubCommandError(`curl command: ${e.message}`, t));
      throw e;
    }
  }
  return ok({ kind: 'error', explanation: explainText(t, lang), target: targetOf(t) });
}

export function intakeHandlers(deps: IntakeDeps): Pick<HandlerTable, 'readPasted' | 'compareWithBundle'> {
  return {
    async readPasted(_ctx, input, lang): Promise<Result<PastedRead>> {
      const i = inputSchema.safeParse(input);
      if (!i.success) return err('bad-input', `Cannot read this: ${i.error.issues[0]?.message ?? 'invalid input'}`);
      const l = langSchema.safeParse(lang ?? 'en');
      if (!l.success) return err('bad-input', 'Unknown language');
      try {
        return readPasted(i.data.text, i.data.kind ?? 'auto', i.data.entry, l.data);
      } catch (e) {
        // A parser bug must not become an exception across IPC, nor echo the pasted text.
        return err('internal', `Cannot read this (${new Redactor().scrub(e instanceof Error ? e.name : 'error')})`);
      }
    },
    async compareWithBundle(_ctx, current, other, lang): Promise<Result<DiffView | null>> {
      const c = reportSchema.safeParse(current);
      if (!c.success) return err('bad-input', `This is not a report to compare (${c.error.issues[0]?.path.join('.') ?? ''})`);
      const o = otherSchema.safeParse(other);
      if (!o.success) return err('bad-input', `Cannot open this bundle: ${o.error.issues[0]?.message ?? 'invalid input'}`);
      const l = langSchema.safeParse(lang ?? 'en');
      if (!l.success) return err('bad-input', 'Unknown language');
      let name: string | null = o.data?.name ?? null;
      let view;
      if (o.data) view = bundleViewFromBytes(Buffer.from(o.data.bytesBase64, 'base64'), name);
      else {
        const file = await deps.chooseBundleOpenPath();
        if (!file) return ok(null);
        name = file.split(/[\\/]/).pop() ?? null;
        view = await bundleViewFromFile(file);
      }
      if (!view.ok) return view;
      const here = { report: new Redactor().scrubDeep(c.data as unknown as Report), environment: await deps.environment().catch(() => null) };
      const d = diffBundles(here, view.value, l.data);
      return ok({ differences: d.differences, other: name });
    },
  };
}
