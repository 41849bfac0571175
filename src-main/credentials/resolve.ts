import type { CredentialSummary } from '../common/credential.js';
import type { AuthPlacement, CredentialRef, DiagnosisRequest } from '../common/request.js';
import { err, ok, type Result } from '../common/result.js';
import { Secret } from '../engine/secret.js';
import type { CredentialStore } from './store.js';

export interface ResolvedCredential {
  secret: Secret;
  /** Metadata of a saved credential (placement, provider); null for --token-env. */
  info: CredentialSummary | null;
}

export interface ResolveDeps {
  /** Opened on first use only: a diagnosis without --credential never loads the keychain. */
  keychain: () => CredentialStore | Promise<CredentialStore>;
  env: NodeJS.ProcessEnv;
}

/** CredentialRef → the secret (and its metadata), for the CLI and the app alike. */
export async function resolveCredential(ref: CredentialRef, deps: ResolveDeps): Promise<Result<ResolvedCredential | null>> {
  if (ref.kind === 'none') return ok(null);
  if (ref.kind === 'env') {
    const v = deps.env[ref.variable];
    if (v === undefined) return err('bad-input', `The environment variable ${ref.variable} is not set`);
    if (v.trim() === '') return err('bad-input', `The environment variable ${ref.variable} is empty`);
    return ok({ secret: new Secret(v), info: null });
  }
  const store = await deps.keychain();
  const got = await store.get(ref.name);
  if (!got.ok) return got;
  if (!got.value) return err('not-found', `No saved credential is named "${ref.name.slice(0, 80)}" (see: api-doctor credentials list)`);
  return ok({ secret: got.value.secret, info: got.value.info });
}

/**
 * A saved credential knows where it goes: fill the request's --auth / OAuth / provider from it
 * unless the user said otherwise on this run.
 */
export function applyCredentialDefaults(request: DiagnosisRequest, resolved: ResolvedCredential | null): DiagnosisRequest {
  const info = resolved?.info;
  if (!info) return request;
  const out: DiagnosisRequest = { ...request };
  const p = info.placement;
  if (p.kind === 'oauth-client-credentials') {
    out.oauth ??= { tokenUrl: p.tokenUrl, clientId: p.clientId };
  } else if (!out.auth) {
    out.auth = p satisfies AuthPlacement;
  }
  if (out.provider === 'auto' && info.provider !== 'generic') out.provider = info.provider;
  return out;
}

/** Every value of a credential the redactor must know (for Basic, `user:pass` and the password alone). */
export function secretsOf(resolved: ResolvedCredential | null): string[] {
  if (!resolved) return [];
  const v = resolved.secret.reveal();
  const out = [v];
  const colon = v.indexOf(':');
  if (colon > 0) out.push(v.slice(colon + 1));
  return out;
}
