import { LONG, SHORT, lookupLong, type IgnoreReason, type OptionSpec } from './options.js';
import { ShellSyntaxError, detectFlavour, tokenize, type Flavour, type VarLookup } from './tokenize.js';

/** One data option, in the order given (curl joins them with `&`, `--json` parts without). */
export interface DataPart {
  kind: 'data' | 'raw' | 'binary' | 'urlencode' | 'json';
  value: string;
}

export interface IgnoredOption {
  /** As written: `-F`, `--cert`, `--frobnicate`. */
  flag: string;
  reason: IgnoreReason | 'extra-url' | 'file' | 'after-command';
}

/** What a curl command line says, before it becomes a request: options as curl would read them. */
export interface CurlCall {
  url: string | null;
  method: string | null;
  headers: string[];
  data: DataPart[];
  get: boolean;
  head: boolean;
  user: string | null;
  bearer: string | null;
  proxy: string | null;
  proxyKind: 'proxy' | 'socks4' | 'socks4a' | 'socks5' | 'socks5-hostname' | null;
  proxyUser: string | null;
  noproxy: string | null;
  insecure: boolean;
  cacert: string | null;
  resolve: string[];
  dnsServers: string | null;
  connectTimeout: string | null;
  maxTime: string | null;
  location: boolean;
  compressed: boolean;
  userAgent: string | null;
  referer: string | null;
  cookies: string[];
  urlQuery: string[];
  ignored: IgnoredOption[];
  flavour: Flavour | 'argv';
  /** Shell variables the command uses that were not expanded (unknown here). */
  unsetVars: string[];
  /** Values of expanded variables named like secrets (`*_KEY`, `*TOKEN*`…): secrets of the run wherever they landed. */
  secretVars: string[];
}

export class CurlParseError extends Error {
  override name = 'CurlParseError';
}

/** A pasted command (with or without the leading `curl`) → what curl would do. */
export function parseCurlCommand(text: string, vars?: VarLookup): CurlCall {
  if (text.length > MAX_COMMAND_CHARS) throw new CurlParseError(`the command is ${text.length} characters; at most ${MAX_COMMAND_CHARS} are read`);
  let t;
  let secrets: string[] = [];
  try {
    const secretVars: string[] = [];
    const lookup = vars
      ? (name: string) => {
          const v = vars(name);
          if (v !== undefined && /KEY|TOKEN|SECRET|PASS|AUTH|CRED|COOKIE|SESSION/i.test(name)) secretVars.push(v);
          return v;
        }
      : undefined;
    t = tokenize(text, detectFlavour(text), lookup);
    secrets = secretVars;
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new CurlParseError(`cannot read the command: ${e.message}`);
    throw e;
  }
  const words = [...t.words];
  if (words.length > 0 && isCurlWord(words[0]!)) words.shift();
  else if (words.length > 0 && !words[0]!.startsWith('-') && !looksLikeUrl(words[0]!)) {
    throw new CurlParseError(`this is not a curl command: it starts with "${words[0]!.slice(0, 40)}"`);
  }
  const call = parseCurlArgs(words);
  call.flavour = t.flavour;
  call.unsetVars = t.unset;
  call.secretVars = secrets;
  if (t.rest) call.ignored.push({ flag: t.rest.slice(0, 40), reason: 'after-command' });
  return call;
}

/** A pasted command can be long (a JSON body), not unbounded. */
export const MAX_COMMAND_CHARS = 1_000_000;

