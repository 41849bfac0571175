/**
 * Whether an HTTP answer was written by a forward proxy itself rather than passed on from the
 * API, and what the proxy said. Squid names its error in `X-Squid-Error` ("ERR_CONNECT_FAIL 111",
 * "ERR_DNS_FAIL 0", "ERR_CANNOT_FORWARD 0", "ERR_ACCESS_DENIED 0"); RFC 9209 proxies say it in
 * `Proxy-Status` ("squid; error=dns_error"); tinyproxy's own pages carry `Server: tinyproxy/…`
 * and a reason phrase of their own ("500 Unable to connect").
 */
export interface ProxyOwnAnswer {
  /** The proxy's own error id, e.g. "ERR_CONNECT_FAIL 111" or "dns_error"; null when it names none. */
  errorId: string | null;
  /** The proxy product, from Server (squid/5.7, tinyproxy/1.11.1), when it says. */
  product: string | null;
}

/** Products whose Server header on an error page means the page is theirs, not the API's. */
const PROXY_SERVERS = /^(squid|tinyproxy|privoxy|ccproxy|polipo|wingate|bluecoat|proxysg|mitmproxy|zscaler|forcepoint|mcafee web gateway)\b/i;

export function proxyOwnAnswer(headers: Record<string, string>): ProxyOwnAnswer | null {
  const squid = headers['x-squid-error']?.trim() || null;
  const status = headers['proxy-status'] ?? '';
  const rfc = /(?:^|;)\s*error=("?)([\w-]+)\1/i.exec(status)?.[2] ?? null;
  const server = headers.server?.trim() ?? '';
  const product = PROXY_SERVERS.test(server) ? server : null;
  if (!squid && !rfc && !product) return null;
  return { errorId: squid ?? rfc, product };
}
