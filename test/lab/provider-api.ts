import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LAB_KEYS } from './http-api.js';

/**
 * Loopback APIs that behave like real providers in the ways the provider rules care about: the
 * model list works but a completion fails, errors inside HTTP 200, a base URL without /v1, a
 * rate-limit budget nearly spent. One server per scenario (its own port), bodies verbatim from
 * test/fixtures/providers/. Every request is logged so tests can check what the engine sent.
 */
export type ProviderScenario =
  /** OpenAI layout under /v1: list and one-token completion both work. */
  | 'openai-ok'
  /** The model list works; every completion answers 404 model_not_found. */
  | 'openai-chat-model-denied'
  /** Zhipu layout under /api/paas/v4: the list works; a completion answers HTTP 200 with code 1211. */
  | 'zhipu-200-error'
  /** An unknown API served under /v1 only; anything else is a bare 404. */
  | 'generic-v1-only'
  /** OpenAI layout; the list answers with 3 of 500 requests left. */
  | 'openai-budget-low'
  /** Every path answers one fixed answer (a fixture from test/fixtures/providers/: a CDN page, a relay error). */
  | 'fixed';

export interface FixedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON body, or text when `bodyText` is given. */
  body?: unknown;
  bodyText?: string;
}

export interface ProviderApi {
  url(path: string): string;
  /** Method, path and whether the lab key was sent, for every request received. */
  log: { method: string; path: string; keyed: boolean; body: string }[];
  close(): Promise<void>;
}

const MODELS = { object: 'list', data: [{ id: 'gpt-4o' }, { id: 'gpt-4o-mini' }, { id: 'o1' }, { id: 'text-embedding-3-small' }] };
const ZHIPU_MODELS = { object: 'list', data: [{ id: 'glm-4-plus' }, { id: 'glm-4-flash' }] };

function send(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_pl_${status}`, ...headers }).end(JSON.stringify(body));
}

function handle(scenario: ProviderScenario, req: http.IncomingMessage, body: string, res: http.ServerResponse, fixed?: FixedAnswer) {
  const path = (req.url ?? '/').split('?')[0]!;
  if (scenario === 'fixed' && fixed) {
    return res.writeHead(fixed.status, { 'content-type': 'application/json', ...fixed.headers }).end(fixed.bodyText ?? JSON.stringify(fixed.body));
  }
  const keyed = req.headers.authorization === `Bearer ${scenario.startsWith('zhipu') ? LAB_KEYS.zhipu : LAB_KEYS.openai}`;
  if (scenario === 'generic-v1-only') {
    if (!path.startsWith('/v1/')) return send(res, 404, { detail: 'Not Found' });
    if (!keyed) return send(res, 401, { detail: 'Invalid API key' });
    if (path === '/v1/models') return send(res, 200, MODELS);
    if (path === '/v1/chat/completions') return send(res, 200, { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'p' }, finish_reason: 'length' }] });
    return send(res, 404, { detail: 'Not Found' });
  }
  if (scenario === 'zhipu-200-error') {
    if (!keyed) return send(res, 401, { error: { code: '1000', message: '身份验证失败。' } });
    if (path === '/api/paas/v4/models') return send(res, 200, ZHIPU_MODELS);
    // Zhipu answers some business errors with HTTP 200 (https://docs.bigmodel.cn/cn/faq/api-code.md).
    if (path === '/api/paas/v4/chat/completions') return send(res, 200, { error: { code: '1211', message: '模型不存在，请检查模型代码。' } });
    return send(res, 404, { timestamp: '2026-11-23T20:00:00.000+00:00', status: 404, error: 'Not Found', path });
  }
  // OpenAI layout.
  if (!keyed) return send(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  const limits = scenario === 'openai-budget-low'
    ? { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '3', 'x-ratelimit-reset-requests': '54s' }
    : { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms' };
  if (path === '/v1/models' && req.method === 'GET') return send(res, 200, MODELS, limits);
  if (path === '/v1/chat/completions' && req.method === 'POST') {
    let model = 'gpt-4o-mini';
    try {
      model = (JSON.parse(body) as { model?: string }).model ?? model;
    } catch {
      return send(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error', param: null, code: null } });
    }
    if (scenario === 'openai-chat-model-denied' || !MODELS.data.some((m) => m.id === model)) {
      // Verbatim shape: https://github.com/skorokithakis/sysaidmin/issues/6
      return send(res, 404, { error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } });
    }
    return send(res, 200, { id: 'c1', object: 'chat.completion', model, choices: [{ index: 0, message: { role: 'assistant', content: 'p' }, finish_reason: 'length' }], usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 } }, limits);
  }
  // OpenAI's own answer to a path it does not serve: https://github.com/microsoft/TaskWeaver/issues/11
  return send(res, 404, { error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error', param: null, code: null } });
}

export async function startProviderApi(scenario: ProviderScenario, fixed?: FixedAnswer): Promise<ProviderApi> {
  const log: ProviderApi['log'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      if (body.length < 100_000) body += c.toString();
    });
    req.on('end', () => {
      const keyed = /Bearer (sk-proj-lab|0123456789abcdef)/.test(req.headers.authorization ?? '');
      log.push({ method: req.method ?? '', path: req.url ?? '', keyed, body });
      handle(scenario, req, body, res, fixed);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    log,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
