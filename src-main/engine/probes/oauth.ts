import { readTokenAnswer, type OAuthData } from '../auth/oauth.js';
import { baseHeaders, exchangeInput } from '../http/call.js';
import { exchange } from '../http/exchange.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { Secret } from '../secret.js';
import { httpBudget } from './http.js';

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): trades the client id and secret (the run's
 * credential) for an access token, which the http probe then sends. Always `ok`: a refusal is
 * data for the auth rules (OAUTH_TOKEN_REQUEST_FAILED), and the call still runs without a token
 * so the later stages say what they can.
 */
export const oauthProbe: Probe<OAuthData> = {
  id: PROBE_IDS.oauth,
  stage: 'auth',
  dependsOn: [PROBE_IDS.proxy],
  budgetMs: (r) => httpBudget(r.timeoutMs),
  notApplicable: (r) => (r.oauth ? null : { code: 'oauth.notApplicable' }),
  async run(ctx) {
    const o = ctx.request.oauth!;
    const data: OAuthData = { tokenUrl: o.tokenUrl, token: null, status: null, error: null, errorDescription: null, networkError: null, tokenType: null, expiresIn: null };
    if (!ctx.credential) {
      data.error = 'no_client_secret';
      return { status: 'ok', data, summary: { code: 'oauth.noSecret' } };
    }
    // client_secret_basic: every token endpoint must support it (RFC 6749 §2.3.1).
    const basic = Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(ctx.credential.reveal())}`).toString('base64');
    ctx.redactor.add(basic);
    const body = 'grant_type=client_credentials';
    const headers = baseHeaders([{ name: 'authorization', value: `Basic ${basic}` }], [], body);
    const out = await exchange(await exchangeInput(ctx, { method: 'POST', url: new URL(o.tokenUrl), headers, body }));
    const ans = out.body ? readTokenAnswer(out.body.text) : null;
    if (ans?.accessToken) ctx.redactor.add(ans.accessToken);
    ctx.recordExchange(out.record);
    data.status = out.status;
    if (out.error || out.status === null) {
      data.networkError = out.error?.code ?? out.error?.errno ?? 'error';
      return { status: 'ok', data, summary: { code: 'oauth.requestFailed', values: { error: out.error?.message ?? null } } };
    }
    if (out.status >= 200 && out.status < 300 && ans?.accessToken) {
      data.token = new Secret(ans.accessToken);
      data.tokenType = ans.tokenType;
      data.expiresIn = ans.expiresIn;
      return { status: 'ok', data, summary: { code: 'oauth.issued', values: { tokenType: ans.tokenType ?? null, expiresIn: ans.expiresIn ?? null } } };
    }
    data.error = ans?.error ?? (out.status < 300 ? 'no_access_token' : `http_${out.status}`);
    data.errorDescription = ans?.errorDescription ?? null;
    return { status: 'ok', data, summary: { code: 'oauth.refused', values: { status: out.status, error: data.error ?? null } } };
  },
};
