import type { OAuthData } from './auth/oauth.js';
import type { HttpProbeData } from './http/types.js';
import type { AuthProbeData } from './probes/auth.js';
import type { CompletionProbeData } from './probes/completion.js';
import type { PathsProbeData } from './probes/paths.js';
import type { DnsProbeData } from './probes/dns.js';
import type { EnvironmentData } from './probes/environment.js';
import type { ProxyProbeData } from './probes/proxy.js';
import type { ServerProbeData } from './probes/server.js';
import type { StreamProbeData } from './probes/stream.js';
import type { TcpProbeData } from './probes/tcp.js';
import type { TlsProbeData } from './probes/tls.js';

/**
 * What each probe's result holds, by probe id: `ctx.result('http')` is a result of HttpProbeData
 * with no cast at the call site. A new probe adds its id and data type here.
 */
export interface ProbeDataById {
  environment: EnvironmentData;
  proxy: ProxyProbeData;
  dns: DnsProbeData;
  tcp: TcpProbeData;
  tls: TlsProbeData;
  http: HttpProbeData;
  auth: AuthProbeData;
  server: ServerProbeData;
  stream: StreamProbeData;
  oauth: OAuthData;
  completion: CompletionProbeData;
  paths: PathsProbeData;
}

export type ProbeId = keyof ProbeDataById;
