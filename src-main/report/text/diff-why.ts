import type { Lang } from '../../common/report.js';

/** Why a difference between two runs matters, per kind of difference (text/diff.ts ranks them). */
const W = (en: string, zh: string): Record<Lang, string> => ({ en, 'zh-CN': zh });

export const WHY = {
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
