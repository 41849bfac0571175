import { describe, expect, it } from 'vitest';
import { CODES, type FindingCode } from '../../../src-main/common/codes.js';
import type { Lang } from '../../../src-main/common/report.js';
import { REQUEST_MESSAGES } from '../../../src-main/common/request-messages.js';
import { isTextRef, type TextRef, type TextValue } from '../../../src-main/common/text-ref.js';
import { UI } from '../../../src-main/report/render-strings.js';
import {
  EVIDENCE_LABELS,
  PROBE_TEXTS,
  REDACTION_LABELS,
  RETRY_ITEMS,
  RETRY_NOTES,
  TEXTS,
  evidenceLabel,
  explain,
  CLIENT_TEXTS,
  caFileHeadline,
  headline,
  sayText,
  timeoutReason,
} from '../../../src-main/report/text/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import type { ProviderId } from '../../../src-main/common/report.js';
import { profileById } from '../../../src-main/engine/providers/index.js';
import { parseErrorBody } from '../../../src-main/engine/providers/error-body.js';
import { harProblemText, type HarProblem } from '../../../src-main/intake/har/messages.js';
import { formatMs } from '../../../src-main/common/round.js';
import { format } from '../../../src-renderer/lib/i18n/format.js';
import { en as rendererEn } from '../../../src-renderer/lib/i18n/en.js';
import { zhCN as rendererZh } from '../../../src-renderer/lib/i18n/zh-CN.js';

// No English on a Chinese screen, no Chinese on an English one: every text the product shows
// about a run is rendered here in both languages from its example data, and checked.

/**
 * Words that stay as they are in Chinese text: product and vendor names, protocol and header
 * names, units and a few terms of art Chinese documentation writes in English too.
 */
const KEEP = [
  'API Doctor', 'API', 'OpenAI', 'Azure OpenAI', 'Azure', 'Anthropic', 'Claude', 'Zhipu', 'GLM', 'BigModel', 'DeepSeek', 'Cloudflare', 'Clash', 'Surge', 'Zscaler',
  'Node.js', 'Node', 'Python', 'TypeScript', 'JavaScript', 'Electron', 'Chrome', 'Firefox', 'Windows', 'macOS', 'Linux', 'Docker', 'WSL', 'Keychain', 'Let\'s Encrypt',
  'Retry-After', 'retry-after-ms', 'Proxy-Authenticate', 'Proxy-Authorization', 'Authorization', 'Bearer', 'Basic', 'Content-Type', 'Accept', 'WWW-Authenticate', 'Location',
  'Set-Cookie', 'Cookie', 'User-Agent', 'Host', 'Date', 'Allow', 'Strict-Transport-Security', 'Server-Sent Events', 'client secret', 'client id', 'client_id', 'client_secret',
  'timedatectl set-ntp true', 'Content Filter', 'Virtual Network', 'Private Endpoint', 'Responsible AI', 'model list', 'base URL',
  // HTTP reason phrases are part of the status line, shown as the server sends them.
  'Proxy Authentication Required', 'Too Many Requests', 'Service Unavailable', 'Bad Gateway', 'Gateway Timeout', 'Not Found', 'Method Not Allowed',
  'Payload Too Large', 'Content Too Large', 'Internal Server Error', 'Unauthorized', 'Forbidden', 'Bad Request', 'Request Timeout', 'Unprocessable Entity',
];

