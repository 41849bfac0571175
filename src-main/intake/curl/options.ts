/**
 * curl's options as far as a diagnosis cares: which take an argument (so an ignored option never
 * swallows the URL or leaves its argument to be read as one), which the intake understands,
 * and which it ignores and why. Names from curl's manual (curl 8.x, `curl --help all`).
 */

import { OUTPUT_OPTIONS, UNSUPPORTED_OPTIONS } from './options-ignored.js';

/** Why an option is not carried into the diagnosis. */
export type IgnoreReason =
  /** It changes only what curl prints, writes or how it retries: nothing a diagnosis measures. */
  | 'output'
  /** It changes the call, and the diagnosis runs without it (named so the user knows). */
  | 'unsupported'
  /** curl does not have it (or it is new): named, its word skipped. */
  | 'unknown';

export interface OptionSpec {
  /** Takes the next word as its argument. */
  arg: boolean;
  /** Understood by the intake (parse.ts handles it) or ignored for this reason. */
  use: 'understood' | IgnoreReason;
}

const U = (arg: boolean): OptionSpec => ({ arg, use: 'understood' });

/** Long names (without `--`). */
export const LONG: Record<string, OptionSpec> = {
  // understood
  url: U(true),
  request: U(true),
  header: U(true),
  data: U(true),
  'data-ascii': U(true),
  'data-raw': U(true),
  'data-binary': U(true),
  'data-urlencode': U(true),
  json: U(true),
  get: U(false),
  head: U(false),
  user: U(true),
  'oauth2-bearer': U(true),
  basic: U(false),
  proxy: U(true),
  'proxy-user': U(true),
  socks4: U(true),
  socks4a: U(true),
  socks5: U(true),
  'socks5-hostname': U(true),
  noproxy: U(true),
  insecure: U(false),
  cacert: U(true),
  resolve: U(true),
  'dns-servers': U(true),
  'connect-timeout': U(true),
  'max-time': U(true),
  location: U(false),
  'location-trusted': U(false),
  'user-agent': U(true),
  referer: U(true),
  cookie: U(true),
  compressed: U(false),
  'url-query': U(true),
  ...OUTPUT_OPTIONS,
  ...UNSUPPORTED_OPTIONS,
};

/** Short letters → long names (curl's own pairing). */
export const SHORT: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  G: 'get',
  I: 'head',
  u: 'user',
  x: 'proxy',
  U: 'proxy-user',
  k: 'insecure',
  m: 'max-time',
  L: 'location',
  A: 'user-agent',
  e: 'referer',
  b: 'cookie',
  s: 'silent',
  S: 'show-error',
  v: 'verbose',
  i: 'include',
  f: 'fail',
  o: 'output',
  O: 'remote-name',
  J: 'remote-header-name',
  w: 'write-out',
  D: 'dump-header',
  N: 'no-buffer',
  '#': 'progress-bar',
  '0': 'http1.0',
  '4': 'ipv4',
  '6': 'ipv6',
  g: 'globoff',
  c: 'cookie-jar',
  C: 'continue-at',
  r: 'range',
  z: 'time-cond',
  Y: 'speed-limit',
  y: 'speed-time',
  Z: 'parallel',
  q: 'quiet',
  M: 'manual',
  V: 'version',
  h: 'help',
  F: 'form',
  T: 'upload-file',
  E: 'cert',
  K: 'config',
  n: 'netrc',
  p: 'proxytunnel',
  P: 'ftp-port',
  Q: 'quote',
  t: 'telnet-option',
  a: 'append',
  B: 'use-ascii',
  l: 'list-only',
  R: 'remote-time',
  j: 'junk-session-cookies',
  '1': 'tlsv1',
  '2': 'sslv2',
  '3': 'sslv3',
};

/** Boolean options curl also accepts as `--no-<name>` (negated): those are harmless either way. */
export function lookupLong(name: string): { name: string; spec: OptionSpec; negated: boolean } | null {
  const spec = LONG[name];
  if (spec) return { name, spec, negated: false };
  if (name.startsWith('no-')) {
    const base = LONG[name.slice(3)];
    if (base && !base.arg) return { name: name.slice(3), spec: base, negated: true };
  }
  return null;
}

/** The options the intake understands (for the coverage note and the help text). */
export const UNDERSTOOD = Object.entries(LONG)
  .filter(([, s]) => s.use === 'understood')
  .map(([n]) => n);
