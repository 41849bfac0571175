import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { ev, evCount, type CodeText } from './types.js';

const CERT = { host: 'api.example.com', address: '203.0.113.7', viaProxy: false, subject: 'api.example.com', issuer: 'R11, Let\'s Encrypt', validFrom: '2026-08-01T00:00:00.000Z', validTo: '2026-10-30T00:00:00.000Z', localClock: '2026-11-23T20:00:00.000Z' };
const HS = { host: 'api.example.com', address: '203.0.113.7', viaProxy: false, handshakeMs: 10000 };

const icpt = (e: Evidence, zh: boolean): string =>
  e.interceptor ? (zh ? `签发者看起来是 ${ev(e, 'interceptor')} 的 TLS 解密（中间人检查）证书：你的网络正在拦截 HTTPS 流量。` : `The issuer looks like ${ev(e, 'interceptor')}'s TLS inspection CA: your network is intercepting HTTPS.`) : '';

/** The CA file a certificate verdict was reached with, named so the reader knows what "trusted" meant. */
const caNote = (e: Evidence, zh: boolean): string => (e.caFile ? (zh ? `校验时使用了 CA 文件 ${ev(e, 'caFile')}。` : ` Verified with the CA file ${ev(e, 'caFile')}.`) : '');
/** The trust store a finding was judged with: a client's own (--client, default curl), else Node's bundle. */
const storeOf = (e: Evidence, zh: boolean): string => {
  if (!e.client) return zh ? 'Node 内置列表' : "Node's bundle";
  const store = String(e.store ?? '').replace(/\bos\b/, zh ? '系统信任库' : 'the OS trust store');
  return zh ? `${ev(e, 'client')} 的信任库：${store}` : `${ev(e, 'client')}'s store: ${store}`;
};
const nodeSaid = (e: Evidence, zh: boolean): string => (e.authorizationError ? (zh ? `Node 报告 ${ev(e, 'authorizationError')}；` : `Node reports ${ev(e, 'authorizationError')}; `) : '');
const judgedFor = (e: Evidence, zh: boolean): string =>
  e.judgedFor ? (zh ? `本次按 ${ev(e, 'judgedFor')} 判断，它信任该证书；用 --client node 可按 Node 诊断。` : ` This run is judged as ${ev(e, 'judgedFor')}, which trusts it; --client node diagnoses as Node.`) : '';

const CA_FIXES_EN = [
  'Get the CA certificate (PEM) from IT, then for Node programs: export NODE_EXTRA_CA_CERTS=/path/to/ca.pem (read at start-up).',
  "Or pass it to your SDK: Python requests/httpx REQUESTS_CA_BUNDLE / SSL_CERT_FILE; OpenAI Python SDK http_client=httpx.Client(verify='ca.pem'); curl --cacert ca.pem.",
  'Check it here first: api-doctor diagnose URL --ca-file ca.pem.',
];
const CA_FIXES_ZH = [
  '向 IT 部门索取该 CA 证书（PEM），对 Node 程序设置：export NODE_EXTRA_CA_CERTS=/path/to/ca.pem（启动时读取）。',
  "或传给你的 SDK：Python requests/httpx 使用 REQUESTS_CA_BUNDLE / SSL_CERT_FILE；OpenAI Python SDK 使用 http_client=httpx.Client(verify='ca.pem')；curl 使用 --cacert ca.pem。",
  '先在这里验证：api-doctor diagnose URL --ca-file ca.pem。',
];

