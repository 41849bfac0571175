import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeLeaf } from './certs.js';
import { listen, type LabServer } from './net-servers.js';
import { LAB_NAMES, type LabPki } from './tls-servers.js';

/**
 * HTTPS servers that misbehave after a healthy handshake (the lab's own certificate chain): for
 * the hostile suite and the benchmarks.
 */

/** An HTTPS server with the lab's healthy certificate chain and the given request handler. */
export async function startHttps(pki: LabPki, handler: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1'): Promise<LabServer> {
  const leaf = await makeLeaf(pki.intermediate, { names: LAB_NAMES });
  const server = https.createServer({ key: leaf.key, cert: leaf.cert + pki.intermediate.cert, ALPNProtocols: ['http/1.1'] }, handler);
  server.on('tlsClientError', () => {});
  return listen(server, host);
}

const json = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' });

/** Answers after `delayMs`: a time to first byte both clients can see. */
export const startDelayedHttps = (pki: LabPki, delayMs: number, host?: string) =>
  startHttps(
    pki,
    (_req, res) => {
      setTimeout(() => json(res).end('{"data":[{"id":"lab-model"}]}\n'), delayMs);
    },
    host,
  );

/** Completes the TLS handshake, reads the request, never answers. */
export const startHeadersNeverHttps = (pki: LabPki, host?: string) => startHttps(pki, () => {}, host);

/** Sends headers and the first bytes of a 1 MB body, then stalls for good. */
export const startStalledBodyHttps = (pki: LabPki, host?: string) =>
  startHttps(
    pki,
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 * 1024) });
      res.write('{"data":[');
    },
    host,
  );
