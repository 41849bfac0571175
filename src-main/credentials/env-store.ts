import type { CredentialSummary } from '../common/credential.js';
import { err, ok } from '../common/result.js';
import { Secret } from '../engine/secret.js';
import type { CredentialStore } from './store.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const readOnly = () => err('forbidden', 'Credentials from the environment are read-only: set or unset the variable instead');

/**
 * Credentials from environment variables (--token-env, CI): the credential's name is the
 * variable's name. Only the variables it was given are listed, so a secret in an unrelated
 * variable never shows up, not even as a fingerprint.
 */
export function createEnvStore(env: NodeJS.ProcessEnv, listed: readonly string[] = [], provider: CredentialSummary['provider'] = 'generic'): CredentialStore {
  const at = new Date(0).toISOString();
  const summary = (name: string, value: string): CredentialSummary => ({
    name,
    provider,
    placement: { kind: 'bearer' },
    fingerprint: new Secret(value).fingerprint,
    createdAt: at,
    updatedAt: at,
  });
  return {
    kind: 'env',
    async list() {
      return ok(listed.filter((n) => ENV_NAME.test(n) && env[n]).map((n) => summary(n, env[n]!)));
    },
    async get(name) {
      if (!ENV_NAME.test(name)) return err('bad-input', `"${name.slice(0, 80)}" is not an environment variable name`);
      const v = env[name];
      if (v === undefined || v === '') return ok(null);
      return ok({ info: summary(name, v), secret: new Secret(v) });
    },
    save: async () => readOnly(),
    rename: async () => readOnly(),
    delete: async () => readOnly(),
    reset: async () => readOnly(),
  };
}
