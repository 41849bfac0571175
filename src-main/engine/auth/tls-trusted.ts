import { PROBE_IDS } from '../probe-data.js';
import type { ProbeContext } from '../probe.js';

/**
 * The TLS probe's verdict on the certificate, for planCredential: false when the certificate
 * failed verification (no secret goes over that). When the TLS probe did not run, our own
 * connector verifies (and refuses) anyway, so that counts as trusted. One answer for the http,
 * server and stream probes.
 */
export function tlsTrustedFor(ctx: Pick<ProbeContext, 'result'>, url: URL): boolean {
  if (url.protocol !== 'https:') return true;
  const tls = ctx.result(PROBE_IDS.tls);
  return tls?.status !== 'ok' || tls.data.authorized !== false;
}
