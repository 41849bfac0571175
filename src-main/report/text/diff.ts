import type { Finding, JsonValue, Lang, Report } from '../../common/report.js';
import { STAGES } from '../../common/stages.js';
import { WHY } from './diff-why.js';
import { localizeReport } from './localize.js';

/**
 * Two bundles (or two runs from the history) side by side: what differs between "works there"
 * and "fails here", most telling first. Pure, in the text module, so the CLI's `diff`, the
 * report's "Compare with…" and the history's compare are one implementation. The bundles are
 * read (through the safe reader) by the caller.
 *
 * `a` and `b` are data (a verdict, a status, a code); the stage reasons inside them and "why it
 * matters" are in `lang`. `diffValueText` (diff-texts.ts) words a value for people.
 */

export interface BundleView {
  report: Report;
  /**
   * environment.json, as written by any version (read defensively: fields may be missing); null
   * when unknown (a run from the history keeps none): then nothing of the environment is compared,
   * since unknown is not different.
   */
  environment: unknown;
}

/** One difference, with the contract's exact key names. */
export interface Difference {
  path: string;
  a: JsonValue;
  b: JsonValue;
  'why it matters': string;
}

/** Lower ranks first: how likely a difference here explains one side working and the other not. */
interface Candidate {
  path: string;
  a: JsonValue;
  b: JsonValue;
  rank: number;
  why: Record<Lang, string>;
}

const get = (v: unknown, ...path: string[]): unknown => {
  let cur = v;
  for (const p of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
};
const json = (v: unknown): JsonValue => {
  if (v === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(v)) as JsonValue;
  } catch {
    return null;
  }
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sorted = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).sort() : []);

/** A stage's outcome and summary, durations left out: "in 81 ms" vs "in 79 ms" is noise, not a difference. */
const stageReason = (r: Report, id: string) => {
  const s = r.stages.find((x) => x.id === id);
  const reason = s?.reason?.replace(/\d+(?:\.\d+)?\s*(ms|毫秒)/g, '… $1');
  return s ? `${s.status}${reason ? `: ${reason}` : ''}` : null;
};
const codesOf = (r: Report) => new Map(r.findings.map((f: Finding) => [f.code, f]));

/** Names of environment variables the bundle records (proxy and CA ones); values are never compared. */
function envNames(env: unknown): string[] {
  const names = new Set<string>();
  for (const list of [get(env, 'proxy', 'variables'), get(env, 'caStore', 'variables'), get(env, 'variables')]) {
    if (Array.isArray(list)) for (const v of list) if (typeof get(v, 'variable') === 'string') names.add(get(v, 'variable') as string);
  }
  const names2 = get(env, 'environmentVariables');
  if (Array.isArray(names2)) for (const n of names2) if (typeof n === 'string') names.add(n);
  return [...names].sort();
}

