import { ok } from '../common/result.js';
import type { SecretBackend } from './backend.js';
import { memoryMetadataRepo } from './metadata-file.js';
import { metadataBackedStore } from './metadata-store.js';
import type { CredentialStore } from './store.js';

/** Secrets in a Map: for tests, never for real use. */
export function memorySecretBackend(): SecretBackend & { peek(): ReadonlyMap<string, string> } {
  const map = new Map<string, string>();
  return {
    async get(account) {
      return ok(map.get(account) ?? null);
    },
    async set(account, value) {
      map.set(account, value);
      return ok(undefined);
    },
    async delete(account) {
      return ok(map.delete(account));
    },
    async accounts() {
      return ok([...map.keys()]);
    },
    peek: () => map,
  };
}

export function createMemoryStore(): CredentialStore {
  return metadataBackedStore('memory', memorySecretBackend(), memoryMetadataRepo());
}
