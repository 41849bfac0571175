import type { Finding, Report } from '../../src-main/common/report.js';

/**
 * The OS proxy a finding says this run did not use, as data from the engine: `systemProxy` in
 * the evidence of a proxy finding, or the ignored proxy of CLIENT_PROXY_IGNORED when it came from
 * the OS settings. null when the finding names none.
 */
export function systemProxyOf(f: Pick<Finding, 'code' | 'evidence'> | null | undefined): string | null {
  if (!f) return null;
  const e = f.evidence;
  if (typeof e.systemProxy === 'string' && e.systemProxy !== '') return e.systemProxy;
  if (f.code === 'CLIENT_PROXY_IGNORED' && e.source === 'system' && typeof e.proxy === 'string' && e.proxy !== '') return e.proxy;
  return null;
}

/** The first OS proxy any finding of the report names. */
export const reportSystemProxy = (r: Pick<Report, 'findings'> | null): string | null => r?.findings.map(systemProxyOf).find((p) => p !== null) ?? null;
