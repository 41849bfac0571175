import MagicString from 'magic-string';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Builds the text module once per language, so the renderer loads one language's words only.
 *
 * Every text entry holds both languages (`{ en: (e) => …, 'zh-CN': (e) => … }`) so the CLI, report.md
 * and the tests share one source. A user reads one language at a time, and both together are more
 * than the renderer's whole size budget (issue #15), so the renderer imports the text module through
 * src-renderer/lib/texts-<lang>.ts only. This plugin marks every module those two files reach inside
 * the text folders with `?lang=<lang>`; in a marked module the OTHER language's property values
 * become `undefined`, and whatever only that language used is then dropped by tree-shaking. The two
 * entry files are imported dynamically, so each language is its own lazily loaded chunk.
 */

export const LANGS = ['en', 'zh-CN'] as const;
export type SplitLang = (typeof LANGS)[number];

const QUERY = /[?&]lang=(en|zh-CN)(?:&|$)/;
const clean = (id: string): string => id.replace(/[?#].*$/, '');

export interface LangSplitOptions {
  /** Folders whose modules are built per language (absolute paths). */
  dirs: string[];
  /** The per-language entry files: `<lang>` in the name is the language (absolute path with `<lang>`). */
  entry: string;
}

function langOf(id: string, entryRe: RegExp): SplitLang | null {
  const q = QUERY.exec(id);
  if (q) return q[1] as SplitLang;
  const m = entryRe.exec(clean(id));
  return m ? (m[1] as SplitLang) : null;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

const isNode = (v: unknown): v is AstNode => typeof v === 'object' && v !== null && typeof (v as AstNode).type === 'string';

/** The language a property's key names (`en:`, `'en':`, `'zh-CN':`), or null. */
function keyLang(p: AstNode): SplitLang | null {
  if (p.computed) return null;
  const k = p.key;
  if (!isNode(k)) return null;
  const name = k.type === 'Identifier' ? k.name : k.type === 'Literal' ? k.value : null;
  return (LANGS as readonly unknown[]).includes(name) ? (name as SplitLang) : null;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** The source text of a string or template literal, or null for any other node. */
function literalText(n: AstNode, code: string): string | null {
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral') return code.slice(n.start, n.end);
  return null;
}

/** Functions of this module that take both wordings, `(en, zh)`: name → [index of en, index of zh]. */
function pairHelpers(ast: unknown): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  const body = isNode(ast) && Array.isArray(ast.body) ? (ast.body as unknown[]) : [];
  for (const st of body) {
    const decl = isNode(st) && st.type === 'ExportNamedDeclaration' ? st.declaration : st;
    if (!isNode(decl) || decl.type !== 'VariableDeclaration' || !Array.isArray(decl.declarations)) continue;
    for (const d of decl.declarations as unknown[]) {
      if (!isNode(d) || !isNode(d.id) || !isNode(d.init) || d.init.type !== 'ArrowFunctionExpression' || !Array.isArray(d.init.params)) continue;
      const names = (d.init.params as unknown[]).map((x) => (isNode(x) && x.type === 'Identifier' ? x.name : null));
      const en = names.indexOf('en');
      const zh = names.indexOf('zh');
      if (en >= 0 && zh >= 0) found.set(d.id.name as string, [en, zh]);
    }
  }
  return found;
}

/**
 * One language's build of a text module's code:
 *   - `<other language>: value` and `example: value` properties go (reading one gives undefined as
 *     before; examples of evidence feed docs/codes.md and the tests, never the screen);
 *   - the other language's branch of `zh ? … : …` (helpers both languages share take a `zh` flag)
 *     and the other language's argument of a helper declared `(en, zh) => …` become `undefined`
 *     (tables named WHY_EN / WHY_ZH stay: the Chinese ones fall back to the English);
 *   - in the English build, string and template literals with Chinese characters become "".
 * test/integration/renderer-size.test.ts checks that each build words every example as the full module does.
 */
export function dropOtherLanguage(code: string, ast: unknown, keep: SplitLang): { code: string; map: ReturnType<MagicString['generateMap']> } | null {
  const s = new MagicString(code);
  let changed = false;
  const pairs = pairHelpers(ast);
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    if (!isNode(n)) return;
    if (n.type === 'Property' && isNode(n.key)) {
      const lang = keyLang(n);
      const isExample = !n.computed && n.key.type === 'Identifier' && n.key.name === 'example';
      if ((lang !== null && lang !== keep) || isExample) {
        // The property goes, with its comma: reading it gives undefined as before, in fewer bytes.
        let end = n.end;
        while (/\s/.test(code[end] ?? '')) end++;
        s.remove(n.start, code[end] === ',' ? end + 1 : n.end);
        changed = true;
        return;
      }
      // A key is a name, not a text: only the value is walked (and a computed key).
      if (n.computed) walk(n.key);
      walk(n.value);
      return;
    }
    // `W('English', '中文')` where `const W = (en, zh) => …`: the other language's argument goes.
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'Identifier' && pairs.has(n.callee.name as string) && Array.isArray(n.arguments)) {
      const at = pairs.get(n.callee.name as string)![keep === 'en' ? 1 : 0];
      const arg = (n.arguments as unknown[])[at];
      if (isNode(arg)) {
        s.overwrite(arg.start, arg.end, 'undefined');
        changed = true;
      }
      for (const x of n.arguments as unknown[]) if (x !== arg) walk(x);
      return;
    }
    // `zh ? <Chinese> : <English>` (helpers shared by both languages take a `zh` flag).
    if (n.type === 'ConditionalExpression' && isNode(n.test) && n.test.type === 'Identifier' && n.test.name === 'zh' && isNode(n.consequent) && isNode(n.alternate)) {
      const drop = keep === 'en' ? n.consequent : n.alternate;
      s.overwrite(drop.start, drop.end, 'undefined');
      changed = true;
      walk(keep === 'en' ? n.alternate : n.consequent);
      return;
    }
    if (keep === 'en') {
      const text = literalText(n, code);
      if (text !== null && CJK.test(text)) {
        s.overwrite(n.start, n.end, '""');
        changed = true;
        return;
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && k !== 'start' && k !== 'end' && typeof v === 'object') walk(v);
  };
  walk(ast);
  return changed ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
}

export function langSplit(options: LangSplitOptions): Plugin {
  const dirs = options.dirs.map((d) => path.resolve(d) + path.sep);
  const inDirs = (file: string): boolean => dirs.some((d) => file.startsWith(d));
  const entryRe = new RegExp(`^${path.resolve(options.entry).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('<lang>', '(en|zh-CN)')}$`);
  return {
    name: 'api-doctor:lang-split',
    // First, so the marked id wins over Vite's own resolution; parsing as TS makes the order of
    // the transform irrelevant.
    enforce: 'pre',
    async resolveId(source, importer, opts) {
      if (!importer || !(source.startsWith('./') || source.startsWith('../'))) return null;
      const lang = langOf(importer, entryRe);
      if (!lang) return null;
      const resolved = await this.resolve(source, clean(importer), { ...opts, skipSelf: true });
      if (!resolved || resolved.external) return null;
      const file = clean(resolved.id);
      // Only the text folders are split; common/ and the rest are shared as usual.
      return inDirs(file) ? `${file}?lang=${lang}` : resolved;
    },
    transform(code, id) {
      const q = QUERY.exec(id);
      if (!q || !inDirs(clean(id))) return null;
      const ast = this.parse(code, { lang: 'ts' });
      return dropOtherLanguage(code, ast, q[1] as SplitLang);
    },
  };
}
