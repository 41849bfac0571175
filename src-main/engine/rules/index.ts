import type { StageId } from '../../common/stages.js';
import type { StageRules } from '../probe.js';
import { environmentRules } from './environment.js';
import { proxyRules } from './proxy.js';
import { clientProxyRules } from './client-proxy.js';
import { dnsRules } from './dns.js';
import { tcpRules } from './tcp.js';
import { tlsRules } from './tls.js';
import { httpRules } from './http.js';
import { authRules } from './auth.js';
import { serverRules } from './server.js';

/** One rule file per stage, turning probe results into findings. */
export const RULES: Partial<Record<StageId, StageRules>> = {
  environment: environmentRules,
  proxy: (view) => [...proxyRules(view), ...clientProxyRules(view)],
  dns: dnsRules,
  tcp: tcpRules,
  tls: tlsRules,
  http: httpRules,
  auth: authRules,
  server: serverRules,
};
