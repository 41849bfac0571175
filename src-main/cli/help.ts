export const USAGE = `api-doctor — find out why an API call fails, and how to fix it

Usage:
  api-doctor diagnose <url> [options]   run every check against <url>
  api-doctor diagnose --from-curl '<curl command>' [options]   the call as a pasted curl command
  api-doctor diagnose --from-har <file.har|bundle.zip> [--entry <n>] [--list]   a call from a HAR (default: the first failed one)
  api-doctor curl <curl arguments…>     the same as a drop-in for curl (human report)
  api-doctor explain '<error text>' [--json] [--lang zh-CN]   what an error message means (- reads stdin)
  api-doctor diff <a.zip> <b.zip> [--json] [--lang zh-CN]     two bundles side by side: what differs
  api-doctor credentials list|add|rename|remove   keys saved in the OS keychain (api-doctor credentials --help)
  api-doctor open <bundle.zip> [--json]  print the report of a diagnostic bundle
  api-doctor watch <url> [diagnose options] --every <s> [--count <n> | --for <duration>]
             [--metrics <host:port>] [--bundle-dir <dir>] [--json]
                                        call <url> every s seconds: latency, failures, why (docs/watch.md)
  api-doctor --version                  print the version
  api-doctor --help                     print this help

diagnose options:
  --json                      the report as JSON on stdout (human text otherwise)
  -X, --method <m>            HTTP method (default GET)
  -H, --header "Name: value"  extra request header (repeatable)
  -d, --data <body|@file>     request body
  --provider <id>             auto | openai | zhipu | anthropic | azure-openai | deepseek | moonshot |
                              dashscope | openrouter | generic (default auto)
  --credential <name>         use a credential saved in the OS keychain
  --token-env <VAR>           read the secret from an environment variable
  --auth <where>              bearer | basic | header:<Name> | query:<param> (default: the provider's)
  --oauth-token-url <url>     OAuth 2.0 client credentials: token endpoint
  --oauth-client-id <id>      … client id (the secret comes from --credential or --token-env)
  --dns-server <ip[:port]>    resolve with this server instead of the system resolver (repeatable)
  --reference-dns <ip[:port]> also ask this resolver and compare (repeatable; none by default)
  --resolve <host:port:addr>  pin a name to an address, like curl
  --proxy <url> | --no-proxy  default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl reads them
  --ca-file <pem>             trust this CA in addition to the default store
  --timeout <ms>              budget for each phase (default 10000)
  --samples <n>               exactly n requests for server-side sampling (default: one when the
                              first answer is healthy and fast, up to 3 when it was slow or failed)
  --slow-ms <ms>              time to first byte above which the server counts as slow (default 5000)
  --bundle <file.zip>         also write a diagnostic bundle
  --stream                    also probe a streamed (SSE) response
  --completion                also send one real completion (max 1 token, the cheapest model the key
                              can use): catches "model list works, chat fails"; it is billed (a few tokens)
  --lang <en|zh-CN>           language of human text (default en)
  --client <id>               diagnose as this client would: curl (default), browser, node, python-requests,
                              python-httpx, openai-python, anthropic-python, openai-node

Exit codes: 0 healthy or degraded, 1 failing, 2 bad usage or input, 3 internal error.
`;