export function diffBundles(a: BundleView, b: BundleView, lang: Lang = 'en'): { differences: Difference[] } {
  const out: Candidate[] = [];
  // Only when both sides know their environment: one unknown side is not a difference.
  const bothEnv = a.environment !== null && a.environment !== undefined && b.environment !== null && b.environment !== undefined;
  const add = (path: string, va: unknown, vb: unknown, rank: number, why: Record<Lang, string>) => {
    if (path.startsWith('environment.') && !bothEnv) return;
    if (!same(va, vb)) out.push({ path, a: json(va), b: json(vb), rank, why });
  };
  // Both reports in the language asked for: stage reasons are compared (and shown) in one language.
  const ra = localizeReport(a.report, lang);
  const rb = localizeReport(b.report, lang);

  add('summary.verdict', ra.summary.verdict, rb.summary.verdict, 0, WHY.verdict);
  add('summary.rootCause', ra.summary.rootCause, rb.summary.rootCause, 1, WHY.rootCause);

  const fa = codesOf(ra);
  const fb = codesOf(rb);
  const severityRank = { error: 2, warn: 3, info: 8 } as const;
  for (const code of new Set([...fa.keys(), ...fb.keys()])) {
    const f = fa.get(code) ?? fb.get(code)!;
    if (fa.has(code) && fb.has(code)) continue;
    add(`findings.${code}`, fa.has(code) ? 'present' : null, fb.has(code) ? 'present' : null, severityRank[f.severity] + STAGES.indexOf(f.stage) / 10, WHY.finding);
  }

  add('stages.proxy', stageReason(ra, 'proxy'), stageReason(rb, 'proxy'), 4, WHY.proxyStage);
  add('environment.proxy.effective', get(a.environment, 'proxy', 'effective'), get(b.environment, 'proxy', 'effective'), 4.1, WHY.proxyEffective);
  add(
    'environment.proxy.variables',
    (get(a.environment, 'proxy', 'variables') as unknown[] | undefined)?.map((v) => `${String(get(v, 'variable'))}=${String(get(v, 'value'))}`).sort() ?? null,
    (get(b.environment, 'proxy', 'variables') as unknown[] | undefined)?.map((v) => `${String(get(v, 'variable'))}=${String(get(v, 'value'))}`).sort() ?? null,
    4.2,
    WHY.proxyVars,
  );
  add('environment.proxy.noProxy', get(a.environment, 'proxy', 'noProxy'), get(b.environment, 'proxy', 'noProxy'), 4.3, WHY.noProxy);
  add('environment.proxy.system', get(a.environment, 'proxy', 'system'), get(b.environment, 'proxy', 'system'), 4.4, WHY.proxyStage);

  add('stages.dns', stageReason(ra, 'dns'), stageReason(rb, 'dns'), 5, WHY.dnsStage);
  add('environment.resolvers.nameservers', sorted(get(a.environment, 'resolvers', 'nameservers')), sorted(get(b.environment, 'resolvers', 'nameservers')), 5.1, WHY.resolvers);

  add('stages.tcp', stageReason(ra, 'tcp'), stageReason(rb, 'tcp'), 6, WHY.tcpStage);
  const ips = (r: Report) => [...new Set(r.exchanges.map((x) => x.serverIPAddress).filter((x): x is string => !!x))].sort();
  add('exchanges.serverIPAddress', ips(ra), ips(rb), 6.1, WHY.serverIp);

  add('stages.tls', stageReason(ra, 'tls'), stageReason(rb, 'tls'), 7, WHY.tlsStage);
  const caNames = (env: unknown) => ((get(env, 'caStore', 'variables') as unknown[] | undefined) ?? []).map((v) => String(get(v, 'variable'))).sort();
  add('environment.caStore.variables', caNames(a.environment), caNames(b.environment), 7.1, WHY.caVars);
  add('environment.caStore.nodeOptionsUseSystemCa', get(a.environment, 'caStore', 'nodeOptionsUseSystemCa'), get(b.environment, 'caStore', 'nodeOptionsUseSystemCa'), 7.2, WHY.useSystemCa);
  add('environment.caStore.systemCertificates', get(a.environment, 'caStore', 'systemCertificates'), get(b.environment, 'caStore', 'systemCertificates'), 7.3, WHY.caStore);
  add('environment.caStore.nodeBundledCertificates', get(a.environment, 'caStore', 'nodeBundledCertificates'), get(b.environment, 'caStore', 'nodeBundledCertificates'), 7.4, WHY.caStore);

  for (const id of ['environment', 'http', 'auth', 'server'] as const) add(`stages.${id}`, stageReason(ra, id), stageReason(rb, id), 8 + STAGES.indexOf(id) / 10, WHY.stage);

  // The client matrix (when the bundles have one): each client's outcome and versions.
  const clients = (r: Report) => {
    const list = (r as unknown as { clients?: unknown }).clients;
    const m = new Map<string, unknown>();
    if (Array.isArray(list)) for (const c of list) if (typeof get(c, 'id') === 'string') m.set(get(c, 'id') as string, c);
    return m;
  };
  const ca = clients(ra);
  const cb = clients(rb);
  for (const id of [...new Set([...ca.keys(), ...cb.keys()])].sort()) {
    for (const field of ['outcome', 'verdict', 'status', 'usesProxy', 'proxy', 'trustStore', 'version']) {
      add(`clients.${id}.${field}`, get(ca.get(id), field), get(cb.get(id), field), 9 + (field === 'version' ? 0.5 : 0), WHY.clients);
    }
  }

  for (const v of ['node', 'openssl', 'undici', 'electron', 'chrome', 'apiDoctor', 'python', 'curl']) {
    add(`environment.versions.${v}`, get(a.environment, 'versions', v), get(b.environment, 'versions', v), 10, WHY.versions);
  }
  add('tool.version', ra.tool.version, rb.tool.version, 10.1, WHY.versions);
  for (const f of ['platform', 'release', 'arch']) add(`environment.os.${f}`, get(a.environment, 'os', f), get(b.environment, 'os', f), 11, WHY.os);

  const na = envNames(a.environment);
  const nb = envNames(b.environment);
  const onlyA = na.filter((n) => !nb.includes(n));
  const onlyB = nb.filter((n) => !na.includes(n));
  if (bothEnv && (onlyA.length > 0 || onlyB.length > 0)) out.push({ path: 'environment.variableNames', a: onlyA, b: onlyB, rank: 12, why: WHY.envNames });

  // Timings: only a real difference (twice as long and 100 ms more), never noise.
  for (const k of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'downloadMs', 'totalMs'] as const) {
    const x = ra.timings[k];
    const y = rb.timings[k];
    if (x === null || y === null) {
      if ((x === null) !== (y === null)) add(`timings.${k}`, x, y, 13, WHY.timing);
      continue;
    }
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    if (hi - lo >= 100 && hi >= 2 * lo) add(`timings.${k}`, x, y, 13, WHY.timing);
  }

  add('target.url', ra.target.url, rb.target.url, 14, WHY.target);
  add('target.method', ra.target.method, rb.target.method, 14.1, WHY.target);
  add('target.provider', ra.target.provider, rb.target.provider, 14.2, WHY.target);
  add('environment.locale.timeZone', get(a.environment, 'locale', 'timeZone'), get(b.environment, 'locale', 'timeZone'), 15, WHY.locale);

  out.sort((x, y) => x.rank - y.rank);
  return { differences: out.map((c) => ({ path: c.path, a: c.a, b: c.b, 'why it matters': c.why[lang] })) };
}

/** The fields compared, for the coverage note and the docs. */
export const DIFF_FIELDS = [
  'summary.verdict',
  'summary.rootCause',
  'findings.<CODE>',
  'stages.proxy',
  'environment.proxy.effective',
  'environment.proxy.variables',
  'environment.proxy.noProxy',
  'environment.proxy.system',
  'stages.dns',
  'environment.resolvers.nameservers',
  'stages.tcp',
  'exchanges.serverIPAddress',
  'stages.tls',
  'environment.caStore.variables',
  'environment.caStore.nodeOptionsUseSystemCa',
  'environment.caStore.systemCertificates',
  'environment.caStore.nodeBundledCertificates',
  'stages.environment|http|auth|server',
  'clients.<id>.<outcome|verdict|status|usesProxy|proxy|trustStore|version>',
  'environment.versions.<node|openssl|undici|electron|chrome|apiDoctor|python|curl>',
  'tool.version',
  'environment.os.<platform|release|arch>',
  'environment.variableNames',
  'timings.<dnsMs|connectMs|tlsMs|ttfbMs|downloadMs|totalMs>',
  'target.<url|method|provider>',
  'environment.locale.timeZone',
] as const;
