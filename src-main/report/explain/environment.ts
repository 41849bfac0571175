import type { CodesOfStage } from '../../common/codes.js';
import { ev, type CodeText } from './types.js';

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
};
