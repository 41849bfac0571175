import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { BUNDLE_SCHEMA, type BundleFileInfo, type BundleManifest, type RedactionEntry, type RedactionKind } from '../common/bundle.js';
import type { JsonValue, Lang, Report } from '../common/report.js';
import { APP_VERSION } from '../common/version.js';
import { Redactor, isSensitiveHeader, type RedactionHit } from '../engine/redact.js';
import { toHar } from './har.js';
import { renderMarkdown } from '../report/render-markdown.js';

export interface BundleOptions {
  /** environment.json's content (collectEnvironment); redacted again here. */
  environment: { [k: string]: JsonValue };
  lang?: Lang;
  createdAt?: Date;
  /** Secrets of the run that the redactor must know (credential, OAuth client secret, proxy password). */
  secrets?: readonly string[];
  /** Proxy URLs whose user-info is a secret. */
  secretUrls?: readonly (string | null | undefined)[];
  /** The human report in Markdown; default: report/render-markdown.ts. */
  renderMarkdown?: (report: Report) => string;
}

export interface BuiltBundle {
  zip: Uint8Array;
  files: BundleFileInfo[];
  redactions: RedactionEntry[];
  manifest: BundleManifest;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const isRedacted = (s: string) => s.includes('[REDACTED]') || s.includes('%5BREDACTED%5D');

/**
 * Lists every redacted value in a JSON document: the ones this pass replaced (with the kind the
 * redactor saw) and the ones that arrived redacted from the run (kind inferred from where they sit).
 */
function redactionsOf(file: string, value: unknown, hits: RedactionHit[]): RedactionEntry[] {
  const kinds = new Map<string, RedactionKind>();
  for (const h of hits) if (!kinds.has(h.path)) kinds.set(h.path, h.kind);
  const out: RedactionEntry[] = [];
  const walk = (v: unknown, path: string, parent: Record<string, unknown> | null, key: string) => {
    if (typeof v === 'string') {
      if (!isRedacted(v)) return;
      out.push({ file, path, kind: kinds.get(path) ?? inferKind(v, key === 'value' && parent && typeof parent.name === 'string' ? parent.name : null, path) });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, null, String(i)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, v as Record<string, unknown>, k);
  };
  walk(value, '$', null, '');
  return out;
}

/** The kind of a value that arrived already redacted (by the run), from where it sits. */
function inferKind(v: string, pairName: string | null, path: string): RedactionKind {
  if (pairName && /headers\[\d+\]\.value$/.test(path)) {
    const n = pairName.toLowerCase();
    if (n === 'authorization' || n === 'proxy-authorization') return 'authorization header';
    if (n === 'cookie' || n === 'set-cookie') return 'cookie';
    return isSensitiveHeader(n) ? 'api key header' : 'known secret';
  }
  if (pairName) return 'query param';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('/')) return /(%5BREDACTED%5D|\[REDACTED\])@/.test(v) ? 'url credentials' : 'query param';
  if (/^(Bearer) /i.test(v)) return 'bearer token';
  if (/^(Basic) /i.test(v)) return 'basic credentials';
  return 'known secret';
}

/**
 * Builds a diagnostic bundle in memory (contract section 5): report.json, report.md,
 * requests.har, environment.json and manifest.json with a SHA-256 per file. Everything passes a
 * fresh redactor first — the run already redacted its report, and this is the second lock on the
 * door for a file that will be mailed to strangers.
 */
export function buildBundle(report: Report, opts: BundleOptions): BuiltBundle {
  const redactor = new Redactor();
  for (const s of opts.secrets ?? []) redactor.add(s);
  for (const u of opts.secretUrls ?? []) redactor.addUrlCredentials(u);
  const lang = opts.lang ?? report.lang;
  const createdAt = (opts.createdAt ?? new Date()).toISOString();
  const redactions: RedactionEntry[] = [];

  const r = redactor.scrubDeepWithHits(report);
  const cleanReport = r.value;
  redactions.push(...redactionsOf('report.json', cleanReport, r.hits));

  const har = redactor.scrubDeepWithHits(toHar(cleanReport.exchanges ?? [], { name: 'api-doctor', version: APP_VERSION }));
  redactions.push(...redactionsOf('requests.har', har.value, har.hits));

  const env = redactor.scrubDeepWithHits(opts.environment);
  redactions.push(...redactionsOf('environment.json', env.value, env.hits));

  const md = (opts.renderMarkdown ?? ((rep: Report) => renderMarkdown(rep, lang)))(cleanReport)
    .split('\n')
    .map((line, i) => {
      const clean = redactor.scrub(line);
      if (isRedacted(clean)) redactions.push({ file: 'report.md', path: `line ${i + 1}`, kind: 'text' });
      return clean;
    })
    .join('\n');

  const contents: [string, Uint8Array][] = [
    ['report.json', strToU8(JSON.stringify(cleanReport, null, 2) + '\n')],
    ['report.md', strToU8(md)],
    ['requests.har', strToU8(JSON.stringify(har.value, null, 2) + '\n')],
    ['environment.json', strToU8(JSON.stringify(env.value, null, 2) + '\n')],
  ];
  const files: BundleFileInfo[] = contents.map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256(bytes) }));
  const manifest: BundleManifest = { schema: BUNDLE_SCHEMA, tool: { name: 'api-doctor', version: APP_VERSION }, createdAt, lang, files: [...files] };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2) + '\n');
  contents.push(['manifest.json', manifestBytes]);
  files.push({ name: 'manifest.json', bytes: manifestBytes.length, sha256: sha256(manifestBytes) });

  const mtime = new Date(createdAt);
  const zip = zipSync(Object.fromEntries(contents.map(([name, bytes]) => [name, [bytes, { level: 6, mtime }]])));
  return { zip, files, redactions, manifest };
}
