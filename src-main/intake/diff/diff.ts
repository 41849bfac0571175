import type { Finding, JsonValue, Lang, Report } from '../../common/report.js';
import { STAGES } from '../../common/stages.js';

/**
 * Two bundles side by side: what differs between "works there" and "fails here", most telling
 * first. Pure: the bundles are read (through the safe reader) by the caller.
 */

export interface BundleView {
  report: Report;
  /** environment.json, as written by any version (read defensively: fields may be missing). */
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

const W = (en: string, zh: string): Record<Lang, string> => ({ en, 'zh-CN': zh });

const WHY = {
  verdict: W('One side works and the other fails: the rows below say what else differs.', '一边正常一边失败：下面各行说明还有哪些不同。'),
  rootCause: W('The first failing layer differs: start there.', '最先失败的层不同：从这里开始查。'),
  finding: W('A finding present on one side only names a problem the other side does not have.', '只在一侧出现的发现，说明了另一侧没有的问题。'),
  proxyStage: W('A different proxy (or none) is the most common reason one machine reaches an API and another does not.', '使用不同的代理（或不用代理）是一台机器能访问 API 而另一台不能的最常见原因。'),
  proxyEffective: W('The proxy a curl-like client would use differs, and so does where it came from.', '类 curl 客户端会使用的代理及其来源不同。'),
  proxyVars: W('Proxy variables differ: clients that read them take another path.', '代理环境变量不同：读取它们的客户端会走不同的路径。'),
  noProxy: W('NO_PROXY differs: some hosts go direct on one side only.', 'NO_PROXY 不同：某些主机只在一侧直连。'),
  dnsStage: W('The name resolves to different addresses: a poisoned, filtered or split-horizon resolver on one side.', '名称解析到不同的地址：一侧的解析器被污染、过滤或分区解析。'),
  resolvers: W('Different DNS servers are asked.', '询问的 DNS 服务器不同。'),
  tcpStage: W('The connection goes to different addresses or fails differently.', '连接到不同的地址，或失败方式不同。'),
  serverIp: W('The calls reached different server addresses.', '调用到达了不同的服务器地址。'),
  tlsStage: W('A different certificate chain or issuer: one side is behind TLS interception.', '证书链或签发者不同：一侧处于 TLS 拦截之后。'),
  caVars: W('Extra CA variables change which certificates a client trusts.', '额外的 CA 变量会改变客户端信任哪些证书。'),
  caStore: W('The trust stores differ in size: one side may lack (or add) a CA.', '信任库大小不同：一侧可能缺少（或额外添加了）某个 CA。'),
  useSystemCa: W('Node trusts the OS store on one side only (--use-system-ca).', '只有一侧的 Node 信任操作系统证书库（--use-system-ca）。'),
  stage: W('This stage ends differently.', '该阶段的结果不同。'),
  clients: W('A client behaves differently (proxy use, trust store, outcome).', '某个客户端的行为不同（是否用代理、信任库、结果）。'),
  versions: W('Different runtime or tool versions: defaults (proxy support, CA bundle, timeouts) change between versions.', '运行时或工具版本不同：不同版本的默认行为（代理支持、CA 包、超时）会变化。'),
  os: W('A different operating system: proxy and trust settings live in different places.', '操作系统不同：代理和信任设置存放在不同位置。'),
  envNames: W('Environment variables set on one side only (names only; values are not compared).', '只在一侧设置的环境变量（只比较名称，不比较值）。'),
  timing: W('A phase takes much longer on one side.', '某个阶段在一侧耗时长得多。'),
  target: W('The two bundles diagnosed different calls: compare like with like.', '两个包诊断的是不同的调用：请比较相同的调用。'),
  locale: W('A different time zone or language: rarely the cause, worth knowing.', '时区或语言不同：很少是原因，但值得知道。'),
};

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
  const add = (path: string, va: unknown, vb: unknown, rank: number, why: Record<Lang, string>) => {
    if (!same(va, vb)) out.push({ path, a: json(va), b: json(vb), rank, why });
  };
  const ra = a.report;
  const rb = b.report;

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
  if (onlyA.length > 0 || onlyB.length > 0) out.push({ path: 'environment.variableNames', a: onlyA, b: onlyB, rank: 12, why: WHY.envNames });

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
