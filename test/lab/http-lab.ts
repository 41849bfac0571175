import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { json, LAB_KEYS, openaiApi, zhipuAnthropicApi, zhipuApi } from './http-api.js';
import { faultRoute, portalPage, type FaultContext } from './http-faults.js';
import { listen, type LabServer } from './net-servers.js';
import { LAB_NAMES, makeLabPki, type LabPki } from './tls-servers.js';
import { makeLeaf } from './certs.js';

export { LAB_KEYS } from './http-api.js';

export interface HttpLab {
  http: LabServer;
  https: LabServer;
  pki: LabPki;
  /** `http://127.0.0.1:port/path` */
  url(path: string, scheme?: 'http' | 'https'): string;
  /** Requests each fault path has received (for flaky and sampling checks). */
  counters: Map<string, number>;
  close(): Promise<void>;
}

function oauthToken(req: http.IncomingMessage, res: http.ServerResponse) {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [];
  if (id === LAB_KEYS.oauthClient && secret === LAB_KEYS.oauthSecret) json(res, 200, { access_token: 'lab-access-token-0001', token_type: 'Bearer', expires_in: 3600 });
  else json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
}

/**
 * The loopback HTTP lab: a fake OpenAI-compatible API (/openai/v1), a fake Zhipu API
 * (/api/paas/v4) and its Anthropic-compatible API (/api/anthropic), an OAuth token endpoint (/oauth/token) with a protected resource
 * (/oauth/resource), and every http/auth/server fault under /s/. Served on plain http and on
 * https (lab PKI: pass pki.caFile as --ca-file).
 */
export async function startHttpLab(): Promise<HttpLab> {
  const pki = await makeLabPki();
  const counters = new Map<string, number>();
  const fx: FaultContext = { httpOrigin: '', counters };
  let bomb: Buffer | undefined;
  const handler: http.RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (openaiApi(req, res, path) || zhipuApi(req, res, path) || zhipuAnthropicApi(req, res, path) || faultRoute(req, res, path, fx)) return;
    if (path === '/portal/login') return portalPage(res);
    if (path === '/oauth/token' && req.method === 'POST') return oauthToken(req, res);
    if (path === '/oauth/resource') {
      if (req.headers.authorization === 'Bearer lab-access-token-0001') return json(res, 200, { ok: true });
      return json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer realm="lab"' });
    }
    if (path === '/gzip-bomb') {
      // 32 MiB of zeros compress to ~32 KiB: the client must stop at its cap.
      bomb ??= zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return res.end(bomb);
    }
    json(res, 404, { error: { message: `Not found: ${path}` } });
  };
  const plain = await listen(http.createServer(handler));
  const leaf = await makeLeaf(pki.intermediate, { names: LAB_NAMES });
  const secureServer = https.createServer({ key: leaf.key, cert: leaf.cert + pki.intermediate.cert, ALPNProtocols: ['http/1.1'] }, handler);
  secureServer.on('tlsClientError', () => {});
  const secure = await listen(secureServer);
  fx.httpOrigin = `http://127.0.0.1:${plain.port}`;
  return {
    http: plain,
    https: secure,
    pki,
    counters,
    url: (path, scheme = 'http') => (scheme === 'http' ? plain.url('http', path) : secure.url('https', path)),
    close: async () => {
      await Promise.all([plain.close(), secure.close()]);
    },
  };
}
