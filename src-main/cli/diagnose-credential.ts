import type { CredentialRef } from '../common/request.js';
import { resolveCredential, type ResolvedCredential } from '../credentials/resolve.js';
import type { CredentialStore } from '../credentials/store.js';
import { UsageError } from './io.js';

const unusedKeychain = (): CredentialStore => {
  throw new Error('no keychain for this credential reference');
};

/**
 * --token-env / --credential → the secret, or a one-line UsageError (exit 2): a diagnosis that
 * cannot get the credential it was told to use must not silently run without it.
 */
export async function resolveCliCredential(ref: CredentialRef, env: NodeJS.ProcessEnv, openKeychain?: () => CredentialStore): Promise<ResolvedCredential | null> {
  let r;
  try {
    // The keychain (keytar, settings schema) is loaded only when a run names a saved credential.
    let keychain = openKeychain;
    if (!keychain && ref.kind === 'keychain') {
      const { createKeychainStore } = await import('../credentials/keychain-store.js');
      keychain = () => createKeychainStore({ env });
    }
    r = await resolveCredential(ref, { env, keychain: keychain ?? unusedKeychain });
  } catch (e) {
    throw new UsageError(`--credential: the OS keychain is not available (${e instanceof Error ? e.message : String(e)}); use --token-env VAR instead`);
  }
  if (r.ok) return r.value;
  const hint = ref.kind === 'keychain' && r.error.kind === 'unavailable' ? '; use --token-env VAR instead' : '';
  throw new UsageError(`${ref.kind === 'env' ? '--token-env' : '--credential'}: ${r.error.message}${hint}`);
}