/** Strips what may legitimately be Latin in a Chinese sentence: code, URLs, identifiers, values. */
function latinLeft(text: string, values: readonly string[]): string[] {
  let t = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) if (v.length > 1) t = t.split(v).join(' ');
  for (const k of KEEP) t = t.split(k).join(' ');
  t = t
    .replace(/`[^`]*`/g, ' ') // code and commands
    .replace(/"[^"\n]*"/g, ' ') // quoted output of a tool or a server, as it was written
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ') // URLs
    .replace(/(^|[\s=])[~.]?\/\S*/g, ' ') // paths
    .replace(/\$\{?\w+\}?/g, ' ') // variables
    .replace(/--?[a-z][\w-]*/gi, ' '); // flags
  // A run of three or more English words is a sentence someone forgot to translate.
  return [...t.matchAll(/\b[A-Za-z][a-z']+(?:[ ,/-]+[A-Za-z][a-z']+){2,}\b/g)].map((m) => m[0]);
}

const hasCjk = (s: string) => /[\u3400-\u9fff\uff00-\uffef]/.test(s);

/** Every string leaf of an example: measured data, shown as it is in both languages. */
function leaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  // A nested sentence ({ code, values } and nothing else): its values are data too.
  else if (isTextRef(v) && Object.keys(v).every((k) => k === 'code' || k === 'values')) leaves(v.values ?? {}, out);
  else if (Array.isArray(v)) v.forEach((x) => leaves(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => leaves(x, out));
  return out;
}

/** Problems found so far in a test; each test asserts the list is empty, so one run shows them all. */
let problems: string[] = [];
const collect = () => {
  const p = problems;
  problems = [];
  return p;
};

function expectChinese(where: string, text: string, values: readonly string[] = []): void {
  for (const words of latinLeft(text, values)) problems.push(`${where}: "${words}" in: ${text}`);
}

/** English texts carry no CJK of their own (a value, e.g. a Chinese provider message, may). */
function expectEnglish(where: string, text: string, values: readonly string[] = []): void {
  let t = text.replace(/"[^"\n]*"/g, ' '); // a quoted server message may be in any language
  for (const v of values) t = t.split(v).join(' ');
  if (hasCjk(t)) problems.push(`${where}: Chinese in English text: ${text}`);
}

const both = (check: (lang: Lang) => void) => (['en', 'zh-CN'] as const).forEach(check);

describe('zh-CN completeness of the text module', () => {
  it('every finding code has a text, and renders its example in Chinese (title, detail, fixes) with no English sentence left', () => {
    const codes = Object.keys(CODES) as FindingCode[];
    const missing = codes.filter((c) => !TEXTS[c]);
    expect(missing).toEqual([]);
    for (const code of codes) {
      const t = TEXTS[code]!;
      const values = leaves(t.example);
      const zh = explain(code, t.example, 'zh-CN');
      const en = explain(code, t.example, 'en');
      for (const s of [zh.title, zh.detail, ...zh.fixes]) expectChinese(code, s, values);
      for (const s of [en.title, en.detail, ...en.fixes]) expectEnglish(code, s, values);
      expect(hasCjk(zh.title), `${code} title`).toBe(true);
      expect(zh.fixes.length, `${code} fixes`).toBe(en.fixes.length);
    }
    expect(collect()).toEqual([]);
  });

  it('every probe summary, failure and skip reason, and every client-matrix label and reason, renders its example in both languages', () => {
    const table: Record<string, { example: Record<string, TextValue> }> = { ...PROBE_TEXTS, ...CLIENT_TEXTS };
    expect(Object.keys(CLIENT_TEXTS).length).toBeGreaterThan(30);
    for (const [code, entry] of Object.entries(table)) {
      const ref: TextRef = { code, values: entry.example };
      const values = leaves(entry.example);
      const zh = sayText(ref, 'zh-CN');
      const en = sayText(ref, 'en');
      expect(zh, code).not.toBe('');
      expect(zh, code).not.toContain('undefined');
      expect(en, code).not.toContain('undefined');
      expectChinese(code, zh, values);
      expectEnglish(code, en, values);
    }
    expect(collect()).toEqual([]);
  });

  it('every evidence key of every example has a label in both languages (no camelCase on screen)', () => {
    const keys = new Set(Object.values(TEXTS).flatMap((t) => Object.keys(t!.example)));
    const unlabelled = [...keys].filter((k) => !EVIDENCE_LABELS[k]);
    expect(unlabelled).toEqual([]);
    for (const [key, label] of Object.entries(EVIDENCE_LABELS)) {
      expectChinese(key, label['zh-CN']);
      expectEnglish(key, label.en);
      expect(label.en, key).not.toMatch(/[a-z][A-Z]/);
    }
    // A key nobody labelled still reads as words.
    expect(evidenceLabel('retryAfterSecondsX', 'en')).toBe('Retry after seconds x');
    expect(collect()).toEqual([]);
  });

  it('advice prose, retry items, redaction labels, headlines and report words are translated', () => {
    for (const [code, t] of Object.entries(RETRY_NOTES)) {
      expectChinese(code, t['zh-CN']);
      expectEnglish(code, t.en);
    }
    for (const [item, t] of Object.entries(RETRY_ITEMS)) {
      expectChinese(item, t['zh-CN']);
      expectEnglish(item, t.en);
    }
    for (const [kind, t] of Object.entries(REDACTION_LABELS)) {
      expectChinese(kind, t['zh-CN']);
      expectEnglish(kind, t.en);
    }
    for (const basis of [
      { connectPhaseMs: 85, p90TtfbMs: 420, samples: 3, streamFirstEventMs: null },
      { connectPhaseMs: null, p90TtfbMs: null, samples: 1, streamFirstEventMs: null },
    ]) {
      expectChinese('timeoutReason', timeoutReason(basis, 'zh-CN'));
      expectEnglish('timeoutReason', timeoutReason(basis, 'en'));
    }
    both((lang) => {
      const check = lang === 'zh-CN' ? expectChinese : expectEnglish;
      check('headline', headline('healthy', null, lang));
      check('headline', headline('degraded', lang === 'en' ? 'Slow' : '慢', lang));
      check('headline', caFileHeadline('curl', [{ id: 'node', outcome: 'fail', code: 'TLS_UNTRUSTED_CERT' }], lang), ['curl', 'node']);
      const u = UI[lang];
      const flat = JSON.stringify({ ...u, advice: { title: u.advice.title, t: u.advice.timeouts(1, 2), r: u.advice.reproduce('K') }, checking: u.checking('dns'), bundleWritten: u.bundleWritten('/x.zip') });
      check('render-strings', flat);
    });
    expect(collect()).toEqual([]);
  });

  it('every provider error table says what it read in Chinese too (each real error body of test/fixtures/providers)', () => {
    const dir = new URL('../../fixtures/providers/', import.meta.url);
    const profileOf: Record<string, ProviderId> = { relays: 'generic', cdn: 'generic' };
    let read = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const name = file.replace(/\.json$/, '');
      const profile = profileById(profileOf[name] ?? (name as ProviderId));
      const fixtures = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { name: string; status: number; body?: unknown }[];
      for (const fx of fixtures) {
        if (fx.body === undefined) continue;
        const meaning = profile.meaning(fx.status, parseErrorBody(JSON.stringify(fx.body)));
        if (!meaning) continue;
        read++;
        const where = `${name}: ${fx.name}`;
        // A reason is a short phrase that may name the provider's own code (1113, rate_limit_error).
        const own = [...new Set([...meaning.reason.matchAll(/[A-Za-z][\w.]*_[\w.]+|[A-Z][A-Za-z]+\.[A-Za-z.]+|\b[A-Z][a-z]+[A-Z]\w+/g)].map((m) => m[0]))];
        if (typeof meaning.reasonZh !== 'string' || !hasCjk(meaning.reasonZh)) problems.push(`${where}: no Chinese reason for "${meaning.reason}"`);
        else expectChinese(where, meaning.reasonZh, [...own, 'DashScope', 'Moonshot', 'OpenRouter', 'LiteLLM proxy', 'TPM']);
      }
    }
    expect(read).toBeGreaterThan(40);
    expect(collect()).toEqual([]);
  });

  it('why a file is not a HAR, in both languages', () => {
    const all: HarProblem[] = [
      { code: 'too-big', chars: 70_000_000, max: 67_108_864 },
      { code: 'not-json' },
      { code: 'no-log' },
      { code: 'bad-field', field: 'log.entries[0].request.method' },
      { code: 'no-entry', index: 7, count: 1 },
      { code: 'not-http', index: 2, url: 'data:text/plain,x' },
      { code: 'bad-url', index: 3 },
    ];
    for (const p of all) {
      const values = leaves(p).filter((v) => v !== p.code);
      expectChinese(`har.${p.code}`, harProblemText(p, 'zh-CN'), [...values, 'log.entries', 'HAR 1.2', 'HAR', 'Network', '{"log": {"entries": [...]}}']);
      expect(hasCjk(harProblemText(p, 'zh-CN')), p.code).toBe(true);
      expectEnglish(`har.${p.code}`, harProblemText(p, 'en'), values);
    }
    expect(collect()).toEqual([]);
  });

  it('plurals are right in English (one sample, 2 samples; never "(s)") and durations read 毫秒 / 秒 in Chinese, ms / s in English', () => {
    /** The example with every count set to n. */
    const withCounts = (v: unknown, n: number): unknown =>
      typeof v === 'number' ? n : Array.isArray(v) ? v.map((x) => withCounts(x, n)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withCounts(x, n)])) : v;
    const texts: { where: string; lang: Lang; text: string }[] = [];
    for (const n of [1, 2]) {
      for (const [code, t] of Object.entries(TEXTS)) {
        const ex = withCounts(t!.example, n) as typeof t.example;
        both((lang) => {
          const x = explain(code as FindingCode, ex, lang);
          for (const text of [x.title, x.detail, ...x.fixes]) texts.push({ where: `${code} (${n})`, lang, text });
        });
      }
      for (const [code, entry] of Object.entries(PROBE_TEXTS)) both((lang) => texts.push({ where: `${code} (${n})`, lang, text: sayText({ code, values: withCounts(entry.example, n) as never }, lang) }));
      const params = (tpl: string) => Object.fromEntries([...tpl.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, n]));
      for (const [key, tpl] of Object.entries(rendererEn)) texts.push({ where: `ui ${key} (${n})`, lang: 'en', text: format(tpl, params(tpl)) });
      for (const [key, tpl] of Object.entries(rendererZh)) texts.push({ where: `ui ${key} (${n})`, lang: 'zh-CN', text: format(tpl, params(tpl)) });
    }
    for (const [key, label] of Object.entries(EVIDENCE_LABELS)) both((lang) => texts.push({ where: `label ${key}`, lang, text: label[lang] }));
    for (const ms of [3.2, 412, 12_345]) both((lang) => texts.push({ where: `formatMs ${ms}`, lang, text: formatMs(ms, true, lang) }));
    for (const { where, lang, text } of texts) {
      if (lang === 'en') {
        if (/\w\(s\)/.test(text)) problems.push(`${where}: "(s)" in: ${text}`);
        const one = /(?<![\d.])1 (requests|samples|events|days|redirects|interfaces|usable interfaces|calls|headers|attempts|models)\b/.exec(text);
        if (one) problems.push(`${where}: "${one[0]}" in: ${text}`);
        if (/毫秒|\d 秒/.test(text)) problems.push(`${where}: Chinese unit in: ${text}`);
      } else {
        // A measured duration in a Chinese sentence says 毫秒 / 秒 (the CLI's ASCII tables keep ms).
        const unit = /\d\s*ms\b|[（(]ms[）)]|\d s\b/.exec(text);
        if (unit) problems.push(`${where}: "${unit[0]}" in: ${text}`);
      }
    }
    expect(collect()).toEqual([]);
  });

  it('request validation messages are translated too', () => {
    const zh = REQUEST_MESSAGES['zh-CN'];
    for (const [key, m] of Object.entries(zh)) {
      if (key === 'lang') continue;
      const text = typeof m === 'function' ? (m as (...a: unknown[]) => string)('x', 2) : String(m);
      expectChinese(`request.${key}`, text, ['x']);
      expect(hasCjk(text), key).toBe(true);
    }
    expect(collect()).toEqual([]);
  });

  it('the renderer catalogue: the same keys in both languages, and no English sentence in the Chinese one', () => {
    expect(Object.keys(rendererZh).sort()).toEqual(Object.keys(rendererEn).sort());
    for (const [key, text] of Object.entries(rendererZh)) expectChinese(key, text.replace(/\{\w+\}/g, ' '));
    for (const [key, text] of Object.entries(rendererEn)) expectEnglish(key, text);
    expect(collect()).toEqual([]);
  });
});
