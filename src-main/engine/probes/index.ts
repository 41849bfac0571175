import type { Probe } from '../probe.js';
import { environmentProbe } from './environment.js';
import { proxyProbe } from './proxy.js';
import { pathsProbe } from './paths.js';
import { dnsProbe } from './dns.js';
import { tcpProbe } from './tcp.js';
import { tlsProbe } from './tls.js';
import { oauthProbe } from './oauth.js';
import { httpProbe } from './http.js';
import { authProbe } from './auth.js';
import { serverProbe } from './server.js';
import { streamProbe } from './stream.js';
import { completionProbe } from './completion.js';

/** Every probe of the engine, one file each; adding a probe is one file and one line here. */
export const PROBES: readonly Probe[] = [
  environmentProbe,
  proxyProbe,
  // The other ways out the clients of the matrix take (direct, the OS proxy), measured alongside.
  pathsProbe,
  dnsProbe,
  tcpProbe,
  tlsProbe,
  httpProbe,
  // auth before oauth: a skipped auth stage then shows why (the http failure), not "no OAuth endpoint".
  authProbe,
  oauthProbe,
  serverProbe,
  streamProbe,
  completionProbe,
];
