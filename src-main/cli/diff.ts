import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../common/report.js';
import { bundleViewFromFile } from '../intake/diff/read.js';
import { diffBundles, type BundleView } from '../intake/diff/diff.js';
import { EXIT, UsageError, oneLine, type CliIo } from './io.js';

/** A bundle through the safe reader (report validated and re-redacted), plus its environment.json. */
export async function readBundleView(file: string): Promise<BundleView> {
  const r = await bundleViewFromFile(file);
  if (!r.ok) throw new UsageError(r.error.message);
  return r.value;
}

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** `api-doctor diff <a.zip> <b.zip> [--json] [--lang zh-CN]`: exit 0 (same or not: a comparison is not a failure). */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values, positionals } = parsed;
  const lang = (values.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang "${String(values.lang).slice(0, 20)}": use en or zh-CN`);
  if (positionals.length !== 2) throw new UsageError('diff needs two bundles: api-doctor diff works.zip fails.zip');
  const [fa, fb] = positionals.map((p) => path.resolve(io.cwd, p)) as [string, string];
  const [a, b] = await Promise.all([readBundleView(fa), readBundleView(fb)]);
  const result = diffBundles(a, b, lang);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = lang === 'zh-CN';
  const na = path.basename(fa);
  const nb = path.basename(fb);
  const lines = [`${zh ? '比较' : 'Comparing'} A = ${oneLine(na)}, B = ${oneLine(nb)}`];
  if (result.differences.length === 0) lines.push(zh ? '没有差异。' : 'No differences.');
  for (const d of result.differences) {
    lines.push('', `${d.path}`, `  A: ${oneLine(show(d.a)).slice(0, 300)}`, `  B: ${oneLine(show(d.b)).slice(0, 300)}`, `  ${oneLine(d['why it matters'])}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
