import path from 'node:path';
import { bundleViewFromFile } from '../intake/diff/read.js';
import { diffBundles, type BundleView } from '../report/text/diff.js';
import { diffValueText } from '../report/text/diff-texts.js';
import { EXIT, UsageError, oneLine, type CliIo } from './io.js';
import { parseJsonLangArgs } from './json-lang-args.js';

/** A bundle through the safe reader (report validated and re-redacted), plus its environment.json. */
export async function readBundleView(file: string): Promise<BundleView> {
  const r = await bundleViewFromFile(file);
  if (!r.ok) throw new UsageError(r.error.message);
  return r.value;
}

/** `api-doctor diff <a.zip> <b.zip> [--json] [--lang zh-CN]`: exit 0 (same or not: a comparison is not a failure). */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { json, lang, positionals } = parseJsonLangArgs(args);
  if (positionals.length !== 2) throw new UsageError('diff needs two bundles: api-doctor diff works.zip fails.zip');
  const [fa, fb] = positionals.map((p) => path.resolve(io.cwd, p)) as [string, string];
  const [a, b] = await Promise.all([readBundleView(fa), readBundleView(fb)]);
  const result = diffBundles(a, b, lang);
  if (json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = lang === 'zh-CN';
  const na = path.basename(fa);
  const nb = path.basename(fb);
  const lines = [`${zh ? '比较' : 'Comparing'} A = ${oneLine(na)}, B = ${oneLine(nb)}`];
  if (result.differences.length === 0) lines.push(zh ? '没有差异。' : 'No differences.');
  for (const d of result.differences) {
    lines.push('', `${d.path}`, `  A: ${oneLine(diffValueText(d.path, d.a, lang)).slice(0, 300)}`, `  B: ${oneLine(diffValueText(d.path, d.b, lang)).slice(0, 300)}`, `  ${oneLine(d['why it matters'])}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
