import type { CodesOfStage } from '../../common/codes.js';
import { ev, type CodeText } from './types.js';

const QUERIES = [
  { resolver: 'system (10.0.0.53)', type: 'A', addresses: [], ms: 12.4, error: 'ENOTFOUND' },
  { resolver: 'system (10.0.0.53)', type: 'AAAA', addresses: [], ms: 11.9, error: 'ENOTFOUND' },
];

const ranges = (e: Parameters<typeof ev>[0]): string =>
  Array.isArray(e.ranges) ? e.ranges.map((r) => (r && typeof r === 'object' && 'address' in r ? `${String(r.address)} ∈ ${String(r.cidr)} (${String(r.owner)})` : String(r))).join('; ') : ev(e, 'addresses');

/** Title, detail and fixes of every dns code, in English and Simplified Chinese. */
export const dnsTexts: Record<CodesOfStage<'dns'>, CodeText> = {
  DNS_NXDOMAIN: {
    example: { host: 'api.opnai.com', resolvers: ['system (10.0.0.53)'], queries: QUERIES },
    en: (e) => ({
      title: `The name ${ev(e, 'host')} does not exist`,
      detail: `The resolver (${ev(e, 'resolvers')}) says there is no such name (NXDOMAIN).`,
      fixes: ['Check the host name in the URL for typos (compare with the provider\'s documentation).', 'If it is an internal name, connect to the VPN or network whose DNS knows it.', 'If a company resolver filters names, ask IT whether this domain is blocked.'],
    }),
    'zh-CN': (e) => ({
      title: `域名 ${ev(e, 'host')} 不存在`,
      detail: `解析器（${ev(e, 'resolvers')}）返回该名称不存在（NXDOMAIN）。`,
      fixes: ['检查 URL 中的主机名是否拼写错误（对照服务商文档）。', '如果是内网域名，请连接能解析它的 VPN 或网络。', '如果公司 DNS 会过滤域名，请向 IT 部门确认该域名是否被屏蔽。'],
    }),
  },
  DNS_NO_ADDRESS: {
    example: { host: 'api.example.com', resolvers: ['1.1.1.1:53'], queries: [{ resolver: '1.1.1.1:53', type: 'A', addresses: [], ms: 20, error: 'ENODATA' }] },
    en: (e) => ({
      title: `${ev(e, 'host')} exists but has no address`,
      detail: `The resolver (${ev(e, 'resolvers')}) knows the name but returned no A (IPv4) or AAAA (IPv6) record.`,
      fixes: ['Check that you use the API host itself (e.g. api.example.com), not a bare domain that only has mail or text records.', 'If you run the service, add the missing A/AAAA record (or CNAME) in its DNS zone.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 存在但没有地址`,
      detail: `解析器（${ev(e, 'resolvers')}）认识该名称，但没有返回 A（IPv4）或 AAAA（IPv6）记录。`,
      fixes: ['确认使用的是 API 主机本身（如 api.example.com），而不是只有邮件或文本记录的裸域名。', '如果服务由你维护，请在 DNS 区域中补上缺失的 A/AAAA（或 CNAME）记录。'],
    }),
  },
  DNS_SERVFAIL: {
    example: { host: 'api.example.com', resolvers: ['10.0.0.53:53'], queries: [{ resolver: '10.0.0.53:53', type: 'A', addresses: [], ms: 3, error: 'ESERVFAIL' }] },
    en: (e) => ({
      title: `The DNS resolver failed to answer for ${ev(e, 'host')}`,
      detail: `The resolver (${ev(e, 'resolvers')}) answered SERVFAIL or REFUSED: it is broken, misconfigured, or does not serve this machine.`,
      fixes: ['Try another resolver to compare: api-doctor diagnose URL --dns-server 1.1.1.1 (or your company\'s second resolver).', 'If REFUSED, the resolver does not accept queries from this network: check the DNS servers your DHCP or VPN gives you.', 'A DNSSEC validation failure also shows as SERVFAIL: tell the domain\'s owner.'],
    }),
    'zh-CN': (e) => ({
      title: `DNS 解析器无法解析 ${ev(e, 'host')}`,
      detail: `解析器（${ev(e, 'resolvers')}）返回 SERVFAIL 或 REFUSED：它出现故障、配置错误，或不为本机提供服务。`,
      fixes: ['换一个解析器对比：api-doctor diagnose URL --dns-server 223.5.5.5（或公司的备用解析器）。', '如果是 REFUSED，说明该解析器不接受来自本网络的查询：检查 DHCP 或 VPN 下发的 DNS 服务器。', 'DNSSEC 校验失败也会表现为 SERVFAIL：请告知该域名的所有者。'],
    }),
  },
  DNS_TIMEOUT: {
    example: { host: 'api.example.com', resolvers: ['system (10.0.0.53)'], queries: [{ resolver: 'system', type: 'A', addresses: [], ms: 10000, error: 'EAI_AGAIN' }] },
    en: (e) => ({
      title: `No DNS answer for ${ev(e, 'host')} in time`,
      detail: `The resolver (${ev(e, 'resolvers')}) did not answer within the budget. DNS (port 53) may be blocked, or the resolver is down.`,
      fixes: ['Check that the resolver in use is reachable (a VPN that changed DNS servers and then disconnected is a common cause).', 'Compare with another resolver: api-doctor diagnose URL --dns-server 1.1.1.1.', 'On a locked-down network, DNS may only work through the proxy: set HTTPS_PROXY so the proxy resolves names.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 的 DNS 查询超时`,
      detail: `解析器（${ev(e, 'resolvers')}）在时限内没有应答。DNS（53 端口）可能被封锁，或解析器已宕机。`,
      fixes: ['检查当前使用的解析器是否可达（常见原因：VPN 修改了 DNS 服务器后又断开）。', '用其他解析器对比：api-doctor diagnose URL --dns-server 223.5.5.5。', '在受限网络中，DNS 可能只能通过代理完成：设置 HTTPS_PROXY，让代理解析域名。'],
    }),
  },
  DNS_SINKHOLE: {
    example: { host: 'api.openai.com', addresses: ['0.0.0.0'], resolvers: ['system (192.168.1.1)'], viaHostsFile: false },
    en: (e) => ({
      title: `${ev(e, 'host')} resolves to ${ev(e, 'addresses')}: blocked`,
      detail: `A public name pointing at ${ev(e, 'addresses')} means a blocker (ad/tracker filter, Pi-hole, company DNS policy${e.viaHostsFile ? ', or your hosts file' : ''}) or a poisoned resolver is hiding the real address. Resolvers: ${ev(e, 'resolvers')}.`,
      fixes: ['Check DNS filtering (Pi-hole, AdGuard, NextDNS, router parental controls, security software) and allow this domain.', 'Look for the name in your hosts file and remove the line.', 'If another resolver answers differently, the local resolver is the cause; compare: api-doctor diagnose URL --reference-dns 1.1.1.1.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 被解析为 ${ev(e, 'addresses')}：已被拦截`,
      detail: `公网域名指向 ${ev(e, 'addresses')}，说明拦截工具（广告/跟踪过滤、Pi-hole、公司 DNS 策略${e.viaHostsFile ? '或 hosts 文件' : ''}）或被污染的解析器隐藏了真实地址。解析器：${ev(e, 'resolvers')}。`,
      fixes: ['检查 DNS 过滤（Pi-hole、AdGuard、NextDNS、路由器家长控制、安全软件）并放行该域名。', '在 hosts 文件中查找该域名并删除对应行。', '若其他解析器的结果不同，问题出在本地解析器；对比一下：api-doctor diagnose URL --reference-dns 223.5.5.5。'],
    }),
  },
  DNS_RESOLVERS_DISAGREE: {
    example: { host: 'api.example.com', system: ['10.1.2.3'], systemResolvers: ['system (10.0.0.53)'], reference: ['203.0.113.7'], referenceResolvers: ['1.1.1.1:53'] },
    en: (e) => ({
      title: `Resolvers disagree about ${ev(e, 'host')}`,
      detail: `${ev(e, 'systemResolvers')} says ${ev(e, 'system')}; the reference ${ev(e, 'referenceResolvers')} says ${ev(e, 'reference')}. No address in common: split-horizon DNS, a stale cache, geo-DNS, or tampering.`,
      fixes: ['If the service has an internal and a public address, make sure you use the network (VPN or not) the API is meant for.', 'Flush the DNS cache (Windows: ipconfig /flushdns; macOS: sudo dscacheutil -flushcache; Linux: resolvectl flush-caches) and retry.', 'If the local answer is wrong for a public API, report it to whoever runs your resolver.'],
    }),
    'zh-CN': (e) => ({
      title: `不同解析器对 ${ev(e, 'host')} 的结果不一致`,
      detail: `${ev(e, 'systemResolvers')} 返回 ${ev(e, 'system')}；参考解析器 ${ev(e, 'referenceResolvers')} 返回 ${ev(e, 'reference')}。两者没有共同地址：可能是内外网分离 DNS、缓存过期、地理 DNS 或被篡改。`,
      fixes: ['如果服务有内网和公网两个地址，请确认你所在的网络（是否接入 VPN）符合该 API 的要求。', '清除 DNS 缓存（Windows：ipconfig /flushdns；macOS：sudo dscacheutil -flushcache；Linux：resolvectl flush-caches）后重试。', '如果本地对公网 API 的解析结果错误，请报告给解析器的维护者。'],
    }),
  },
  DNS_HOSTS_OVERRIDE: {
    example: { host: 'api.example.com', file: '/etc/hosts', line: 12, addresses: ['10.0.0.9'] },
    en: (e) => ({
      title: `The hosts file pins ${ev(e, 'host')} to ${ev(e, 'addresses')}`,
      detail: `${ev(e, 'file')} line ${ev(e, 'line')} maps this name, so the system resolver never asks DNS for it.`,
      fixes: [`If the pin is left over from testing, delete line ${ev(e, 'line')} of ${ev(e, 'file')}.`, 'If it is deliberate, make sure the pinned address is still the right one.'],
    }),
    'zh-CN': (e) => ({
      title: `hosts 文件把 ${ev(e, 'host')} 固定为 ${ev(e, 'addresses')}`,
      detail: `${ev(e, 'file')} 第 ${ev(e, 'line')} 行映射了该名称，因此系统解析器不会向 DNS 查询它。`,
      fixes: [`如果这是测试遗留的配置，请删除 ${ev(e, 'file')} 的第 ${ev(e, 'line')} 行。`, '如果是有意为之，请确认固定的地址仍然正确。'],
    }),
  },
  DNS_FAKE_IP: {
    example: { host: 'api.openai.com', addresses: ['198.18.0.42'], resolvers: ['system (127.0.0.53)'], range: '198.18.0.0/15', allAnswers: true },
    en: (e) => ({
      title: `${ev(e, 'host')} resolves to ${ev(e, 'addresses')}: a proxy tool's fake-ip answer`,
      detail: `${ev(e, 'range')} is reserved for benchmarking (RFC 2544); proxy tools in fake-ip mode (Clash, mihomo, Surge, sing-box) hand these addresses out and map them back to the name when the connection passes through them. Resolvers: ${ev(e, 'resolvers')}. The call works only for clients whose traffic goes through that tool: every app while its TUN mode is on, otherwise only those that use its proxy port. A container, a VM or WSL usually has its own DNS and network path: it either gets a real answer and bypasses the tool, or gets this fake address and cannot reach it. Tools with an SSRF guard refuse 198.18.x.x as "special-use".`,
      fixes: [
        'If the call fails: turn the tool\'s TUN (enhanced) mode on, or point the client at its proxy port (e.g. HTTPS_PROXY=http://127.0.0.1:7890) instead of relying on its DNS.',
        'In Docker, give the container the host\'s proxy (HTTPS_PROXY=http://host.docker.internal:7890) rather than the fake-ip DNS; fake addresses mean nothing inside the container.',
        'To get real answers, add the host to the tool\'s fake-ip-filter, or switch its DNS to redir-host mode.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 被解析为 ${ev(e, 'addresses')}：代理工具的 fake-ip 应答`,
      detail: `${ev(e, 'range')} 是保留给基准测试的地址段（RFC 2544）；处于 fake-ip 模式的代理工具（Clash、mihomo、Surge、sing-box）会分配这些地址，并在连接经过它时映射回域名。解析器：${ev(e, 'resolvers')}。只有流量经过该工具的客户端才能调用成功：开启 TUN 模式时所有程序都会经过它，否则只有使用其代理端口的程序。容器、虚拟机或 WSL 通常有自己的 DNS 和网络路径：要么拿到真实地址而绕过该工具，要么拿到这个假地址却无法连通。带有 SSRF 防护的工具会把 198.18.x.x 当作"特殊用途地址"拒绝。`,
      fixes: [
        '如果调用失败：开启该工具的 TUN（增强）模式，或让客户端直接使用它的代理端口（例如 HTTPS_PROXY=http://127.0.0.1:7890），不要依赖它的 DNS。',
        '在 Docker 中，给容器配置宿主机的代理（HTTPS_PROXY=http://host.docker.internal:7890），而不是 fake-ip DNS；假地址在容器内毫无意义。',
        '若需要真实解析结果，把该主机加入工具的 fake-ip-filter，或把它的 DNS 切换为 redir-host 模式。',
      ],
    }),
  },
  DNS_POISONED: {
    example: {
      host: 'api.openai.com',
      provider: 'OpenAI',
      addresses: ['31.13.95.37'],
      basis: 'known-poison-range',
      ranges: [{ address: '31.13.95.37', cidr: '31.13.64.0/18', owner: 'Facebook (AS32934)', source: 'Chanzhaoyu/chatgpt-web#1573' }],
      providerNetworks: null,
      providerNetworksSource: null,
      resolvers: ['system (192.168.1.1)'],
      reference: null,
      dataCompiled: '2026-11-29',
    },
    en: (e) => ({
      title: `${ev(e, 'host')} resolves to ${ev(e, 'addresses')}, which cannot be ${ev(e, 'provider')}'s`,
      detail: e.basis === 'known-poison-range'
        ? `${ranges(e)}: addresses that DNS poisoning hands out instead of the real answer. ${ev(e, 'provider')} does not live there, so connections time out or reach the wrong server. Resolvers: ${ev(e, 'resolvers')}.${e.reference ? ` A reference resolver answered ${ev(e, 'reference')}.` : ''} (Known ranges as compiled ${ev(e, 'dataCompiled')}.)`
        : e.basis === 'reference-in-provider-networks'
          ? `Your resolvers (${ev(e, 'resolvers')}) answer ${ev(e, 'addresses')}, outside the networks ${ev(e, 'provider')} is served from (${ev(e, 'providerNetworksSource')}), while the reference resolver answers ${ev(e, 'reference')}, inside them: the local answer has been tampered with or is badly stale.`
          : `${ev(e, 'provider')} publishes the networks it answers from (${ev(e, 'providerNetworksSource')}: ${ev(e, 'providerNetworks')}); ${ev(e, 'addresses')} is outside them. Resolvers: ${ev(e, 'resolvers')}.${e.reference ? ` A reference resolver answered ${ev(e, 'reference')}.` : ''}`,
      fixes: [
        'Use a resolver that is not tampered with: encrypted DNS (DoH/DoT) in the OS or browser, or let a proxy resolve the name (socks5h:// or an HTTP proxy with CONNECT resolve at the proxy).',
        'With a proxy, make sure the client sends the name, not the address, to it: socks5h:// rather than socks5://.',
        'If this network blocks the provider, use a proxy that can reach it, or the provider\'s endpoint that is reachable from here.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 被解析为 ${ev(e, 'addresses')}，这不可能是 ${ev(e, 'provider')} 的地址`,
      detail: e.basis === 'known-poison-range'
        ? `${ranges(e)}：这是 DNS 污染用来代替真实结果的地址。${ev(e, 'provider')} 不在这些地址上，因此连接会超时或连到错误的服务器。解析器：${ev(e, 'resolvers')}。${e.reference ? `参考解析器返回 ${ev(e, 'reference')}。` : ''}（已知地址段数据整理于 ${ev(e, 'dataCompiled')}。）`
        : e.basis === 'reference-in-provider-networks'
          ? `你的解析器（${ev(e, 'resolvers')}）返回 ${ev(e, 'addresses')}，不在 ${ev(e, 'provider')} 的服务网段内（${ev(e, 'providerNetworksSource')}）；而参考解析器返回 ${ev(e, 'reference')}，位于这些网段内：本地结果已被篡改或严重过期。`
          : `${ev(e, 'provider')} 公布了其服务所用的网段（${ev(e, 'providerNetworksSource')}：${ev(e, 'providerNetworks')}），而 ${ev(e, 'addresses')} 不在其中。解析器：${ev(e, 'resolvers')}。${e.reference ? `参考解析器返回 ${ev(e, 'reference')}。` : ''}`,
      fixes: [
        '使用未被篡改的解析器：在系统或浏览器中启用加密 DNS（DoH/DoT），或让代理来解析域名（socks5:// 改为 socks5h://，HTTP 代理的 CONNECT 会在代理端解析）。',
        '使用代理时，确认客户端把域名而不是地址交给代理：用 socks5h:// 而不是 socks5://。',
        '如果本网络封锁了该服务商，请使用能访问它的代理，或使用从本地可访问的该服务商端点。',
      ],
    }),
  },
};
