import type { Evidence } from '../../common/report.js';
import type { Explanation } from './types.js';

/**
 * The fix that names the OS proxy a run did not take (evidence `systemProxy`, or the ignored
 * proxy of CLIENT_PROXY_IGNORED when it came from the OS settings). On the command line it is a
 * command to run; the wizard turns that command into "Use the proxy from the system settings".
 */
export function systemProxyFix(proxy: string, zh: boolean): string {
  return zh
    ? `系统代理设置为此 URL 指定的代理是 ${proxy}，本次诊断没有使用它；经它再诊断一次：api-doctor diagnose URL --proxy ${proxy}。`
    : `The OS proxy settings give ${proxy} for this URL, and this run did not use it; diagnose through it: api-doctor diagnose URL --proxy ${proxy}.`;
}

/** Puts the system-proxy fix first when the evidence names one (it is the quickest thing to try). */
export function withSystemProxyFix(x: Explanation, e: Evidence, zh: boolean): Explanation {
  return typeof e.systemProxy === 'string' && e.systemProxy !== '' ? { ...x, fixes: [systemProxyFix(e.systemProxy, zh), ...x.fixes] } : x;
}
