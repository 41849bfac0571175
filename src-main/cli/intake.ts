import { open } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BUNDLE_FILE_BYTES } from '../bundle/read.js';
import { BundleError, DEFAULT_LIMITS, unzipSafe } from '../bundle/unzip-safe.js';
import { HarError, MAX_HAR_BYTES, defaultEntry, entryToRequest, listEntries, parseHar, type HarFile } from '../intake/har/read.js';
import { runParsedDiagnose, type DiagnoseDeps } from './diagnose.js';
import { curlToIntake, intakeToCli, langOf, type IntakeCli } from './intake-request.js';
import { EXIT, UsageError, oneLine, type CliIo } from './io.js';
import { USAGE } from './help.js';
import type { Lang } from '../common/report.js';



interface Split {
  curl: string | null;
  har: string | null;
  entry: string | null;
  list: boolean;
  rest: string[];
}

function split(args: string[]): Split {
  const out: Split = { curl: null, har: null, entry: null, list: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const take = (flag: string): string | null => {
      if (a === flag) {
        const v = args[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        return v;
      }
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
      return null;
    };
    const curl = take('--from-curl');
    if (curl !== null) {
      if (out.curl !== null) throw new UsageError('--from-curl is given twice');
      out.curl = curl;
      continue;
    }
    const har = take('--from-har');
    if (har !== null) {
      out.har = har;
      continue;
    }
    const entry = take('--entry');
    if (entry !== null) {
      out.entry = entry;
      continue;
    }
    if (a === '--list') {
      out.list = true;
      continue;
    }
    out.rest.push(a);
  }
  if (out.curl !== null && out.har !== null) throw new UsageError('use either --from-curl or --from-har, not both');
  if (out.entry !== null && out.har === null) throw new UsageError('--entry goes with --from-har');
  if (out.list && out.har === null) throw new UsageError('--list goes with --from-har');
  if (out.rest.some((a) => !a.startsWith('-')) && (out.curl !== null || out.har !== null)) {
    const url = out.rest.find((a) => !a.startsWith('-'))!;
    // A value of an option (e.g. --timeout 5000) is not a URL; only a bare http(s) word is.
    if (/^https?:\/\//i.test(url)) throw new UsageError('the URL comes from the curl command or the HAR: do not give one too');
  }
  return out;
}

/** `diagnose --from-curl '…'` / `--from-har file [--entry n] [--list]`. */
export async function runIntakeDiagnose(args: string[], io: CliIo, deps: DiagnoseDeps = {}): Promise<number> {
  const s = split(args);
  if (s.curl !== null) return run(intakeToCli(curlToIntake({ command: s.curl }, io.cwd, io.env), s.rest, io.cwd), io, deps);
  const file = path.resolve(io.cwd, s.har!);
  const lang = langOf(s.rest);
  const har = await readHarOrBundle(file, lang);
  if (s.list) {
    io.stdout.write(renderList(har));
    return EXIT.ok;
  }
  let index: number;
  if (s.entry !== null) {
    if (!/^\d{1,6}$/.test(s.entry)) throw new UsageError(`--entry needs an entry number (see --list), got "${s.entry.slice(0, 20)}"`);
    index = Number(s.entry);
  } else {
    index = defaultEntry(har);
    if (index < 0) throw new UsageError(`${path.basename(file)} has no http(s) entry to diagnose`);
  }
  let intake;
  try {
    intake = entryToRequest(har, index);
  } catch (e) {
    if (e instanceof HarError) throw new UsageError(`${path.basename(file)}: ${e.text(lang)}`);
    throw e;
  }
  const cli = intakeToCli(intake, s.rest, io.cwd);
  const zh = lang === 'zh-CN';
  cli.understood.unshift(zh ? `HAR 条目 ${index}（共 ${har.entries.length} 条）` : `HAR entry ${index} of ${har.entries.length}`);
  for (const d of intake.dropped) {
    if (d.reason === 'redacted') cli.understood.push(zh ? `  未发送 ${d.header}：文件中已被遮蔽（用 --token-env 提供真实值）` : `  not sent ${d.header}: redacted in the file (give the real value with --token-env)`);
  }
  return run(cli, io, deps);
}

/** `api-doctor curl <curl arguments…>`: the drop-in. Only curl's words; the human report; diagnose's exit codes. */
export async function runCurlDropIn(args: string[], io: CliIo, deps: DiagnoseDeps = {}): Promise<number> {
  if (args.length === 0) throw new UsageError('curl needs a URL, e.g. api-doctor curl https://api.example.com/v1/models');
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  return run(intakeToCli(curlToIntake({ args }, io.cwd), [], io.cwd), io, deps);
}

function run(cli: IntakeCli, io: CliIo, deps: DiagnoseDeps): Promise<number> {
  for (const line of cli.understood) io.stderr.write(`api-doctor: ${oneLine(line)}\n`);
  return runParsedDiagnose(cli, io, deps, { credential: cli.credential, secrets: cli.secrets });
}

/** A .har file, or a bundle (.zip) whose requests.har is read through the safe unzipper. */
export async function readHarOrBundle(file: string, lang: Lang = 'en'): Promise<HarFile> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  let handle;
  try {
    handle = await open(file, 'r');
    const st = await handle.stat();
    if (!st.isFile()) throw new UsageError(`${name} is not a regular file`);
    if (st.size > MAX_HAR_BYTES) throw new UsageError(`${name} is ${st.size} bytes; a HAR is read up to ${MAX_HAR_BYTES}`);
    bytes = await handle.readFile();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle?.close();
  }
  let text: string;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (bytes.length > MAX_BUNDLE_FILE_BYTES) throw new UsageError(`${name} is larger than a bundle can be`);
    try {
      const har = unzipSafe(bytes, DEFAULT_LIMITS).find((x) => x.name === 'requests.har');
      if (!har) throw new UsageError(`${name} is a zip without requests.har: not an API Doctor bundle`);
      text = new TextDecoder().decode(har.data);
    } catch (e) {
      if (e instanceof BundleError) throw new UsageError(`${name}: ${e.message}`);
      throw e;
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(`${name}: ${new HarError({ code: 'not-json' }).text(lang)}`);
    }
  }
  try {
    return parseHar(text);
  } catch (e) {
    if (e instanceof HarError) throw new UsageError(`${name}: ${e.text(lang)}`);
    throw e;
  }
}

function renderList(har: HarFile): string {
  const rows = listEntries(har).map((x) => `${String(x.index).padStart(4)}  ${x.failed ? '✗' : ' '} ${String(x.status).padStart(3)}  ${x.method.padEnd(7)} ${oneLine(x.url)}${x.error ? `  (${oneLine(x.error)})` : ''}`);
  return `${rows.join('\n')}${rows.length ? '\n' : ''}`;
}
