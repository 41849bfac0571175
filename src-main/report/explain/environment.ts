import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';

interface IssueView {
  variable?: unknown;
  problem?: unknown;
  suggestion?: unknown;
  path?: unknown;
  fingerprint?: unknown;
}

const issuesOf = (e: Evidence): IssueView[] => (Array.isArray(e.issues) ? (e.issues as IssueView[]) : [{ variable: e.variable, problem: e.problem, suggestion: e.suggestion }]);
const str = (v: unknown) => (v === undefined || v === null ? '?' : String(v));

/** One suspect variable in a sentence. Never a value: a key shows as its fingerprint. */
function issueEn(i: IssueView): string {
  const v = str(i.variable);
  switch (i.problem) {
    case 'misspelled': return `${v} looks like a misspelling of ${str(i.suggestion)}, which no client will read under this name`;
    case 'wrong-case': return `${v} has the wrong letter case: clients read ${str(i.suggestion)}`;
    case 'empty': return `${v} is set but empty (some clients then ignore it, others treat it as "none")`;
    case 'legacy': return `${v} is an old name no current SDK reads: use ${str(i.suggestion)}`;
    case 'ca-missing': return `${v} names ${str(i.path)}, which does not exist or cannot be read`;
    case 'ca-no-certificate': return `${v} names ${str(i.path)}, which holds no PEM certificate`;
    case 'ca-dir-missing': return `${v} names the directory ${str(i.path)}, which does not exist`;
    case 'key-whitespace': return `${v} (${str(i.fingerprint)}) contains whitespace or a line break: the provider will reject the key`;
    case 'key-quoted': return `${v} (${str(i.fingerprint)}) is wrapped in quotes that became part of the key`;
    case 'proxy-quoted': return `${v} contains quotes or spaces, so it is not a proxy URL`;
    case 'anthropic-both': return 'ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are both set: the SDK sends both x-api-key and Authorization, and a gateway may check the wrong one';
    case 'anthropic-key-for-compatible-endpoint': return 'ANTHROPIC_BASE_URL points at a non-Anthropic endpoint, which usually expects ANTHROPIC_AUTH_TOKEN (Bearer) rather than ANTHROPIC_API_KEY';
    default: return `${v}: ${str(i.problem)}`;
  }
}

function issueZh(i: IssueView): string {
  const v = str(i.variable);
  switch (i.problem) {
    case 'misspelled': return `${v} 疑似 ${str(i.suggestion)} 的拼写错误，任何客户端都不会读取这个名称`;
    case 'wrong-case': return `${v} 大小写不对：客户端读取的是 ${str(i.suggestion)}`;
    case 'empty': return `${v} 已设置但为空（有的客户端会忽略，有的会当作"不使用"）`;
    case 'legacy': return `${v} 是旧名称，当前 SDK 已不再读取：请改用 ${str(i.suggestion)}`;
    case 'ca-missing': return `${v} 指向的 ${str(i.path)} 不存在或无法读取`;
    case 'ca-no-certificate': return `${v} 指向的 ${str(i.path)} 中没有 PEM 证书`;
    case 'ca-dir-missing': return `${v} 指向的目录 ${str(i.path)} 不存在`;
    case 'key-whitespace': return `${v}（${str(i.fingerprint)}）含有空白或换行：服务商会拒绝该密钥`;
    case 'key-quoted': return `${v}（${str(i.fingerprint)}）外面的引号成了密钥的一部分`;
    case 'proxy-quoted': return `${v} 含有引号或空格，不是有效的代理 URL`;
    case 'anthropic-both': return '同时设置了 ANTHROPIC_API_KEY 和 ANTHROPIC_AUTH_TOKEN：SDK 会同时发送 x-api-key 和 Authorization，网关可能检查错的那个';
    case 'anthropic-key-for-compatible-endpoint': return 'ANTHROPIC_BASE_URL 指向非 Anthropic 的兼容端点，这类端点通常要求 ANTHROPIC_AUTH_TOKEN（Bearer），而不是 ANTHROPIC_API_KEY';
    default: return `${v}：${str(i.problem)}`;
  }
}

const sourcesOf = (e: Evidence): string => (Array.isArray(e.sources) ? e.sources.map(String).join(', ') : ev(e, 'source'));

