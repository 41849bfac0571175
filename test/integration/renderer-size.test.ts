import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import type { FindingCode } from '../../src-main/common/codes.js';
import type { Evidence, Lang, Report } from '../../src-main/common/report.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/security.js';
import { TEXTS } from '../../src-main/report/explain/index.js';
import { EVIDENCE_LABELS, PROBE_TEXTS, REDACTION_LABELS, RETRY_ITEMS, RETRY_NOTES } from '../../src-main/report/text/index.js';
import * as full from '../../src-renderer/lib/texts-en.js';
import { en as enCatalogue } from '../../src-renderer/lib/i18n/en.js';
import { zhCN as zhCatalogue } from '../../src-renderer/lib/i18n/zh-CN.js';

/**
 * Issue #15: the renderer stays within 100 KB of JS (gzip -9) a user loads at start. Every text
 * entry holds both languages, so the text module is built once per language
 * (scripts/vite-lang-split.ts) and the renderer loads the chunk of the language it shows
 * (src-renderer/lib/texts.ts). This builds the renderer with the real vite.config.ts and checks the
 * budget, that each chunk holds one language only, that the split changes no word, and that the
 * chunks load under the app's CSP.
 */
// KB as bench/renderer.ts and docs/performance.md count it (1024 bytes).
const BUDGET = 100 * 1024;
const LANGS: Lang[] = ['en', 'zh-CN'];
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

let out = '';
let manifest: Manifest = {};
const gz = (file: string): number => gzipSync(readFileSync(path.join(out, file)), { level: 9 }).length;
const text = (file: string): string => readFileSync(path.join(out, file), 'utf8');

