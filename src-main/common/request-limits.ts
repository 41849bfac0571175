/**
 * The limits of a DiagnosisRequest, the same for every face (CLI flags, the wizard, pasted curl,
 * HAR import). Before this file the CLI allowed 600 s / 100 samples / any method and the app
 * 120 s / 20 samples / seven methods; one set now, with the reason for each number beside it.
 * Plain data, so the renderer can import it for its form's min/max.
 */
export const REQUEST_LIMITS = {
  /**
   * Per-phase budget. 600 s because the OpenAI and Anthropic SDKs wait 600 s by default and a
   * reasoning model's non-streamed answer can take minutes: a user reproducing "my client hangs"
   * must be able to wait as long as that client does. 100 ms is below any real round trip.
   */
  timeoutMs: { min: 100, max: 600_000 },
  /**
   * Server samples. The server probe caps the whole sampling at 120 s and stops early on a rate
   * limit, so the count bounds politeness, not duration; 100 leaves room for adaptive sampling.
   */
  samples: { min: 1, max: 100 },
  /** "Slow" threshold: anything up to the longest timeout. */
  slowMs: { min: 1, max: 600_000 },
  /**
   * Body bytes (UTF-8). 10 MB: large enough to reproduce a "request too large" answer (nginx
   * refuses above 1 MB by default, model context limits sit in the megabytes), small enough to
   * hold in memory and send over IPC.
   */
  bodyBytes: 10 * 1024 * 1024,
  /**
   * A browser's "Copy as cURL" carries ~25 headers and a cookie that can pass 8 KB; a diagnosis
   * sends what the user's client sends and lets the server's 431 be the finding.
   */
  headers: 100,
  headerValueChars: 32 * 1024,
  dnsServers: 8,
  resolveEntries: 16,
  credentialNameChars: 200,
  queryParamChars: 100,
  oauthClientIdChars: 500,
  caFilePathChars: 4096,
  /** Method tokens are short (the longest registered one, UPDATEREDIRECTREF, has 17 letters). */
  methodChars: 32,
} as const;

/**
 * Any RFC 9110 method token is allowed (curl's `-X PROPFIND` and a pasted WebDAV call are real),
 * except CONNECT: it opens a tunnel rather than calling an API, and undici refuses to send it as
 * a request.
 */
export const FORBIDDEN_METHODS: readonly string[] = ['CONNECT'];

/** The methods the wizard offers in its list; any other token can still be typed or pasted. */
export const COMMON_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Proxy URL schemes, as curl names them (`socks://` is what GNOME and KDE write for SOCKS and
 * what `ALL_PROXY` often holds).
 */
export const PROXY_SCHEMES = ['http:', 'https:', 'socks:', 'socks4:', 'socks4a:', 'socks5:', 'socks5h:'] as const;

/** An HTTP token (RFC 9110 §5.6.2): header names and methods. */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A POSIX-style environment variable name. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
