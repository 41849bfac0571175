import { isSensitiveHeader, isSensitiveParam } from '../../engine/redact-patterns.js';
import { CurlParseError, type CurlCall, type IgnoredOption } from './parse.js';
import { addHeader, base64, curlEscape, noProxyCovers, safeDecode } from './curl-semantics.js';
import { bodySecrets } from './body-secrets.js';
import { wellFormed } from '../well-formed.js';
import type { PastedFill } from '../../common/intake.js';

export { curlEscape, noProxyCovers } from './curl-semantics.js';

/** Something the intake decided on the user's behalf, shown so nothing happens silently. */
export type IntakeNote =
  | { kind: 'scheme-guessed' }
  | { kind: 'user-without-password' }
  | { kind: 'noproxy-other-host'; list: string }
  | { kind: 'timeout-from-max-time'; seconds: number }
  | { kind: 'compressed' }
  | { kind: 'key-moved-from-url'; param: string }
  | { kind: 'url-credentials' }
  | { kind: 'variable-not-set'; name: string };

/**
 * A call as the diagnosis takes it: the request fields a curl command decides (the form's
 * PastedFill, except that `--resolve` pins stay as curl wrote them), plus what to keep secret.
 */
export interface IntakeRequest extends Omit<PastedFill, 'resolve'> {
  caFile?: string;
  /** `host:port:address` as curl writes them (validated where the request is built). */
  resolve: string[];
  /** A key found in the URL's query, taken out of the URL so the auth stage judges it as the credential. */
  queryKey: { param: string; value: string } | null;
  /** Every value in the command that is a secret: the run's redactor learns them all. */
  secrets: string[];
  ignored: IgnoredOption[];
  notes: IntakeNote[];
  flavour: CurlCall['flavour'];
}

export interface BuildDeps {
  /** Reads `-d @file`, `--data-binary @file`, `-H @file`; absent (the renderer): such options are named as ignored. */
  readFile?: (file: string) => string;
  /** Moves an API key found in the URL's query into `queryKey` (the CLI does; the wizard keeps the URL whole). */
  extractQueryKey?: boolean;
}

/** Query parameters that carry an API's own key (not a signature or an OAuth `code`). */
const KEY_PARAMS = /^(key|api[-_]?key|apikey|access[-_]?token|token|subscription-key|x-api-key|auth[-_]?token)$/i;