/** A chunk's file and every file it imports statically, transitively (what loading it fetches). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  const c = manifest[key];
  if (!c || seen.has(c.file)) return seen;
  seen.add(c.file);
  for (const k of c.imports ?? []) closure(k, seen);
  return seen;
}
const entryKey = (): string => Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const langKey = (lang: Lang): string => `lib/texts-${lang}.ts`;
/** The JS a user loads before the first screen in `lang`: the entry and that language's texts. */
const startFiles = (lang: Lang): string[] => [...new Set([...closure(entryKey()), ...closure(langKey(lang))])].filter((f) => f.endsWith('.js'));
const sum = (files: Iterable<string>): number => [...files].reduce((n, f) => n + gz(f), 0);

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'renderer-size-'));
  // As `npm run build` does: vitest sets NODE_ENV=test, which would make Svelte compile in dev mode.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.resolve('vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, manifest: 'manifest.json' } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  // The chunks are ES modules; Node reads .js under this folder as such when the test imports them.
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('renderer size (issue #15: ≤ 100 KB JS gzip at start)', () => {
  it('each language is its own lazily loaded chunk, and the start JS in either language is within budget', () => {
    for (const lang of LANGS) {
      expect(manifest[langKey(lang)]?.isDynamicEntry, `${lang} texts are a dynamic chunk`).toBe(true);
      expect(closure(entryKey()).has(manifest[langKey(lang)]!.file), `the entry does not load ${lang} statically`).toBe(false);
    }
    const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
    const sizes = Object.fromEntries(LANGS.map((l) => [l, sum(startFiles(l))]));
    console.log(
      `renderer JS gzip -9: start en ${sizes.en} B, start zh-CN ${sizes['zh-CN']} B; entry ${sum(closure(entryKey()))} B, ` +
        `texts-en ${gz(manifest[langKey('en')]!.file)} B, texts-zh-CN ${gz(manifest[langKey('zh-CN')]!.file)} B; all ${all.length} files ${sum(all)} B`,
    );
    for (const lang of LANGS) expect(sizes[lang], `start JS in ${lang}: ${startFiles(lang).join(', ')}`).toBeLessThanOrEqual(BUDGET);
  });

  it('the English chunk has no Chinese, the Chinese chunk no English sentence, the entry neither', () => {
    const enChunk = text(manifest[langKey('en')]!.file);
    const zhChunk = text(manifest[langKey('zh-CN')]!.file);
    const entry = [...closure(entryKey())].map(text).join('\n');
    // diff.ts reads a reason's duration in either language with a regular expression: not a text.
    expect(enChunk.replaceAll('(ms|毫秒)', '').match(CJK) ?? []).toEqual([]);
    // Long English sentences that have a different Chinese wording: none may travel with zh-CN.
    const enOnly = [
      ...Object.values(RETRY_NOTES).map((t) => [t.en, t['zh-CN']]),
      ...Object.keys(enCatalogue).map((k) => [enCatalogue[k as keyof typeof enCatalogue], zhCatalogue[k as keyof typeof zhCatalogue]]),
    ].filter(([e, z]) => !z!.includes(e!) && e!.length > 40 && !/[{]/.test(e!)).map(([e]) => e!);
    expect(enOnly.length).toBeGreaterThan(20);
    expect(enOnly.filter((s) => zhChunk.includes(s))).toEqual([]);
    for (const s of ['Nothing accepts connections on', 'Ask whether a firewall rejects this destination.', 'Every check passed: the API answered correctly from here.']) {
      expect(zhChunk).not.toContain(s);
      expect(enChunk).toContain(s);
      expect(entry).not.toContain(s);
    }
    expect(zhChunk).toContain('所有检查均已通过：从本机可以正常访问该 API。');
    // The entry names the languages in their own script (the switch), and carries no text entry.
    expect((entry.match(CJK) ?? []).length).toBeLessThan(20);
    for (const t of Object.values(RETRY_NOTES)) expect(entry.includes(t.en) || entry.includes(t['zh-CN'])).toBe(false);
  });

  it('each language chunk words everything exactly as the full text module does', async () => {
    const codes = Object.keys(TEXTS) as FindingCode[];
    const sentences = Object.entries(PROBE_TEXTS);
    const report = (lang: Lang, verdict: Report['summary']['verdict']): Report =>
      ({
        lang,
        findings: codes.map((code, i) => ({ code, severity: i === 0 ? 'error' : 'warn', stage: 'http', evidence: TEXTS[code]!.example, title: '', detail: '', fixes: [] })),
        stages: sentences.slice(0, 12).map(([code, s]) => ({ id: 'dns', status: 'skipped', reasonRef: { code, values: s.example } })),
        advice: { basedOn: { connectPhaseMs: 40, p90TtfbMs: 900, samples: 3, streamFirstEventMs: null }, timeouts: { connectMs: 2000, readMs: 30000, reason: '' }, retry: { noteCode: 'SERVER_FLAKY', note: null } },
        summary: { verdict, rootCause: codes[0], headline: '' },
      }) as unknown as Report;
    for (const lang of LANGS) {
      const split = (await import(pathToFileURL(path.join(out, manifest[langKey(lang)]!.file)).href)) as typeof full;
      const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
      for (const code of codes) {
        for (const ev of [TEXTS[code]!.example, {}, { ...TEXTS[code]!.example, wellKnownProvider: 'OpenAI', alternative: 'https://api.example.net', host: 'localhost' }] as Evidence[]) {
          expect(split.explain(code, ev, lang), `${lang} ${code}`).toEqual(full.explain(code, ev, lang));
        }
      }
      for (const [code, s] of sentences) expect(split.sayText({ code, values: s.example }, lang), `${lang} ${code}`).toBe(full.sayText({ code, values: s.example }, lang));
      for (const k of Object.keys(EVIDENCE_LABELS).concat('retryAfterSeconds')) expect(split.evidenceLabel(k, lang)).toBe(full.evidenceLabel(k, lang));
      for (const k of Object.keys(REDACTION_LABELS)) expect(split.redactionLabel(k, lang)).toBe(full.redactionLabel(k, lang));
      for (const k of Object.keys(RETRY_ITEMS)) expect(split.retryItem(k, lang)).toBe(full.retryItem(k, lang));
      for (const k of Object.keys(RETRY_NOTES) as (keyof typeof RETRY_NOTES)[]) expect(split.retryNote(k, lang)).toBe(full.retryNote(k, lang));
      for (const b of [{ connectPhaseMs: 40, p90TtfbMs: 900, samples: 3, streamFirstEventMs: null }, { connectPhaseMs: null, p90TtfbMs: null, samples: 1, streamFirstEventMs: null }])
        expect(split.timeoutReason(b, lang)).toBe(full.timeoutReason(b, lang));
      for (const verdict of ['failing', 'degraded', 'healthy', 'cancelled'] as const)
        expect(split.localizeReport(report(other, verdict), lang), `${lang} ${verdict}`).toEqual(full.localizeReport(report(other, verdict), lang));
      expect(split.catalogue).toEqual(lang === 'en' ? enCatalogue : zhCatalogue);
    }
  }, 60_000);

  it('loads under the CSP: one same-origin entry script, relative chunk imports, no inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    const html = text('index.html');
    expect(html).toContain(`script-src 'self'`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toMatch(/type="module"[^>]*src="\.\/assets\/[^"/]+\.js"/);
    expect(scripts[0]![2]!.trim()).toBe('');
    // Every chunk the start scripts import later is a sibling file, named relatively (same origin).
    const chunks = new Set(Object.values(manifest).map((c) => `./${path.basename(c.file)}`));
    const imports = [...closure(entryKey())].flatMap((f) => [...text(f).matchAll(/import\(\s*[`'"]([^`'"]+)[`'"]\s*\)/g)].map((m) => m[1]!));
    for (const l of LANGS) expect(imports).toContain(`./${path.basename(manifest[langKey(l)]!.file)}`);
    for (const i of imports) expect(chunks.has(i), i).toBe(true);
    for (const f of Object.values(manifest).map((c) => c.file).filter((x) => x.endsWith('.js'))) expect(text(f)).not.toMatch(/\beval\(|new Function\(/);
  });
});
