import type http from 'node:http';

/** Keys the lab APIs accept. Fake, but shaped like the real thing so key-format checks see them as such. */
export const LAB_KEYS = {
  openai: 'sk-proj-labLabLabLabLabLabLabLab0001',
  zhipu: '0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp',
  anthropic: 'sk-ant-api03-labLabLabLabLabLabLab-0001',
  /** OAuth client of /oauth/token. */
  oauthClient: 'lab-client',
  oauthSecret: 'lab-oauth-secret-0001',
} as const;

export type Send = (status: number, headers: http.OutgoingHttpHeaders, body?: string) => void;

export const json = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
  // Anthropic-shaped answers carry request-id instead of x-request-id.
  const id = headers['request-id'] ? {} : { 'x-request-id': `req_lab_${status}_${Date.now() % 100000}` };
  res.writeHead(status, { 'content-type': 'application/json', ...id, ...headers }).end(JSON.stringify(body));
};

const bearer = (req: http.IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

const MODELS = { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }, { id: 'gpt-4o-mini', object: 'model' }] };
const ZHIPU_MODELS = { object: 'list', data: [{ id: 'glm-4-plus', object: 'model' }, { id: 'glm-4-flash', object: 'model' }] };

/** An OpenAI-style SSE answer of `n` content chunks, ended with [DONE] unless told otherwise. */
export function sse(res: http.ServerResponse, opts: { chunks?: number; end?: 'done' | 'error' | 'cut' | 'never'; model?: string } = {}) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'req_lab_sse' });
  const n = opts.chunks ?? 2;
  for (let i = 0; i < n; i++) res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: opts.model ?? 'gpt-4o-mini', choices: [{ index: 0, delta: { content: `t${i}` } }] })}\n\n`);
  switch (opts.end ?? 'done') {
    case 'done':
      res.end('data: [DONE]\n\n');
      return;
    case 'error':
      res.end(`data: ${JSON.stringify({ error: { message: 'The server had an error processing your request.', type: 'server_error' } })}\n\n`);
      return;
    case 'cut':
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case 'never': {
      const t = setInterval(() => res.write(': keep-alive\n\n'), 100);
      res.on('close', () => clearInterval(t));
    }
  }
}

/** A fake OpenAI-compatible API under /openai/v1. Returns false when the path is not its. */
export function openaiApi(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  if (!path.startsWith('/openai/v1/')) return false;
  const key = bearer(req);
  if (!key) {
    json(res, 401, { error: { message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", type: 'invalid_request_error', param: null, code: null } });
    return true;
  }
  if (key !== LAB_KEYS.openai) {
    json(res, 401, { error: { message: `Incorrect API key provided: ${key.slice(0, 3)}****${key.slice(-4)}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    return true;
  }
  const limits = { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms' };
  if (path === '/openai/v1/models' && req.method === 'GET') json(res, 200, MODELS, limits);
  else if (path === '/openai/v1/chat/completions' && req.method === 'POST') chat(req, res, 'gpt-4o-mini');
  else json(res, 404, { error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error', param: null, code: null } });
  return true;
}

/** A fake Zhipu API (BigModel /api/paas/v4, Chinese messages, business codes). */
export function zhipuApi(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  if (!path.startsWith('/api/paas/v4/')) return false;
  const key = bearer(req);
  if (!key) {
    json(res, 401, { error: { code: '1001', message: 'Header中未收到Authentication参数，无法进行身份验证。' } });
    return true;
  }
  if (key !== LAB_KEYS.zhipu) {
    json(res, 401, { error: { code: '1000', message: '身份验证失败。' } });
    return true;
  }
  if (path === '/api/paas/v4/models' && req.method === 'GET') json(res, 200, ZHIPU_MODELS);
  else if (path === '/api/paas/v4/chat/completions' && req.method === 'POST') chat(req, res, 'glm-4-flash');
  else json(res, 404, { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path });
  return true;
}

/** Zhipu's Anthropic-compatible API (/api/anthropic): x-api-key with a Zhipu key, anthropic-version, Anthropic SSE. */
export function zhipuAnthropicApi(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  if (!path.startsWith('/api/anthropic/')) return false;
  const key = req.headers['x-api-key'] ?? bearer(req);
  if (key !== LAB_KEYS.zhipu) {
    json(res, 401, { type: 'error', error: { type: 'authentication_error', message: key ? 'invalid x-api-key' : 'x-api-key header is required' } }, { 'request-id': 'req_zhipu_anth' });
    return true;
  }
  if (!req.headers['anthropic-version']) {
    json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } }, { 'request-id': 'req_zhipu_anth' });
    return true;
  }
  if (path !== '/api/anthropic/v1/messages' || req.method !== 'POST') {
    json(res, 404, { type: 'error', error: { type: 'not_found_error', message: `Not found: ${path}` } }, { 'request-id': 'req_zhipu_anth' });
    return true;
  }
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const j = JSON.parse(body || '{}') as { stream?: boolean; model?: string };
    if (!j.stream) return json(res, 200, { id: 'msg_1', type: 'message', role: 'assistant', model: j.model ?? 'glm-4.5-air', content: [{ type: 'text', text: 'pong' }], stop_reason: 'max_tokens' }, { 'request-id': 'req_zhipu_anth' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_zhipu_anth' });
    const ev = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
    ev('message_start', { message: { id: 'msg_1', model: j.model ?? 'glm-4.5-air' } });
    ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'po' } });
    ev('message_delta', { delta: { stop_reason: 'max_tokens' } });
    ev('message_stop', {});
    res.end();
  });
  return true;
}

function chat(req: http.IncomingMessage, res: http.ServerResponse, model: string) {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    let j: { stream?: boolean; model?: string } = {};
    try {
      j = JSON.parse(body) as typeof j;
    } catch {
      json(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
      return;
    }
    if (j.stream) sse(res, { model: j.model ?? model });
    else json(res, 200, { id: 'c1', object: 'chat.completion', model: j.model ?? model, choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'length' }] });
  });
}