/** A CurlCall → the request it makes, or a CurlParseError saying what is wrong. Pure unless deps.readFile. */
export function buildRequest(call: CurlCall, deps: BuildDeps = {}): IntakeRequest {
  const secrets = new Set<string>();
  const secret = (v: string | null | undefined) => {
    // `Bearer $OPENAI_API_KEY` left unexpanded names a variable; it is not a secret (and masking it would hide the name).
    if (v && v.trim().length > 0 && !/^\s*(\S+\s+)?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*$/.test(v)) secrets.add(wellFormed(v));
  };
  const ignored = [...call.ignored];
  const notes: IntakeNote[] = [];

  const readData = (flag: string, raw: string, strip: boolean): string | null => {
    if (!raw.startsWith('@')) return raw;
    const file = raw.slice(1);
    if (file === '-' || !deps.readFile) {
      ignored.push({ flag: `${flag} @${file.slice(0, 40)}`, reason: 'file' });
      return null;
    }
    const text = deps.readFile(file);
    return strip ? text.replace(/[\r\n]/g, '') : text;
  };
  const urlencodePart = (flag: string, raw: string): string | null => {
    // name=content, =content, content, @file, name@file (curl's manual, --data-urlencode).
    const eq = raw.indexOf('=');
    const at = raw.indexOf('@');
    if (eq >= 0 && (at < 0 || eq < at)) {
      const name = raw.slice(0, eq);
      const content = curlEscape(raw.slice(eq + 1));
      return name === '' ? content : `${name}=${content}`;
    }
    if (at >= 0) {
      const name = raw.slice(0, at);
      const text = readData(flag, raw.slice(at), false);
      if (text === null) return null;
      return name === '' ? curlEscape(text) : `${name}=${curlEscape(text)}`;
    }
    return curlEscape(raw);
  };

  // The body, as curl assembles it.
  let body: string | null = null;
  let isJson = false;
  for (const part of call.data) {
    let piece: string | null;
    if (part.kind === 'data') piece = readData('-d', part.value, true);
    else if (part.kind === 'raw') piece = part.value;
    else if (part.kind === 'binary') piece = readData('--data-binary', part.value, false);
    else if (part.kind === 'json') {
      piece = readData('--json', part.value, false);
      isJson = true;
    } else piece = urlencodePart('--data-urlencode', part.value);
    if (piece === null) continue;
    body = body === null ? piece : part.kind === 'json' ? body + piece : `${body}&${piece}`;
  }

  // The URL.
  if (call.url === null || call.url.trim() === '') throw new CurlParseError('the command has no URL');
  // curl's URL globbing: DevTools writes [ ] { } as \[ … so curl takes them literally.
  let rawUrl = call.url.trim().replace(/\\([[\]{}])/g, '$1');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(rawUrl)) {
    rawUrl = `http://${rawUrl}`;
    notes.push({ kind: 'scheme-guessed' });
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new CurlParseError('the URL in the command is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CurlParseError(`"${url.protocol}" URLs are not supported: use http:// or https://`);
  for (const q of call.urlQuery) {
    const piece = q.startsWith('+') ? q.slice(1) : urlencodePart('--url-query', q);
    if (piece) url.search = url.search ? `${url.search}&${piece}` : `?${piece}`;
  }
  if (call.get && body !== null) {
    url.search = url.search ? `${url.search}&${body}` : `?${body}`;
    body = null;
  }

  // Headers: the user's -H first (they win over what other options imply, as in curl).
  const headers: { name: string; value: string }[] = [];
  const has = (n: string) => headers.some((h) => h.name.toLowerCase() === n.toLowerCase());
  for (const raw of call.headers) {
    if (raw.startsWith('@')) {
      const text = readData('-H', raw, false);
      if (text !== null) for (const line of text.split(/\r?\n/)) if (line.trim()) addHeader(headers, line);
      continue;
    }
    addHeader(headers, raw);
  }
  let basicUser: string | null = call.user;
  if (url.username || url.password) {
    // curl sends user-info in the URL as Basic auth (unless -u says otherwise).
    const u = `${safeDecode(url.username)}:${safeDecode(url.password)}`;
    if (basicUser === null) basicUser = u;
    secret(u);
    secret(safeDecode(url.password));
    url.username = '';
    url.password = '';
    notes.push({ kind: 'url-credentials' });
  }
  if (call.bearer !== null && !has('authorization')) headers.push({ name: 'Authorization', value: `Bearer ${call.bearer}` });
  if (basicUser !== null && !has('authorization')) {
    let userpass = basicUser;
    if (!userpass.includes(':')) {
      userpass = `${userpass}:`;
      notes.push({ kind: 'user-without-password' });
    }
    secret(userpass);
    secret(userpass.slice(userpass.indexOf(':') + 1));
    const b64 = base64(userpass);
    secret(b64);
    headers.push({ name: 'Authorization', value: `Basic ${b64}` });
  }
  if (call.userAgent !== null && !has('user-agent')) headers.push({ name: 'User-Agent', value: call.userAgent });
  if (call.referer !== null && !has('referer')) headers.push({ name: 'Referer', value: call.referer.replace(/;auto$/, '') });
  const cookies: string[] = [];
  for (const c of call.cookies) {
    if (c.includes('=')) cookies.push(c);
    else ignored.push({ flag: `-b ${c.slice(0, 40)}`, reason: 'file' });
  }
  if (cookies.length > 0 && !has('cookie')) headers.push({ name: 'Cookie', value: cookies.join('; ') });
  if (isJson) {
    if (!has('content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
    if (!has('accept')) headers.push({ name: 'Accept', value: 'application/json' });
  } else if (body !== null && !has('content-type')) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  if (call.compressed) notes.push({ kind: 'compressed' });
  for (const name of call.unsetVars) notes.push({ kind: 'variable-not-set', name });
  for (const v of call.secretVars) secret(v);

  // Secrets in headers, the URL and the body.
  for (const h of headers) {
    if (!isSensitiveHeader(h.name)) continue;
    secret(h.value);
    const scheme = /^\s*(bearer|basic|token|bot|key|apikey|sso-key|digest)\s+(.+)$/i.exec(h.value);
    if (scheme) secret(scheme[2]!.trim());
    if (h.name.toLowerCase() === 'cookie') for (const kv of h.value.split(';')) secret(kv.split('=').slice(1).join('=').trim());
  }
  let queryKey: IntakeRequest['queryKey'] = null;
  for (const [name, value] of [...url.searchParams]) {
    if (!isSensitiveParam(name) || value === '') continue;
    secret(value);
    if (deps.extractQueryKey && queryKey === null && KEY_PARAMS.test(name)) queryKey = { param: name, value };
  }
  if (queryKey) {
    url.searchParams.delete(queryKey.param);
    notes.push({ kind: 'key-moved-from-url', param: queryKey.param });
  }
  if (body !== null) bodySecrets(body, secret);

  // Where it goes: proxy, no-proxy, DNS pins, trust.
  let proxy: string | null | undefined;
  if (call.proxy !== null) {
    const p = call.proxy.trim();
    if (p === '') proxy = null;
    else {
      const scheme = call.proxyKind === 'socks5-hostname' ? 'socks5h' : call.proxyKind === 'socks5' ? 'socks5' : call.proxyKind === 'socks4' || call.proxyKind === 'socks4a' ? 'socks4' : 'http';
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(p) ? p : `${scheme}://${p}`;
      let purl: URL;
      try {
        purl = new URL(withScheme);
      } catch {
        throw new CurlParseError('the proxy in the command is not a valid address');
      }
      if (purl.password) {
        secret(safeDecode(purl.password));
        secret(`${safeDecode(purl.username)}:${safeDecode(purl.password)}`);
      }
      if (call.proxyUser !== null) {
        const c = call.proxyUser.indexOf(':');
        const user = c < 0 ? call.proxyUser : call.proxyUser.slice(0, c);
        const pass = c < 0 ? '' : call.proxyUser.slice(c + 1);
        secret(call.proxyUser);
        secret(pass);
        purl.username = encodeURIComponent(user);
        purl.password = encodeURIComponent(pass);
      }
      proxy = purl.href.replace(/\/$/, '');
    }
  } else if (call.proxyUser !== null) {
    secret(call.proxyUser);
    secret(call.proxyUser.slice(call.proxyUser.indexOf(':') + 1));
  }
  if (call.noproxy !== null) {
    if (noProxyCovers(call.noproxy, url.hostname)) proxy = null;
    else notes.push({ kind: 'noproxy-other-host', list: call.noproxy.slice(0, 200) });
  }

  let timeoutMs: number | undefined;
  const seconds = (flag: string, v: string): number => {
    if (!/^\d+(\.\d+)?$/.test(v.trim())) throw new CurlParseError(`${flag} needs a number of seconds, got "${v.slice(0, 20)}"`);
    return Number(v);
  };
  if (call.connectTimeout !== null) timeoutMs = clampMs(seconds('--connect-timeout', call.connectTimeout) * 1000);
  if (call.maxTime !== null) {
    const s = seconds('--max-time', call.maxTime);
    if (timeoutMs === undefined) {
      timeoutMs = clampMs(s * 1000);
      notes.push({ kind: 'timeout-from-max-time', seconds: s });
    }
  }

  const method = call.method ? call.method.toUpperCase() : call.head ? 'HEAD' : body !== null ? 'POST' : 'GET';
  const dnsServers = call.dnsServers ? call.dnsServers.split(',').map((s) => s.trim()).filter(Boolean) : [];
  return {
    url: url.href,
    method,
    headers,
    ...(body !== null ? { body } : {}),
    ...(proxy !== undefined ? { proxy } : {}),
    insecure: call.insecure,
    ...(call.cacert !== null ? { caFile: call.cacert } : {}),
    resolve: call.resolve.map((r) => r.replace(/^\+/, '')),
    dnsServers,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    queryKey,
    secrets: [...secrets],
    ignored,
    notes,
    flavour: call.flavour,
  };
}

/** The diagnosis's budget per phase, as the CLI's --timeout accepts it. */
const clampMs = (ms: number) => Math.min(600_000, Math.max(100, Math.round(ms)));
