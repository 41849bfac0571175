import { row, type KnowledgeRow } from './knowledge-row.js';

/** Windows socket errors (whatever program printed them). */
export const WINDOWS_SOCKET_ROWS: readonly KnowledgeRow[] = [
  // ── Windows socket errors
  row('win-10060', /WinError 10060|10060\]|由于连接方在一段时间后没有正确答复/, [['TCP_TIMEOUT', 0.8]],
    'Windows: the connection attempt timed out (no answer): the provider is unreachable from this network without a proxy, or a firewall drops it.',
    'Windows：连接尝试超时（无应答）：不走代理时该网络无法访问服务商，或被防火墙丢弃。',
    'tcp', 'https://github.com/nishiwen1214/ChatReviewer/issues/17', '[WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。'),
  row('win-10061', /WinError 10061|目标计算机积极拒绝/, [['TCP_REFUSED', 0.5], ['PROXY_UNREACHABLE', 0.45]],
    'Windows: the connection was actively refused: nothing listens there — very often a local proxy port (7890) whose app is closed.',
    'Windows：连接被主动拒绝：那里没有服务监听——常见于本地代理端口（7890）而代理程序已关闭。',
    'proxy', 'https://github.com/openai/openai-python/issues/56', '[WinError 10061] 由于目标计算机积极拒绝，无法连接。'),
];

/** curl’s numbered errors. */
export const CURL_ROWS: readonly KnowledgeRow[] = [
  // ── curl
  row('curl-6', /curl: \(6\)|Could not resolve( host)?:/, [['DNS_NXDOMAIN', 0.7], ['DNS_TIMEOUT', 0.2]],
    'curl could not resolve the host name.',
    'curl 无法解析主机名。',
    'dns', 'https://github.com/orhanerday/open-ai/issues/34', 'Could not resolve: api.openai.com (Could not contact DNS servers)'),
  row('curl-7', /curl: \(7\)|Failed to connect to [^\s]+ port \d+[^\n]*(Connection refused|Couldn't connect to server|Could't connect to server|Operation timed out)/, [['TCP_TIMEOUT', 0.45], ['TCP_REFUSED', 0.4]],
    'curl could not open the TCP connection (refused, or timed out at the OS level).',
    'curl 无法建立 TCP 连接（被拒绝，或在操作系统层面超时）。',
    'tcp', 'https://github.com/0xacx/chatGPT-shell-cli/issues/49', 'curl: (7) Failed to connect to api.openai.com port 443: Operation timed out'),
  row('curl-28', /curl: \(28\)|Timeout was reached|Failed to connect to [^\s]+ port \d+ after \d+ ms: Timed out/, [['TCP_TIMEOUT', 0.6], ['HTTP_HEADERS_TIMEOUT', 0.3]],
    'curl’s timeout ran out: while connecting (a blocked path) or while waiting for the answer.',
    'curl 的超时已用完：在连接时（路径被阻断）或等待应答时。',
    'tcp', 'https://github.com/irudnyts/openai/issues/61', 'Timeout was reached: [api.openai.com] Failed to connect to api.openai.com port 443 after 10002 ms: Timeout was reached'),
  row('curl-35', /curl: \(35\)|SSL_connect: SSL_ERROR_SYSCALL/, [['TLS_PROTOCOL_ERROR', 0.5], ['TCP_RESET', 0.35]],
    'The TLS handshake failed at the socket level: the peer or a middlebox closed it (often a proxy node or filtering).',
    'TLS 握手在套接字层面失败：对端或中间设备关闭了连接（常见于代理节点或流量过滤）。',
    'tls', 'https://github.com/curl/curl/issues/14154', 'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to dotnet.microsoft.com:443'),
  row('curl-52', /curl: \(52\)|Empty reply from server/, [['HTTP_EMPTY_REPLY', 0.8]],
    'The server (or proxy) closed the connection without sending any response.',
    '服务器（或代理）没有发送任何响应就关闭了连接。',
    'http', 'https://github.com/curl/curl/pull/5994', 'curl: (52) Empty reply from server'),
  row('curl-56', /curl: \(56\)|Recv failure: Connection (reset by peer|was reset)/, [['HTTP_CONNECTION_RESET', 0.55], ['PROXY_REJECTED', 0.25], ['TCP_RESET', 0.2]],
    'The connection was reset while receiving: often the proxy (or the filter behind it) cut the tunnel.',
    '接收时连接被重置：常见于代理（或其后的过滤）切断了隧道。',
    'proxy', 'https://github.com/curl/curl/issues/1016', 'curl: (56) Recv failure: Connection reset by peer'),
  row('curl-60', /curl: \(60\)|SSL certificate problem: (unable to get local issuer certificate|self[- ]signed)/, [['TLS_UNTRUSTED_CERT', 0.6], ['TLS_INCOMPLETE_CHAIN', 0.2], ['TLS_OS_TRUST_ONLY', 0.2]],
    'curl could not verify the certificate chain with its CA bundle.',
    'curl 无法用其 CA 包验证证书链。',
    'tls', 'https://github.com/openssl/openssl/issues/2833', 'curl: (60) SSL certificate problem: unable to get local issuer certificate'),
];
