import type { FindingDraft } from '../probe.js';
import type { AnswerSummary } from './types.js';

/**
 * nginx with `ssl_verify_client on` completes the handshake without a client certificate and
 * answers "400 No required SSL certificate was sent" (its internal 496; 495 is "The SSL
 * certificate error"). That is mutual TLS, not a bad request body.
 */
const NO_CERT = /No required SSL certificate was sent/i;

export function clientCertAnswer(a: AnswerSummary): FindingDraft | null {
  if (a.status !== 400 && a.status !== 496) return null;
  const said = NO_CERT.exec(`${a.title ?? ''} ${a.bodyText.slice(0, 4096)}`)?.[0] ?? (a.status === 496 ? a.statusText : null);
  if (!said) return null;
  return { code: 'TLS_CLIENT_CERT_REQUIRED', evidence: { url: a.url, status: a.status, gatewayMessage: said, gateway: a.headers.server ?? null, source: 'answer' } };
}
