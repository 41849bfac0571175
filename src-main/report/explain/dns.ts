import type { CodesOfStage } from '../../common/codes.js';
import { ev, type CodeText } from './types.js';

const QUERIES = [
  { resolver: 'system (10.0.0.53)', type: 'A', addresses: [], ms: 12.4, error: 'ENOTFOUND' },
  { resolver: 'system (10.0.0.53)', type: 'AAAA', addresses: [], ms: 11.9, error: 'ENOTFOUND' },
];

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
      fixes: ['Check that the resolver in use is reachable (a VPN that changed DNS servers and then disconnected is a common cause).', 'Compare with another resolver: --dns-server <ip>.', 'On a locked-down network, DNS may only work through the proxy: set HTTPS_PROXY so the proxy resolves names.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 的 DNS 查询超时`,
      detail: `解析器（${ev(e, 'resolvers')}）在时限内没有应答。DNS（53 端口）可能被封锁，或解析器已宕机。`,
      fixes: ['检查当前使用的解析器是否可达（常见原因：VPN 修改了 DNS 服务器后又断开）。', '用其他解析器对比：--dns-server <ip>。', '在受限网络中，DNS 可能只能通过代理完成：设置 HTTPS_PROXY，让代理解析域名。'],
    }),
  },
  DNS_SINKHOLE: {
    example: { host: 'api.openai.com', addresses: ['0.0.0.0'], resolvers: ['system (192.168.1.1)'], viaHostsFile: false },
    en: (e) => ({
      title: `${ev(e, 'host')} resolves to ${ev(e, 'addresses')}: blocked`,
      detail: `A public name pointing at ${ev(e, 'addresses')} means a blocker (ad/tracker filter, Pi-hole, company DNS policy${e.viaHostsFile ? ', or your hosts file' : ''}) or a poisoned resolver is hiding the real address. Resolvers: ${ev(e, 'resolvers')}.`,
      fixes: ['Check DNS filtering (Pi-hole, AdGuard, NextDNS, router parental controls, security software) and allow this domain.', 'Look for the name in your hosts file and remove the line.', 'Compare with another resolver: --reference-dns <ip>; if it answers differently, the local resolver is the cause.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'host')} 被解析为 ${ev(e, 'addresses')}：已被拦截`,
      detail: `公网域名指向 ${ev(e, 'addresses')}，说明拦截工具（广告/跟踪过滤、Pi-hole、公司 DNS 策略${e.viaHostsFile ? '或 hosts 文件' : ''}）或被污染的解析器隐藏了真实地址。解析器：${ev(e, 'resolvers')}。`,
      fixes: ['检查 DNS 过滤（Pi-hole、AdGuard、NextDNS、路由器家长控制、安全软件）并放行该域名。', '在 hosts 文件中查找该域名并删除对应行。', '用其他解析器对比：--reference-dns <ip>；若结果不同，问题出在本地解析器。'],
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
};
