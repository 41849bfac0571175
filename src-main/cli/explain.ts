import { parseArgs } from 'node:util';
import type { Lang } from '../common/report.js';
import { CODES } from '../common/codes.js';
import { UI } from '../report/render-strings.js';
import { explainText, MAX_EXPLAIN_CHARS } from '../intake/explain/match.js';
import { EXIT, UsageError, oneLine, type CliIo } from './io.js';

/** Reads stdin up to the cap (a pasted traceback), refusing more. */
async function readStdin(io: CliIo): Promise<string> {
  if (!io.stdin) throw new UsageError('explain -: nothing on stdin');
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.length > MAX_EXPLAIN_CHARS * 5) throw new UsageError(`explain -: more than ${MAX_EXPLAIN_CHARS * 5} characters on stdin; paste the error and its traceback only`);
  }
  return text;
}

/** `api-doctor explain '<text>' [--json] [--lang zh-CN]`, or `-` for stdin. Exit 0 whether or not anything matched. */
export async function runExplain(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values, positionals } = parsed;
  const lang = (values.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang "${String(values.lang).slice(0, 20)}": use en or zh-CN`);
  if (positionals.length === 0) throw new UsageError("explain needs the error text, e.g. api-doctor explain 'openai.APIConnectionError: Connection error.' (or - to read stdin)");
  const text = positionals.length === 1 && positionals[0] === '-' ? await readStdin(io) : positionals.join(' ');
  const result = explainText(text, lang);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = lang === 'zh-CN';
  const lines: string[] = [];
  if (result.matches.length === 0) lines.push(zh ? '没有认出这段错误文字。' : 'No known error pattern in this text.');
  else {
    lines.push(zh ? '最可能的原因：' : 'Most likely:');
    for (const m of result.matches) {
      const stage = UI[lang].stage[CODES[m.code].stage];
      lines.push(`  ${Math.round(m.confidence * 100).toString().padStart(3)}%  ${m.code} (${stage})`);
      lines.push(`        ${oneLine(m.why)}`);
    }
  }
  lines.push('', `${zh ? '下一步' : 'Next'}: ${oneLine(result.next)}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