const isCurlWord = (w: string): boolean => /^(.*[\\/])?curl(\.exe)?$/i.test(w);
const looksLikeUrl = (w: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(w) || /^[\w.-]+\.[a-z]{2,}(:\d+)?(\/|$)/i.test(w);

function emptyCall(): CurlCall {
  return {
    url: null,
    method: null,
    headers: [],
    data: [],
    get: false,
    head: false,
    user: null,
    bearer: null,
    proxy: null,
    proxyKind: null,
    proxyUser: null,
    noproxy: null,
    insecure: false,
    cacert: null,
    resolve: [],
    dnsServers: null,
    connectTimeout: null,
    maxTime: null,
    location: false,
    compressed: false,
    userAgent: null,
    referer: null,
    cookies: [],
    urlQuery: [],
    ignored: [],
    flavour: 'argv',
    unsetVars: [],
    secretVars: [],
  };
}

/** curl's arguments (what `api-doctor curl …` receives) → what curl would do. Never throws for an unknown option. */
export function parseCurlArgs(args: readonly string[]): CurlCall {
  const call = emptyCall();
  let i = 0;
  let optionsEnded = false;
  const urls: string[] = [];
  const takeArg = (flag: string): string => {
    const v = args[i];
    if (v === undefined) throw new CurlParseError(`${flag} needs a value`);
    i++;
    return v;
  };
  while (i < args.length) {
    const w = args[i++]!;
    if (optionsEnded || !w.startsWith('-') || w === '-') {
      urls.push(w);
      continue;
    }
    if (w === '--') {
      optionsEnded = true;
      continue;
    }
    if (w.startsWith('--')) {
      let name = w.slice(2);
      let inline: string | null = null;
      const eq = name.indexOf('=');
      // curl itself has no --opt=value; people write it anyway, and no option name has a '='.
      if (eq > 0 && lookupLong(name.slice(0, eq))?.spec.arg) {
        inline = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      const found = lookupLong(name);
      if (!found) {
        call.ignored.push({ flag: `--${name}`.slice(0, 60), reason: 'unknown' });
        continue;
      }
      const value = found.spec.arg ? (inline ?? takeArg(`--${name}`)) : null;
      apply(call, found.name, found.spec, value, `--${name}`, found.negated);
      continue;
    }
    // Short options, possibly bundled (-sSL) or with the value attached (-XPOST, -d@file).
    let j = 1;
    while (j < w.length) {
      const letter = w[j]!;
      const long = SHORT[letter];
      const spec: OptionSpec | undefined = long ? (LONG[long] ?? { arg: false, use: 'output' }) : undefined;
      if (!long || !spec) {
        call.ignored.push({ flag: `-${letter}`, reason: 'unknown' });
        j++;
        continue;
      }
      if (spec.arg) {
        const attached = w.slice(j + 1);
        const value = attached !== '' ? attached : takeArg(`-${letter}`);
        apply(call, long, spec, value, `-${letter}`, false);
        break;
      }
      apply(call, long, spec, null, `-${letter}`, false);
      j++;
    }
  }
  if (call.url === null && urls.length > 0) call.url = urls.shift()!;
  for (const extra of urls) call.ignored.push({ flag: extra.slice(0, 60), reason: 'extra-url' });
  return call;
}

function apply(call: CurlCall, name: string, spec: OptionSpec, value: string | null, flag: string, negated: boolean): void {
  if (spec.use !== 'understood') {
    call.ignored.push({ flag, reason: spec.use });
    return;
  }
  const v = value ?? '';
  switch (name) {
    case 'url':
      if (call.url === null) call.url = v;
      else call.ignored.push({ flag: v.slice(0, 60), reason: 'extra-url' });
      return;
    case 'request':
      call.method = v;
      return;
    case 'header':
      call.headers.push(v);
      return;
    case 'data':
    case 'data-ascii':
      call.data.push({ kind: 'data', value: v });
      return;
    case 'data-raw':
      call.data.push({ kind: 'raw', value: v });
      return;
    case 'data-binary':
      call.data.push({ kind: 'binary', value: v });
      return;
    case 'data-urlencode':
      call.data.push({ kind: 'urlencode', value: v });
      return;
    case 'json':
      call.data.push({ kind: 'json', value: v });
      return;
    case 'get':
      call.get = !negated;
      return;
    case 'head':
      call.head = !negated;
      return;
    case 'user':
      call.user = v;
      return;
    case 'oauth2-bearer':
      call.bearer = v;
      return;
    case 'basic':
      return;
    case 'proxy':
    case 'socks4':
    case 'socks4a':
    case 'socks5':
    case 'socks5-hostname':
      call.proxy = v;
      call.proxyKind = name;
      return;
    case 'proxy-user':
      call.proxyUser = v;
      return;
    case 'noproxy':
      call.noproxy = v;
      return;
    case 'insecure':
      call.insecure = !negated;
      return;
    case 'cacert':
      call.cacert = v;
      return;
    case 'resolve':
      call.resolve.push(v);
      return;
    case 'dns-servers':
      call.dnsServers = v;
      return;
    case 'connect-timeout':
      call.connectTimeout = v;
      return;
    case 'max-time':
      call.maxTime = v;
      return;
    case 'location':
    case 'location-trusted':
      call.location = !negated;
      return;
    case 'compressed':
      call.compressed = !negated;
      return;
    case 'user-agent':
      call.userAgent = v;
      return;
    case 'referer':
      call.referer = v;
      return;
    case 'cookie':
      call.cookies.push(v);
      return;
    case 'url-query':
      call.urlQuery.push(v);
      return;
    default:
      call.ignored.push({ flag, reason: 'unknown' });
  }
}
