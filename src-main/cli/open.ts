import path from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../common/report.js';
import { readBundleFile } from '../bundle/read.js';
import { renderText } from '../report/render-text.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export const OPEN_USAGE = `Usage:
  api-doctor open <bundle.zip> [--json] [--lang en|zh-CN]
      prints the report of a diagnostic bundle made anywhere (this machine, a server, a colleague)
`;

/**
 * `api-doctor open bundle.zip`: reads a bundle (in memory, treated as hostile: see
 * bundle/unzip-safe.ts) and prints its report. Problems with the bundle exit 2 with one line.
 */
export async function runOpen(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.stdout.write(OPEN_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('open takes one bundle file, e.g. api-doctor open bundle.zip');
  if (v.lang !== undefined && !LANGS.includes(v.lang as Lang)) throw new UsageError(`--lang "${v.lang}": use en or zh-CN`);
  const opened = await readBundleFile(path.resolve(io.cwd, positionals[0]!));
  if (!opened.ok) throw new UsageError(opened.error.message);
  const { report, warnings, manifest } = opened.value;
  for (const w of warnings) io.stderr.write(`api-doctor: warning: ${w}\n`);
  if (v.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  }
  const lang = (v.lang as Lang | undefined) ?? report.lang;
  if (manifest) io.stdout.write(`${lang === 'zh-CN' ? '诊断包' : 'Bundle'}: ${path.basename(positionals[0]!)} · api-doctor ${manifest.tool.version} · ${manifest.createdAt}\n\n`);
  io.stdout.write(renderText(report, lang, { color: io.stdout.isTTY === true && !io.env.NO_COLOR }));
  return EXIT.ok;
}
