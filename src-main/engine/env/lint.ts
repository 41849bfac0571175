import { fingerprint } from '../secret.js';
import { CA_DIR_VARIABLES, CA_VARIABLES, KEY_VARIABLES, KNOWN_VARIABLES, LEGACY_VARIABLES, NOT_TYPOS, PROXY_VARIABLES } from './known-variables.js';

/** One variable that is set but cannot do what the user expects. Never carries a secret value. */
export interface EnvIssue {
  variable: string;
  problem:
    | 'misspelled'
    | 'wrong-case'
    | 'empty'
    | 'legacy'
    | 'ca-missing'
    | 'ca-no-certificate'
    | 'ca-dir-missing'
    | 'key-whitespace'
    | 'key-quoted'
    | 'proxy-quoted'
    | 'anthropic-both'
    | 'anthropic-key-for-compatible-endpoint';
  /** The name that was probably meant, or the one the SDK reads instead. */
  suggestion?: string;
  /** For a CA variable: the path it names (not a secret). */
  path?: string;
  /** For a key variable: its fingerprint (`sk-…9f2c`), never the value. */
  fingerprint?: string;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition: PORXY ↔ PROXY is 1). */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Short names tolerate one slip, longer ones two (HTTPS_PROXXY, OPENAI_APIKEY). */
const maxSlips = (name: string) => (name.length <= 10 ? 1 : 2);

/** Proxy variables are read in lower case too (curl prefers it); every other known name is upper case only. */
const lowerAllowed = new Set<string>(PROXY_VARIABLES);

function closestKnown(upper: string): string | null {
  let best: { name: string; d: number } | null = null;
  for (const k of KNOWN_VARIABLES) {
    if (Math.abs(k.length - upper.length) > 2) continue;
    const d = typoDistance(upper, k);
    if (d > 0 && d <= maxSlips(k) && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name ?? null;
}

const isKey = (name: string) => (KEY_VARIABLES as readonly string[]).includes(name);
const quoted = (v: string) => /^\s*(["'`]).*\1\s*$/s.test(v) || /^\s*["'`]|["'`]\s*$/.test(v);

/**
 * The checks that need only the environment: misspelled, wrongly cased, empty or legacy names,
 * keys with whitespace or quotes, quoted proxy URLs. CA files are checked by the probe (they need
 * the disk); `caPaths` lists them.
 */
export function lintEnvironment(env: NodeJS.ProcessEnv): { issues: EnvIssue[]; caFiles: { variable: string; path: string }[]; caDirs: { variable: string; path: string }[] } {
  const issues: EnvIssue[] = [];
  const caFiles: { variable: string; path: string }[] = [];
  const caDirs: { variable: string; path: string }[] = [];
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    const upper = name.toUpperCase();
    const known = KNOWN_VARIABLES.includes(upper);
    if (LEGACY_VARIABLES[upper] && !env[LEGACY_VARIABLES[upper].use]) {
      issues.push({ variable: name, problem: 'legacy', suggestion: LEGACY_VARIABLES[upper].use });
      continue;
    }
    if (!known) {
      if (NOT_TYPOS.has(upper) || LEGACY_VARIABLES[upper]) continue;
      const meant = closestKnown(upper);
      // Only a near miss of a name nobody set correctly: HTTP_PROXY next to HTTPS_PROXY is no typo.
      if (meant && env[meant] === undefined && env[meant.toLowerCase()] === undefined) issues.push({ variable: name, problem: 'misspelled', suggestion: meant });
      continue;
    }
    if (name !== upper && !(lowerAllowed.has(upper) && name === name.toLowerCase())) {
      issues.push({ variable: name, problem: 'wrong-case', suggestion: lowerAllowed.has(upper) ? `${upper.toLowerCase()} or ${upper}` : upper });
      continue;
    }
    if (raw.trim() === '') {
      issues.push({ variable: name, problem: 'empty' });
      continue;
    }
    if (isKey(upper)) {
      const fp = fingerprint(raw.replace(/^\s*["'`]|["'`]\s*$/g, ''));
      if (quoted(raw)) issues.push({ variable: name, problem: 'key-quoted', fingerprint: fp });
      else if (/\s/.test(raw)) issues.push({ variable: name, problem: 'key-whitespace', fingerprint: fp });
    }
    if (lowerAllowed.has(upper) && upper !== 'NO_PROXY' && (quoted(raw) || /\s/.test(raw.trim()))) issues.push({ variable: name, problem: 'proxy-quoted' });
    if ((CA_VARIABLES as readonly string[]).includes(upper)) caFiles.push({ variable: name, path: raw.trim() });
    if ((CA_DIR_VARIABLES as readonly string[]).includes(upper)) caDirs.push({ variable: name, path: raw.trim() });
  }
  // Both set: the anthropic SDKs send both x-api-key and Authorization: Bearer, and a gateway may judge the wrong one.
  if (env.ANTHROPIC_API_KEY?.trim() && env.ANTHROPIC_AUTH_TOKEN?.trim()) issues.push({ variable: 'ANTHROPIC_AUTH_TOKEN', problem: 'anthropic-both', suggestion: 'ANTHROPIC_API_KEY' });
  // Anthropic-compatible endpoints of other providers (Zhipu's /api/anthropic, Kimi's, DeepSeek's) document ANTHROPIC_AUTH_TOKEN (Bearer).
  const base = env.ANTHROPIC_BASE_URL?.trim();
  if (base && !/(^|\.)anthropic\.com(?=[:/]|$)/i.test(hostOf(base)) && env.ANTHROPIC_API_KEY?.trim() && !env.ANTHROPIC_AUTH_TOKEN?.trim()) {
    issues.push({ variable: 'ANTHROPIC_API_KEY', problem: 'anthropic-key-for-compatible-endpoint', suggestion: 'ANTHROPIC_AUTH_TOKEN' });
  }
  return { issues, caFiles, caDirs };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** Why certificate checks are off for some client on this machine, as the sources say it ("NODE_TLS_REJECT_UNAUTHORIZED=0", "curl -k"). */
export function verifyDisabledSources(env: NodeJS.ProcessEnv, insecureRequest: boolean, curlrc: string | null): string[] {
  const out: string[] = [];
  // Node: any value "0" turns verification off for every TLS connection that does not say otherwise (Node CLI docs).
  if (env.NODE_TLS_REJECT_UNAUTHORIZED?.trim() === '0') out.push('NODE_TLS_REJECT_UNAUTHORIZED=0');
  // PEP 493: PYTHONHTTPSVERIFY=0 makes the stdlib's default context unverified (urllib, http.client).
  if (env.PYTHONHTTPSVERIFY?.trim() === '0') out.push('PYTHONHTTPSVERIFY=0');
  // Not curl's own, but set by wrappers and CI images to mean "curl -k".
  for (const n of ['CURL_INSECURE', 'CURL_SSL_NO_VERIFY', 'GIT_SSL_NO_VERIFY']) {
    const v = env[n]?.trim().toLowerCase();
    if (v && v !== '0' && v !== 'false' && v !== 'no') out.push(`${n}=${env[n]!.trim()}`);
  }
  if (curlrc && /^\s*(-k\b|--?insecure\b|insecure\b)/m.test(curlrc)) out.push('~/.curlrc: insecure');
  if (insecureRequest) out.push('curl -k');
  return out;
}

/** Whether a file's text holds at least one PEM certificate. */
export const hasPemCertificate = (text: string): boolean => /-----BEGIN (TRUSTED )?CERTIFICATE-----[\s\S]+?-----END (TRUSTED )?CERTIFICATE-----/.test(text);