/** Title, detail and fixes of every environment code, in English and Simplified Chinese. */
export const environmentTexts: Record<CodesOfStage<'environment'>, CodeText> = {
  ENV_NO_NETWORK: {
    example: { interfaces: [], os: 'Linux 6.8.0', host: 'api.openai.com' },
    en: (e) => ({
      title: 'This machine is not connected to any network',
      detail: `No network interface has a usable address (only loopback), so ${ev(e, 'host')} cannot be reached from here. Operating system: ${ev(e, 'os')}.`,
      fixes: ['Connect to Wi-Fi or plug in the network cable, then run the diagnosis again.', 'If you use a VPN, make sure it is connected (some VPNs disable other interfaces while reconnecting).', 'On a server or container, check that it was started with networking (e.g. not `docker run --network none`).'],
    }),
    'zh-CN': (e) => ({
      title: '本机未连接任何网络',
      detail: `没有任何网络接口拥有可用地址（只有回环接口），因此无法从本机访问 ${ev(e, 'host')}。操作系统：${ev(e, 'os')}。`,
      fixes: ['连接 Wi-Fi 或插上网线，然后重新诊断。', '如果使用 VPN，请确认 VPN 已连接（部分 VPN 在重连时会禁用其他网络接口）。', '在服务器或容器中，请确认启动时开启了网络（例如不要使用 `docker run --network none`）。'],
    }),
  },
  ENV_CLOCK_SKEW: {
    example: { skewSeconds: -312, serverDate: 'Mon, 23 Nov 2026 20:05:12 GMT', localDate: '2026-11-23T20:00:00.000Z' },
    en: (e) => ({
      title: "The local clock is off by more than a minute",
      detail: `This machine's clock differs from the server's Date header by ${ev(e, 'skewSeconds')} s (server: ${ev(e, 'serverDate')}, here: ${ev(e, 'localDate')}). Signed requests, OAuth tokens and certificate checks can fail because of it.`,
      fixes: ['Turn on automatic time synchronisation (Windows: Settings → Time → Set time automatically; macOS: Date & Time → Set automatically; Linux: `timedatectl set-ntp true`).', 'In a VM or container, sync the host clock; containers use the host\'s time.'],
    }),
    'zh-CN': (e) => ({
      title: '本机时钟偏差超过一分钟',
      detail: `本机时钟与服务器 Date 响应头相差 ${ev(e, 'skewSeconds')} 秒（服务器：${ev(e, 'serverDate')}，本机：${ev(e, 'localDate')}）。这会导致签名请求、OAuth 令牌和证书校验失败。`,
      fixes: ['开启自动时间同步（Windows：设置 → 时间 → 自动设置时间；macOS：日期与时间 → 自动设置；Linux：`timedatectl set-ntp true`）。', '在虚拟机或容器中，请同步宿主机时钟；容器使用宿主机的时间。'],
    }),
  },
  ENV_TLS_VERIFY_DISABLED: {
    example: { source: 'NODE_TLS_REJECT_UNAUTHORIZED=0', sources: ['NODE_TLS_REJECT_UNAUTHORIZED=0', 'curl -k'], doctorVerifies: true },
    en: (e) => ({
      title: `Certificate checks are switched off (${ev(e, 'source')})`,
      detail: `${sourcesOf(e)}: calls made this way accept any certificate, so they "work" even through an interceptor that can read the API key. This diagnosis verified certificates anyway, so its TLS results show what a verifying client meets.`,
      fixes: [
        'Remove the switch (unset NODE_TLS_REJECT_UNAUTHORIZED / PYTHONHTTPSVERIFY, drop -k from the curl command).',
        'If a corporate proxy re-signs TLS, trust its root instead: NODE_EXTRA_CA_CERTS=/path/corp-root.pem for Node, REQUESTS_CA_BUNDLE or SSL_CERT_FILE for Python, --cacert for curl.',
        'If the server\'s own certificate is wrong (expired, wrong name), fix the server; see the TLS findings.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `证书校验已被关闭（${ev(e, 'source')}）`,
      detail: `${sourcesOf(e)}：这样发出的调用会接受任何证书，即使经过能读取 API 密钥的中间人也"能用"。本诊断仍然校验了证书，因此 TLS 阶段的结果就是会校验证书的客户端看到的结果。`,
      fixes: ['去掉该开关（取消 NODE_TLS_REJECT_UNAUTHORIZED / PYTHONHTTPSVERIFY，去掉 curl 命令中的 -k）。', '如果公司代理会重新签发 TLS 证书，请改为信任它的根证书：Node 用 NODE_EXTRA_CA_CERTS=/path/corp-root.pem，Python 用 REQUESTS_CA_BUNDLE 或 SSL_CERT_FILE，curl 用 --cacert。', '如果是服务器自身的证书有问题（过期、名称不符），请修复服务器；参见 TLS 阶段的结论。'],
    }),
  },
  ENV_CONFIG_SUSPECT: {
    example: {
      variable: 'HTTPS_PORXY',
      problem: 'misspelled',
      suggestion: 'HTTPS_PROXY',
      issues: [
        { variable: 'HTTPS_PORXY', problem: 'misspelled', suggestion: 'HTTPS_PROXY' },
        { variable: 'OPENAI_API_BASE', problem: 'legacy', suggestion: 'OPENAI_BASE_URL' },
        { variable: 'OPENAI_API_KEY', problem: 'key-whitespace', fingerprint: 'sk-proj-…9f2c' },
      ],
    },
    en: (e) => ({
      title: `${ev(e, 'variable')} is set but will not do what you expect`,
      detail: `${issuesOf(e).map(issueEn).join('. ')}.`,
      fixes: [
        'Rename or fix the variables named above where they are set (shell profile, .env file, docker-compose.yml, CI settings), then open a new terminal.',
        'Keys: copy them again without quotes, spaces or line breaks (in a .env file, put no quotes around the value).',
        'CA variables must name a readable PEM file (-----BEGIN CERTIFICATE-----); convert a DER file with: openssl x509 -inform der -in root.cer -out root.pem',
      ],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'variable')} 已设置，但不会按你的预期生效`,
      detail: `${issuesOf(e).map(issueZh).join('；')}。`,
      fixes: ['在设置这些变量的地方（shell 配置文件、.env 文件、docker-compose.yml、CI 设置）改正上面列出的变量，然后打开新的终端。', '密钥：重新复制，不要带引号、空格或换行（.env 文件中的值两边不要加引号）。', 'CA 变量必须指向可读的 PEM 文件（-----BEGIN CERTIFICATE-----）；DER 文件可用以下命令转换：openssl x509 -inform der -in root.cer -out root.pem'],
    }),
  },
};
