import http from 'node:http';
import { listen, type LabServer } from './net-servers.js';

/**
 * A loopback API that does everything a real one does to leak a key back at the client: echoes it
 * in error bodies (raw, URL-encoded, base64), in headers, in a cookie, in a redirect's Location,
 * and issues an OAuth access token. Records every secret-bearing thing it was sent, so a test can
 * tell "not leaked" from "never sent".
 */
export interface CanaryApi extends LabServer {
  /** Every Authorization / x-api-key / query key value that arrived, per path. */
  received: { path: string; auth: string | null; query: string; everything: string }[];
}

/**
 * Every transformed form a careless server (or a debug page) echoes a value in: the plain ones, hex,
 * JSON's `\/` and `\u00XX` escapes, and split across a line break.
 */
export function transformedEchoes(value: string): Record<string, string> {
  const mid = Math.floor(value.length / 2);
  return {
    raw: value,
    url: encodeURIComponent(value),
    b64: Buffer.from(value).toString('base64'),
    b64url: Buffer.from(value).toString('base64url'),
    hex: Buffer.from(value).toString('hex'),
    hexUpper: Buffer.from(value).toString('hex').toUpperCase(),
    jsonSlash: value.replace(/\//g, '\\/'),
    jsonUnicode: value.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`),
    split: `${value.slice(0, mid)}\n${value.slice(mid)}`,
    splitCrLf: `${value.slice(0, mid)}\r\n${value.slice(mid)}`,
  };
}

const echo = (value: string) => ({
  raw: value,
  url: encodeURIComponent(value),
  b64: Buffer.from(value).toString('base64'),
  b64url: Buffer.from(value).toString('base64url'),
});

export async function startCanaryApi(opts: { accessToken: string; host?: string; validKey?: string }): Promise<CanaryApi> {
  const received: CanaryApi['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  const answer = (req: http.IncomingMessage, res: http.ServerResponse, reqBody: string) => {
    const url = new URL(req.url ?? '/', 'http://lab.invalid');
    const auth = req.headers.authorization ?? (req.headers['x-api-key'] as string | undefined) ?? null;
    const everything = `${req.url ?? ''}\n${req.rawHeaders.join('\n')}\n${reqBody}`;
    received.push({ path: url.pathname, auth, query: url.search, everything });
    const key = (auth ?? '').replace(/^(Bearer|Basic)\s+/i, '') || url.searchParams.get('api_key') || '';
    const send = (status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) =>
      res
        .writeHead(status, {
          'content-type': 'application/json',
          'x-echo-key': key,
          'x-echo-key-b64': echo(key).b64,
          'set-cookie': `session=${key}; Path=/; HttpOnly`,
          ...headers,
        })
        .end(JSON.stringify(body));
    const e = echo(key);
    const errorBody = (msg: string) => ({ error: { message: `${msg}: ${e.raw}`, url_form: e.url, b64_form: e.b64, b64url_form: e.b64url, basic: `Basic ${Buffer.from(`user:${key}`).toString('base64')}` } });

    switch (url.pathname) {
      case '/v1/echo-everything': {
        // Every header value and the body, echoed back in every transformed form, in body and headers.
        const values = [...req.rawHeaders.filter((_, i) => i % 2 === 1), reqBody, ...reqBody.split(/[&"]/)].filter((v) => v.length >= 8);
        const forms = values.map((v) => transformedEchoes(v));
        const text = forms.map((f) => Object.values(f).join(' | ')).join('\n');
        const jsonish = forms.map((f) => `{"echo":"${f.jsonSlash}","u":"${f.jsonUnicode}"}`).join('\n');
        return res
          .writeHead(401, { 'content-type': 'text/plain', 'x-echo-hex': forms.map((f) => f.hex).join(',').slice(0, 4000), 'x-echo-b64': forms.map((f) => f.b64).join(',').slice(0, 4000) })
          .end(`Incorrect API key provided\n${text}\n${jsonish}`);
      }
      case '/v1/away': {
        // A cross-origin hop: to the URL in ?to= (another lab server), keeping the method (307).
        return res.writeHead(307, { location: url.searchParams.get('to') ?? '/' }).end();
      }
      case '/v1/models':
        // The one healthy route: 200 for the valid key (when the lab has one), 401 for anything else.
        if (opts.validKey !== undefined && key === opts.validKey) return res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"lab-model","object":"model"}]}');
        return send(401, errorBody('Incorrect API key provided'));
      case '/v1/unauthorized':
        return send(401, errorBody('Incorrect API key provided'), { 'www-authenticate': `Bearer realm="lab", error="invalid_token", error_description="token ${key} unknown"` });
      case '/v1/forbidden':
        return send(403, errorBody('This key lacks the scope models.read'));
      case '/v1/redirect':
        // The server "helpfully" moves the key into the query string of the next hop.
        return send(302, {}, { location: `/v1/landing?token=${encodeURIComponent(key)}&access_token=${e.b64url}` });
      case '/v1/landing':
        return send(401, errorBody(`token ${url.searchParams.get('token') ?? ''} expired`));
      case '/v1/query':
        return send(401, { error: { message: `invalid api_key in ${url.search}`, echoed: url.searchParams.get('api_key') } });
      case '/oauth/token': {
        const basic = Buffer.from(key, 'base64').toString('utf8');
        return send(200, { access_token: opts.accessToken, token_type: 'Bearer', expires_in: 3600, debug: `client was ${basic}` });
      }
      case '/v1/oauth-api':
        return send(401, errorBody('access token rejected'));
      case '/v1/chat/completions':
        // A provider follow-up path: model_not_found (echoing the key) makes the engine read the model list, and --completion sends one more call.
        return send(404, { error: { ...errorBody('The model `lab-modl` does not exist or you do not have access to it').error, code: 'model_not_found', type: 'invalid_request_error' } });
      default:
        return send(404, { error: { message: `no route ${url.pathname}` } });
    }
  };
  const s = await listen(server, opts.host ?? '127.0.0.1');
  return { ...s, received };
}
