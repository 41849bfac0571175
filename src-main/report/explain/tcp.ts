import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';

const ATTEMPTS = [{ address: '203.0.113.7', family: 4, ok: false, ms: 1.2, error: 'ECONNREFUSED' }];
const tried = (e: Evidence): string => {
  const a = e.attempts;
  if (!Array.isArray(a)) return '?';
  // "127.0.0.1: ECONNREFUSED", not "127.0.0.1 (ECONNREFUSED)": the list sits in brackets already ("(tried …)").
  const host = (addr: string) => (addr.includes(':') ? `[${addr}]` : addr);
  return a.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? `${host(String(x.address))}: ${x.ok ? 'ok' : String(x.error)}` : '?')).join(', ');
};

/** The target is this machine (127.0.0.0/8, ::1, localhost): advice about "other addresses" would contradict the evidence. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost|.+\.localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
/**
 * The target is this machine. A well-known provider's name that resolved here (hosts file, --resolve)
 * keeps the provider's advice: DNS_HOSTS_OVERRIDE says the name was redirected.
 */
const isLoopback = (e: Evidence): boolean => {
  if (e.wellKnownProvider) return false;
  const addrs = Array.isArray(e.attempts) ? e.attempts.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? String(x.address) : '')) : [];
  return LOOPBACK.test(String(e.host ?? '')) || (addrs.length > 0 && addrs.every((a) => LOOPBACK.test(a)));
};

