import type http from 'node:http';
import { json, LAB_KEYS, sse } from './http-api.js';

const html = (res: http.ServerResponse, status: number, title: string, headers: http.OutgoingHttpHeaders = {}) =>
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(`<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><form action="/login"></form></body></html>`);

export interface FaultContext {
  /** Origin of the lab's plain-http listener (for the https→http downgrade). */
  httpOrigin: string;
  counters: Map<string, number>;
}

/**
 * Every fault of the http, auth and server stages, one path each under /s/. A path with a
 * version segment (e.g. /s/sse-cut/v1/models) gives the stream probe a base to derive from.
 */
export function faultRoute(req: http.IncomingMessage, res: http.ServerResponse, path: string, fx: FaultContext): boolean {
  const m = /^\/s\/([a-z0-9-]+)/.exec(path);
  if (!m) return false;
  const name = m[1]!;
  const n = (fx.counters.get(name) ?? 0) + 1;
  fx.counters.set(name, n);
  switch (name) {
    case 'headers-timeout':
      return true; // never answers
    case 'body-stall':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"object":"list","data":[');
      return true;
    case 'empty-reply':
      req.socket.destroy();
      return true;
    case 'reset':
      req.socket.resetAndDestroy();
      return true;
    case 'not-http':
      // Another protocol on the port: an SSH banner instead of an HTTP status line.
      req.socket.end('SSH-2.0-OpenSSH_9.6 lab\r\n');
      return true;
    case 'short-body':
      // Promises 1000 bytes, sends 10, closes.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":[1');
      setTimeout(() => req.socket.destroy(), 20);
      return true;
    case 'loop-a':
      res.writeHead(302, { location: '/s/loop-b' }).end();
      return true;
    case 'loop-b':
      res.writeHead(302, { location: '/s/loop-a' }).end();
      return true;
    case 'hop': {
      const i = Number(/\/s\/hop\/(\d+)/.exec(path)?.[1] ?? 0);
      res.writeHead(307, { location: `/s/hop/${i + 1}` }).end();
      return true;
    }
    case 'downgrade':
      res.writeHead(301, { location: `${fx.httpOrigin}/openai/v1/models` }).end();
      return true;
    case 'to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      return true;
    case 'method':
      json(res, 405, { error: { message: 'Method Not Allowed', type: 'invalid_request_error' } }, { allow: 'POST' });
      return true;
    case 'bad-request':
      json(res, 400, { error: { message: 'Unrecognized request argument supplied: max_token', type: 'invalid_request_error', param: null, code: null } });
      return true;
    case 'too-large':
      json(res, 413, { error: { message: 'Request body too large: 64 MB max', type: 'invalid_request_error' } });
      return true;
    case 'portal':
      res.writeHead(302, { location: '/portal/login?next=%2Fv1%2Fmodels' }).end();
      return true;
    case 'expired':
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="lab", error="invalid_token", error_description="The access token expired"', 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
      return true;
    case 'basic-only':
      res.writeHead(401, { 'www-authenticate': 'Basic realm="lab-admin", charset="UTF-8"', 'content-type': 'text/plain' }).end('Unauthorized');
      return true;
    case 'anthropic-key':
      if (req.headers['x-api-key'] === LAB_KEYS.anthropic) json(res, 200, { data: [{ id: 'claude-3-5-haiku-latest', type: 'model' }] });
      else json(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } }, { 'request-id': 'req_011lab' });
      return true;
    case 'query-key':
      if (new URL(req.url ?? '/', 'http://x').searchParams.get('key') === LAB_KEYS.openai) json(res, 200, { ok: true });
      else json(res, 401, { error: { message: 'API key not valid. Please pass a valid API key.', status: 'UNAUTHENTICATED' } });
      return true;
    case 'basic-auth':
      if (req.headers.authorization === `Basic ${Buffer.from('lab-user:lab-pass-0001').toString('base64')}`) json(res, 200, { ok: true });
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="lab"' }).end();
      return true;
    case 'forbidden':
      json(res, 403, { error: { code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported', param: null, type: 'request_forbidden' } });
      return true;
    case 'rate':
      json(res, 429, { error: { message: 'Rate limit reached for gpt-4o-mini in organization org-lab on requests per min (RPM): Limit 3, Used 3.', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, { 'retry-after': '20', 'x-ratelimit-limit-requests': '3', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s' });
      return true;
    case 'quota':
      json(res, 429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } });
      return true;
    case 'zhipu-arrears':
      json(res, 429, { error: { code: '1113', message: '您的账户已欠费，请充值后重试。' } });
      return true;
    case 'zhipu-concurrency':
      json(res, 429, { error: { code: '1302', message: '您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。' } });
      return true;
    case 'anthropic-rate':
      json(res, 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' } }, { 'retry-after': '7', 'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-11-23T20:01:00Z', 'request-id': 'req_011rate' });
      return true;
    case 'anthropic-credit':
      json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.' } }, { 'request-id': 'req_011credit' });
      return true;
    case 'unavailable':
      json(res, 503, { error: { message: 'Service temporarily unavailable', type: 'server_error' } }, { 'retry-after': '30' });
      return true;
    case 'overloaded':
      json(res, 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { 'request-id': 'req_011over' });
      return true;
    case 'bad-gateway':
      html(res, 502, '502 Bad Gateway', { server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d-SJC' });
      return true;
    case 'gateway-timeout':
      html(res, 504, '504 Gateway Time-out', { server: 'nginx/1.25.3', via: '1.1 lab-gateway' });
      return true;
    case 'server-error':
      json(res, 500, { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error' } });
      return true;
    case 'slow':
      setTimeout(() => json(res, 200, { object: 'list', data: [] }), 300);
      return true;
    case 'flaky':
      if (n % 2 === 0) json(res, 503, { error: { message: 'upstream unhealthy', type: 'server_error' } });
      else json(res, 200, { object: 'list', data: [] });
      return true;
    case 'skew':
      res.writeHead(200, { 'content-type': 'application/json', date: new Date(Date.now() - 10 * 60_000).toUTCString() }).end('{"object":"list","data":[]}');
      return true;
    case 'sse-error':
    case 'sse-cut':
    case 'sse-endless':
      if (path.endsWith('/chat/completions')) sse(res, { end: name === 'sse-error' ? 'error' : name === 'sse-cut' ? 'cut' : 'never' });
      else json(res, 200, { object: 'list', data: [{ id: 'gpt-4o-mini' }] });
      return true;
    case 'gzip-bomb':
      return false; // served by the lab itself (needs zlib)
    default:
      json(res, 404, { error: { message: `no lab scenario "${name}"` } });
      return true;
  }
}

export const portalPage = (res: http.ServerResponse) => html(res, 200, 'Guest Wi-Fi Login — Lab Hotel');