/** Title, detail and fixes of every tls code, in English and Simplified Chinese. */
export const tlsTexts: Record<CodesOfStage<'tls'>, CodeText> = {
  TLS_CERT_EXPIRED: {
    example: { ...CERT, daysAgo: 24, caFile: '/home/dev/certs/corp-ca.pem' },
    en: (e) => ({
      title: `The server's certificate expired ${evCount(e, 'daysAgo', 'day')} ago`,
      detail: `The certificate for ${ev(e, 'subject')} (issued by ${ev(e, 'issuer')}) was valid until ${ev(e, 'validTo')}; the local clock says ${ev(e, 'localClock')}.${caNote(e, false)}`,
      fixes: ['If you run the server: renew the certificate and reload the server (check why automatic renewal, e.g. certbot/ACME, stopped).', 'If not: tell the provider; do not disable certificate checks to work around it.', 'If the local clock is wrong (far in the future), fix the clock instead.'],
    }),
    'zh-CN': (e) => ({
      title: `服务器证书已过期 ${ev(e, 'daysAgo')} 天`,
      detail: `${ev(e, 'subject')} 的证书（签发者 ${ev(e, 'issuer')}）有效期至 ${ev(e, 'validTo')}；本机时钟为 ${ev(e, 'localClock')}。${caNote(e, true)}`,
      fixes: ['如果服务器由你维护：续期证书并重新加载服务（检查 certbot/ACME 等自动续期为何停止）。', '否则请通知服务商；不要为绕过问题而关闭证书校验。', '如果本机时钟错误（快了很多），请改正时钟。'],
    }),
  },
  TLS_CERT_NOT_YET_VALID: {
    example: { ...CERT, validFrom: '2026-12-01T00:00:00.000Z', validTo: '2027-03-01T00:00:00.000Z', daysAhead: 8 },
    en: (e) => ({
      title: 'The certificate is not valid yet: check this machine\'s clock',
      detail: `The certificate for ${ev(e, 'subject')} is valid from ${ev(e, 'validFrom')}, but the local clock says ${ev(e, 'localClock')} (${evCount(e, 'daysAhead', 'day')} earlier). Usually the local clock is wrong.${caNote(e, false)}`,
      fixes: ['Set the clock right and enable automatic time sync (Windows: Settings → Time; macOS: Date & Time; Linux: timedatectl set-ntp true).', 'If the clock is right, the server installed a certificate too early: tell its operator.'],
    }),
    'zh-CN': (e) => ({
      title: '证书尚未生效：请检查本机时钟',
      detail: `${ev(e, 'subject')} 的证书自 ${ev(e, 'validFrom')} 起生效，但本机时钟为 ${ev(e, 'localClock')}（早了 ${ev(e, 'daysAhead')} 天）。通常是本机时钟错误。${caNote(e, true)}`,
      fixes: ['校正时钟并开启自动时间同步（Windows：设置 → 时间；macOS：日期与时间；Linux：timedatectl set-ntp true）。', '如果时钟正确，说明服务器过早安装了证书：请通知其运维人员。'],
    }),
  },
  TLS_CERT_EXPIRING_SOON: {
    example: { ...CERT, validTo: '2026-11-28T00:00:00.000Z', daysLeft: 4 },
    en: (e) => ({
      title: `The certificate expires in ${evCount(e, 'daysLeft', 'day')}`,
      detail: `The certificate for ${ev(e, 'subject')} (issued by ${ev(e, 'issuer')}) is valid until ${ev(e, 'validTo')}. Calls will start failing then.${caNote(e, false)}`,
      fixes: ['If you run the server: renew now and check the automatic renewal job.', 'If not: warn the provider before it expires.'],
    }),
    'zh-CN': (e) => ({
      title: `证书将在 ${ev(e, 'daysLeft')} 天后过期`,
      detail: `${ev(e, 'subject')} 的证书（签发者 ${ev(e, 'issuer')}）有效期至 ${ev(e, 'validTo')}，届时调用将开始失败。${caNote(e, true)}`,
      fixes: ['如果服务器由你维护：立即续期，并检查自动续期任务。', '否则请在过期前提醒服务商。'],
    }),
  },
  TLS_HOSTNAME_MISMATCH: {
    example: { host: 'api.example.com', address: '203.0.113.7', viaProxy: false, covers: ['*.cdn.example.net', 'cdn.example.net'], subject: '*.cdn.example.net', error: "Hostname/IP does not match certificate's altnames" },
    en: (e) => ({
      title: `The certificate does not cover ${ev(e, 'host')}`,
      detail: `The server presented a certificate for: ${ev(e, 'covers')}. The name in the URL is not among them.${caNote(e, false)}`,
      fixes: ['Use the host name the provider documents (e.g. the region- or account-specific host, not an IP address or alias).', 'If you connect through a custom domain or load balancer, install a certificate for that name there.', 'With --resolve or a hosts-file pin, check the pin points at the right server.'],
    }),
    'zh-CN': (e) => ({
      title: `证书不包含 ${ev(e, 'host')}`,
      detail: `服务器出示的证书适用于：${ev(e, 'covers')}。URL 中的主机名不在其中。${caNote(e, true)}`,
      fixes: ['使用服务商文档中的主机名（例如区域或账户专属的主机名，而不是 IP 地址或别名）。', '如果通过自定义域名或负载均衡器访问，请在那里安装该域名的证书。', '如果使用了 --resolve 或 hosts 文件固定地址，请确认指向了正确的服务器。'],
    }),
  },
  TLS_UNTRUSTED_CERT: {
    example: { host: 'api.openai.com', address: '162.159.140.245', viaProxy: false, subject: 'api.openai.com', issuer: 'Zscaler Root CA, Zscaler Inc.', selfSigned: false, chain: ['api.openai.com', 'Zscaler Intermediate Root CA'], interceptor: 'Zscaler', authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', caFile: null },
    en: (e) => ({
      title: e.selfSigned ? 'The server uses a self-signed certificate' : `The certificate's issuer (${ev(e, 'issuer')}) is not trusted`,
      detail: `${icpt(e, false)} Chain: ${ev(e, 'chain')}. ${nodeSaid(e, false) ? `${nodeSaid(e, false)}no` : 'No'} trusted root (${storeOf(e, false)}${e.caFile ? ` or the CA file ${ev(e, 'caFile')}` : ''}) vouches for it.`.trim(),
      fixes: e.interceptor
        ? ['Ask IT for the inspection CA certificate and trust it in your program (below), or ask them to exempt this API host from TLS inspection.', ...CA_FIXES_EN]
        : ['If this is your own or a private server, give its CA to your client (below). Never turn off verification (NODE_TLS_REJECT_UNAUTHORIZED=0).', ...CA_FIXES_EN],
    }),
    'zh-CN': (e) => ({
      title: e.selfSigned ? '服务器使用自签名证书' : `证书签发者（${ev(e, 'issuer')}）不受信任`,
      detail: `${icpt(e, true)}证书链：${ev(e, 'chain')}。${nodeSaid(e, true)}没有受信任的根证书（${storeOf(e, true)}${e.caFile ? `或 CA 文件 ${ev(e, 'caFile')}` : ''}）为其担保。`,
      fixes: e.interceptor
        ? ['向 IT 部门索取 TLS 检查 CA 证书并在程序中信任它（见下），或请他们对该 API 主机免除 TLS 检查。', ...CA_FIXES_ZH]
        : ['如果是自建或内网服务器，请把其 CA 提供给客户端（见下）。切勿关闭校验（NODE_TLS_REJECT_UNAUTHORIZED=0）。', ...CA_FIXES_ZH],
    }),
  },
  TLS_OS_TRUST_ONLY: {
    example: { host: 'api.openai.com', address: '162.159.140.245', viaProxy: false, issuer: 'Example Corp Internal Root CA', chain: ['api.openai.com', 'Example Corp Issuing CA'], osStore: '/etc/ssl/certs/ca-certificates.crt', interceptor: null },
    en: (e) => ({
      // With --client, evidence names the client and its store (a Python client on certifi, say).
      title: `Trusted by the operating system, but not by ${e.client ? ev(e, 'client') : 'Node.js'}`,
      detail: `The chain (${ev(e, 'chain')}) leads to ${ev(e, 'issuer')}, which the OS trust store (${ev(e, 'osStore')}) has but ${e.store ? ev(e, 'store') : "Node's bundled roots"} do${e.store ? 'es' : ''} not. Browsers and curl work; ${e.client ? ev(e, 'client') : 'Node SDKs'} fail${e.client ? 's' : ''}.${judgedFor(e, false)} ${icpt(e, false)}${caNote(e, false)}`.trim(),
      fixes: [
        'Export that CA from the OS store (or get it from IT) as PEM, then: export NODE_EXTRA_CA_CERTS=/path/to/corp-ca.pem before starting the program.',
        'Node ≥ 22.15 / 23.8: start with --use-system-ca (or NODE_OPTIONS=--use-system-ca) to use the OS store directly.',
        "Or pass the CA to your SDK's option (ca / httpAgent with ca, Python verify='corp-ca.pem').",
      ],
    }),
    'zh-CN': (e) => ({
      title: `操作系统信任该证书，但 ${e.client ? ev(e, 'client') : 'Node.js'} 不信任`,
      detail: `证书链（${ev(e, 'chain')}）指向 ${ev(e, 'issuer')}：操作系统信任库（${ev(e, 'osStore')}）中有它，而${e.store ? ` ${ev(e, 'store')} ` : ' Node 内置根证书'}中没有。浏览器和 curl 正常，${e.client ? ev(e, 'client') : 'Node SDK'} 会失败。${judgedFor(e, true)}${icpt(e, true)}${caNote(e, true)}`,
      fixes: [
        '从系统信任库导出该 CA（或向 IT 索取）为 PEM，然后在启动程序前设置：export NODE_EXTRA_CA_CERTS=/path/to/corp-ca.pem。',
        'Node ≥ 22.15 / 23.8：使用 --use-system-ca 启动（或 NODE_OPTIONS=--use-system-ca）直接使用系统信任库。',
        "或通过 SDK 的选项传入该 CA（ca / 带 ca 的 httpAgent，Python 使用 verify='corp-ca.pem'）。",
      ],
    }),
  },
  TLS_INCOMPLETE_CHAIN: {
    example: { host: 'api.example.com', address: '203.0.113.7', viaProxy: false, subject: 'api.example.com', missingIssuer: 'R11, Let\'s Encrypt', sent: 1, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    en: (e) => ({
      title: 'The server does not send its intermediate certificate',
      detail: `The server sent only its own certificate (${ev(e, 'subject')}); its issuer ${ev(e, 'missingIssuer')} is missing. Browsers often fetch it themselves, so the site works there, but Node, Python and curl fail (${ev(e, 'authorizationError')}).${caNote(e, false)}`,
      fixes: ['If you run the server: configure the full chain (e.g. nginx ssl_certificate fullchain.pem, not cert.pem), then check with `openssl s_client -showcerts`.', 'If not: tell the provider; as a stopgap add the intermediate to NODE_EXTRA_CA_CERTS, and check it here: api-doctor diagnose URL --ca-file intermediate.pem.'],
    }),
    'zh-CN': (e) => ({
      title: '服务器没有发送中间证书',
      detail: `服务器只发送了自己的证书（${ev(e, 'subject')}），缺少其签发者 ${ev(e, 'missingIssuer')}。浏览器通常会自行补全，因此浏览器访问正常，但 Node、Python 和 curl 会失败（${ev(e, 'authorizationError')}）。${caNote(e, true)}`,
      fixes: ['如果服务器由你维护：配置完整证书链（例如 nginx 的 ssl_certificate 使用 fullchain.pem 而非 cert.pem），再用 `openssl s_client -showcerts` 检查。', '否则请通知服务商；临时办法是把中间证书加入 NODE_EXTRA_CA_CERTS，并在这里验证：api-doctor diagnose URL --ca-file intermediate.pem。'],
    }),
  },
  TLS_HANDSHAKE_TIMEOUT: {
    example: { ...HS, errno: 'ETIMEDOUT', error: 'budget of 10000 ms spent' },
    en: (e) => ({
      title: 'The TLS handshake never completed',
      detail: `TCP connected to ${ev(e, 'address')}, but the server did not answer the TLS ClientHello within ${ev(e, 'handshakeMs')} ms. A filter that drops TLS to this name (SNI), or a service that is not TLS and waits silently.`,
      fixes: ['Check the port: is TLS served on it (https:// vs http://)?', 'Try from another network: deep packet inspection on this network may block this host name.', 'If behind a company network, try through its proxy (HTTPS_PROXY).'],
    }),
    'zh-CN': (e) => ({
      title: 'TLS 握手始终没有完成',
      detail: `TCP 已连接到 ${ev(e, 'address')}，但服务器在 ${ev(e, 'handshakeMs')} 毫秒内没有回应 TLS ClientHello。可能是有过滤设备按名称（SNI）丢弃了 TLS，或该服务不是 TLS 且在静默等待。`,
      fixes: ['检查端口：该端口是否提供 TLS（https:// 还是 http://）？', '换一个网络测试：本网络的深度包检测可能封锁了该主机名。', '如果在公司网络中，尝试通过其代理访问（HTTPS_PROXY）。'],
    }),
  },
  TLS_NOT_TLS: {
    example: { ...HS, handshakeMs: 2, errno: 'ERR_SSL_WRONG_VERSION_NUMBER', error: 'wrong version number', firstBytes: 'HTTP/1.1 400 Bad Request' },
    en: (e) => ({
      title: 'The port does not speak TLS',
      detail: `An https:// URL was given, but the server answered something else${e.firstBytes ? `: "${ev(e, 'firstBytes')}"` : ''} (${ev(e, 'errno')}). It is most likely a plain HTTP port.`,
      fixes: ['Use http:// for this port, or the port the service uses for HTTPS (usually 443).', 'If a proxy is configured for this URL, check it is an HTTP(S) proxy and not something else.'],
    }),
    'zh-CN': (e) => ({
      title: '该端口不是 TLS 端口',
      detail: `URL 使用了 https://，但服务器的回应不是 TLS${e.firstBytes ? `：“${ev(e, 'firstBytes')}”` : ''}（${ev(e, 'errno')}）。很可能是普通 HTTP 端口。`,
      fixes: ['对该端口使用 http://，或改用服务的 HTTPS 端口（通常是 443）。', '如果该 URL 配置了代理，请确认它是 HTTP(S) 代理。'],
    }),
  },
  TLS_PROTOCOL_ERROR: {
    example: { ...HS, handshakeMs: 3, errno: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', error: 'sslv3 alert handshake failure' },
    en: (e) => ({
      title: 'The TLS handshake failed',
      detail: `The server ended the handshake with an error (${ev(e, 'errno')}: ${ev(e, 'error')}): no TLS version or cipher in common, a server that needs a client certificate, or a filter that cuts TLS.`,
      fixes: ['Check the server supports TLS 1.2 or 1.3 (`openssl s_client -connect host:443 -tls1_2`). Very old servers (TLS 1.0/1.1) must be upgraded.', 'If the service requires a client certificate (mutual TLS), configure it in your client.', 'Try from another network to rule out a filter.'],
    }),
    'zh-CN': (e) => ({
      title: 'TLS 握手失败',
      detail: `服务器以错误结束了握手（${ev(e, 'errno')}：${ev(e, 'error')}）：没有共同支持的 TLS 版本或加密套件、服务器要求客户端证书，或有过滤设备中断了 TLS。`,
      fixes: ['确认服务器支持 TLS 1.2 或 1.3（`openssl s_client -connect host:443 -tls1_2`）。过旧的服务器（TLS 1.0/1.1）需要升级。', '如果服务要求客户端证书（双向 TLS），请在客户端中配置。', '换一个网络测试，排除过滤设备的影响。'],
    }),
  },
  TLS_CLIENT_CERT_REQUIRED: {
    example: { ...HS, handshakeMs: 4, errno: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', error: 'tlsv13 alert certificate required', url: 'https://api.internal.example/v1/models' },
    en: (e) => ({
      title: 'The server requires a client certificate (mutual TLS)',
      detail:
        e.source === 'answer'
          ? `${ev(e, 'url')} answered ${ev(e, 'status')} "${ev(e, 'gatewayMessage')}"${e.gateway ? ` (${ev(e, 'gateway')})` : ''}: the gateway asked for a client certificate during the handshake and none was sent. This is mutual TLS, not a problem with the request body.`
          : `The server ended the connection with ${ev(e, 'errno')}: it asked for a client certificate during the handshake and none was sent.${e.errno && /TLSV13/i.test(String(e.errno)) ? ' In TLS 1.3 this alert arrives only after the client thinks the handshake is done, so many clients report it as an empty reply or a reset.' : ''}`,
      fixes: [
        'Get the client certificate and key issued for this service and give them to your client (curl --cert client.pem --key client.key; Node https.Agent({ cert, key }); Python requests cert=(cert, key)).',
        'If you have one, check it is sent to this host name and not expired, and that its issuer is one the server accepts.',
        'If you did not expect mutual TLS, you may be calling an internal endpoint: check the URL with the service owner.',
      ],
    }),
    'zh-CN': (e) => ({
      title: '服务器要求客户端证书（双向 TLS）',
      detail:
        e.source === 'answer'
          ? `${ev(e, 'url')} 返回 ${ev(e, 'status')}“${ev(e, 'gatewayMessage')}”${e.gateway ? `（${ev(e, 'gateway')}）` : ''}：网关在握手时要求客户端证书，但没有发送。这是双向 TLS，而不是请求体的问题。`
          : `服务器以 ${ev(e, 'errno')} 结束了连接：它在握手时要求客户端证书，但没有发送。${e.errno && /TLSV13/i.test(String(e.errno)) ? '在 TLS 1.3 中该告警在客户端认为握手已完成之后才到达，因此很多客户端把它报告为空响应或连接重置。' : ''}`,
      fixes: [
        '获取为该服务签发的客户端证书和私钥，并在客户端中配置（curl --cert client.pem --key client.key；Node https.Agent({ cert, key })；Python requests cert=(cert, key)）。',
        '如果已有证书，请确认它发往的是这个主机名、未过期，且签发者是服务器接受的。',
        '如果没想到需要双向 TLS，你调用的可能是内部接口：请向服务负责人确认 URL。',
      ],
    }),
  },
};