/** Title, detail and fixes of every tcp code, in English and Simplified Chinese. */
export const tcpTexts: Record<CodesOfStage<'tcp'>, CodeText> = {
  TCP_REFUSED: {
    example: { host: 'api.example.com', port: 443, attempts: ATTEMPTS },
    en: (e) => ({
      title: `Connection refused on port ${ev(e, 'port')}`,
      detail: `Nothing accepts connections on ${ev(e, 'host')} port ${ev(e, 'port')} (tried ${tried(e)}): the service is down, listens on another port, or a firewall actively rejects.`,
      fixes: isLoopback(e)
        ? ['Check the port in the URL: is the local service configured for this port?', `Start the service on this machine and check that it listens on port ${ev(e, 'port')} (e.g. \`ss -ltnp\`); a service in a container or VM must publish that port to the host.`, /^localhost$|\.localhost$/i.test(String(e.host ?? '')) ? 'A local service bound only to IPv6 (::1) or only to IPv4 (127.0.0.1) refuses the other: check which address "localhost" resolved to (tried above).' : `If it runs, check which address it is bound to: a service bound to another interface's address (or only to ${String(e.host ?? '').includes(':') ? '127.0.0.1' : '::1'}) refuses ${ev(e, 'host')}.`]
        : ['Check the port in the URL (https is 443 unless the provider says otherwise).', 'If you run the service, check that it is running and listening on this address (e.g. `ss -ltnp`), not only on 127.0.0.1.', 'Ask whether a firewall rejects this destination.'],
    }),
    'zh-CN': (e) => ({
      title: `端口 ${ev(e, 'port')} 拒绝连接`,
      detail: `${ev(e, 'host')} 的 ${ev(e, 'port')} 端口没有程序接受连接（尝试了 ${tried(e)}）：服务未运行、监听在其他端口，或被防火墙主动拒绝。`,
      fixes: isLoopback(e)
        ? ['检查 URL 中的端口：本机服务是否配置在这个端口？', `在本机启动该服务，并确认它在端口 ${ev(e, 'port')} 上监听（如 \`ss -ltnp\`）；运行在容器或虚拟机中的服务需要把该端口发布到主机。`, /^localhost$|\.localhost$/i.test(String(e.host ?? '')) ? '只绑定 IPv6（::1）或只绑定 IPv4（127.0.0.1）的本机服务会拒绝另一种地址：请查看上面 “localhost” 解析到的地址（见尝试列表）。' : `如果服务在运行，请检查它绑定的地址：绑定在其他网卡地址（或只绑定 ${String(e.host ?? '').includes(':') ? '127.0.0.1' : '::1'}）的服务会拒绝 ${ev(e, 'host')}。`]
        : ['检查 URL 中的端口（https 默认是 443，除非服务商另有说明）。', '如果服务由你维护，请确认它正在运行并监听该地址（如 `ss -ltnp`），而不是只监听 127.0.0.1。', '确认是否有防火墙拒绝了该目标。'],
    }),
  },
  TCP_TIMEOUT: {
    example: { host: 'api.example.com', port: 443, attempts: [{ address: '203.0.113.7', family: 4, ok: false, ms: 10000, error: 'ETIMEDOUT' }] },
    en: (e) => ({
      title: `Connecting to ${ev(e, 'host')}:${ev(e, 'port')} timed out`,
      detail: isLoopback(e)
        ? `No answer to the connection attempt (tried ${tried(e)}). This is the machine itself, so no network is in the way: the program on port ${ev(e, 'port')} does not take new connections (it hangs, or its queue of waiting connections is full), or a local firewall rule drops them.`
        : `No answer to the connection attempt (tried ${tried(e)}): packets are silently dropped by a firewall, or the address is not routed from this network.${e.wellKnownProvider ? ` ${ev(e, 'wellKnownProvider')} is blocked on some national and corporate networks, where connecting times out exactly like this.` : ''}`,
      fixes: isLoopback(e) ? [`Check the program that listens on port ${ev(e, 'port')}: is it hung or overloaded? Look at its logs, or restart it.`, 'Check local firewall rules that drop traffic to this port (iptables/nftables, Windows Defender Firewall, macOS pf).'] : [
        ...(e.wellKnownProvider
          ? [
              `If ${ev(e, 'wellKnownProvider')} is blocked on this network, reach it through a proxy that can: set HTTPS_PROXY (and check that your SDK uses it — Node's fetch does not by default).`,
              e.alternative ? `Or use the provider's other endpoint ${ev(e, 'alternative')} (it issues its own keys).` : 'Or use an endpoint of the provider (or a compatible service) that is reachable from this network.',
            ]
          : []),
        'Outbound traffic to this port may be blocked: on a company network, you may need the proxy (set HTTPS_PROXY).',
        'Check security groups / firewall rules if you run the service.',
        'Try from another network (e.g. a phone hotspot) to tell a local block from a server problem.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `连接 ${ev(e, 'host')}:${ev(e, 'port')} 超时`,
      detail: isLoopback(e)
        ? `连接请求没有任何应答（尝试了 ${tried(e)}）。目标就是本机，中间没有网络：端口 ${ev(e, 'port')} 上的程序不再接受新连接（卡住了，或等待连接的队列已满），或本机防火墙规则丢弃了这些连接。`
        : `连接请求没有任何应答（尝试了 ${tried(e)}）：数据包被防火墙静默丢弃，或该地址在本网络中不可路由。${e.wellKnownProvider ? `${ev(e, 'wellKnownProvider')} 在部分国家和企业网络中被封锁，在那里连接超时正是这种表现。` : ''}`,
      fixes: isLoopback(e) ? [`检查监听端口 ${ev(e, 'port')} 的程序：是否卡住或过载？查看它的日志，或重启它。`, '检查丢弃该端口流量的本机防火墙规则（iptables/nftables、Windows Defender 防火墙、macOS pf）。'] : [
        ...(e.wellKnownProvider
          ? [
              `如果本网络封锁了 ${ev(e, 'wellKnownProvider')}，请经可访问它的代理连接：设置 HTTPS_PROXY（并确认你的 SDK 会使用它——Node 的 fetch 默认不使用）。`,
              e.alternative ? `或改用该服务商的另一个端点 ${ev(e, 'alternative')}（需使用该端点签发的密钥）。` : '或改用本网络可以访问的该服务商端点（或兼容服务）。',
            ]
          : []),
        '可能禁止访问该出站端口：在公司网络中可能需要使用代理（设置 HTTPS_PROXY）。',
        '如果服务由你维护，请检查安全组/防火墙规则。',
        '换一个网络（如手机热点）测试，以区分本地封锁和服务器问题。',
      ],
    }),
  },
  TCP_RESET: {
    example: { host: 'api.example.com', port: 443, attempts: [{ address: '203.0.113.7', family: 4, ok: false, ms: 30, error: 'ECONNRESET' }] },
    en: (e) => ({
      title: `The connection to ${ev(e, 'host')}:${ev(e, 'port')} was reset at once`,
      detail: `The connection opened and was immediately reset (tried ${tried(e)}): a firewall or filter in the path, or a server at its connection limit.`,
      fixes: ['Try from another network to see if a local filter (company firewall, national filtering) resets it.', 'If you run the service, check its connection limits and load balancer health.'],
    }),
    'zh-CN': (e) => ({
      title: `到 ${ev(e, 'host')}:${ev(e, 'port')} 的连接被立即重置`,
      detail: `连接建立后立即被重置（尝试了 ${tried(e)}）：路径上有防火墙或过滤设备，或服务器已达到连接上限。`,
      fixes: ['换一个网络测试，确认是否为本地过滤（公司防火墙、网络审查）导致的重置。', '如果服务由你维护，请检查连接数上限和负载均衡器的健康状态。'],
    }),
  },
  TCP_UNREACHABLE: {
    example: { host: 'api.example.com', port: 443, attempts: [{ address: '203.0.113.7', family: 4, ok: false, ms: 3, error: 'EHOSTUNREACH' }] },
    en: (e) => ({
      title: `${ev(e, 'host')} is unreachable from this network`,
      detail: `The network says there is no route to the address (tried ${tried(e)}).`,
      fixes: ['Check that you are connected to the right network or VPN (private addresses need the VPN).', 'Check the default route and gateway (`ip route` / `route print`).', 'If only IPv6 addresses were tried, your network may lack IPv6: see whether the name also has an IPv4 address.'],
    }),
    'zh-CN': (e) => ({
      title: `本网络无法到达 ${ev(e, 'host')}`,
      detail: `网络报告没有到该地址的路由（尝试了 ${tried(e)}）。`,
      fixes: ['确认已连接到正确的网络或 VPN（内网地址需要 VPN）。', '检查默认路由和网关（`ip route` / `route print`）。', '如果只尝试了 IPv6 地址，可能是网络不支持 IPv6：看看该域名是否也有 IPv4 地址。'],
    }),
  },
  TCP_IPV6_BROKEN: {
    example: { host: 'api.example.com', port: 443, ipv6: ['2001:db8::7'], errors: ['ENETUNREACH'], attempts: ATTEMPTS },
    en: (e) => ({
      title: 'IPv6 connections fail while IPv4 works',
      detail: `${ev(e, 'host')} has IPv6 addresses (${ev(e, 'ipv6')}) but connecting to them fails (${ev(e, 'errors')}). Clients that try IPv6 first can stall before falling back.`,
      fixes: ['Prefer IPv4 in Node: run with NODE_OPTIONS=--dns-result-order=ipv4first, or pass family: 4 to the HTTP agent.', 'Fix or disable the half-working IPv6 on this machine or router.'],
    }),
    'zh-CN': (e) => ({
      title: 'IPv6 连接失败，IPv4 正常',
      detail: `${ev(e, 'host')} 有 IPv6 地址（${ev(e, 'ipv6')}），但连接失败（${ev(e, 'errors')}）。优先尝试 IPv6 的客户端会在回退前卡住。`,
      fixes: ['在 Node 中优先使用 IPv4：设置 NODE_OPTIONS=--dns-result-order=ipv4first，或为 HTTP agent 指定 family: 4。', '修复或关闭本机或路由器上不完整的 IPv6 配置。'],
    }),
  },
};
