import type { Evidence } from '../../common/report.js';
import type { RunView } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { isLoopbackHost } from '../net/proxy-env.js';

/**
 * Evidence for the container-aware fix: inside a container, 127.0.0.1 is the container itself,
 * not the host where Clash, v2rayN or a corporate proxy client runs (tashfeenahmed/freellmapi#737,
 * Chanzhaoyu/chatgpt-web#1267). Empty when not in a container or the proxy is not on loopback.
 */
export function containerHint(view: RunView, proxy: string): Evidence {
  const env = view.result(PROBE_IDS.environment);
  const c = env?.data?.container ?? null;
  if (!c) return {};
  let host: string;
  try {
    host = new URL(proxy).hostname;
  } catch {
    return {};
  }
  if (!isLoopbackHost(host)) return {};
  const port = (() => {
    try {
      return new URL(proxy).port || null;
    } catch {
      return null;
    }
  })();
  const scheme = proxy.split(':')[0] ?? 'http';
  return {
    inContainer: true,
    container: c.kind,
    containerMarker: c.marker,
    hostGateway: c.gateway,
    // Docker Desktop defines host.docker.internal; on Linux it needs --add-host=host.docker.internal:host-gateway.
    suggestedProxy: `${scheme}://host.docker.internal${port ? `:${port}` : ''}`,
  };
}
