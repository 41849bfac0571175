import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SERVICE, keytarBackend, type KeytarOptions } from './keytar-backend.js';
import { METADATA_FILE_NAME, defaultConfigDir, fileMetadataRepo } from './metadata-file.js';
import { metadataBackedStore } from './metadata-store.js';
import type { CredentialStore } from './store.js';

export interface KeychainStoreOptions extends KeytarOptions {
  /** The settings file for metadata; default: `<config dir>/api-doctor/credentials.json`. */
  metadataFile?: string;
}

/**
 * The real store: secrets in the OS keychain under service `api-doctor`, metadata in the settings
 * file. `API_DOCTOR_KEYCHAIN_SERVICE` moves both to a separate namespace (tests, a second profile)
 * without touching the user's own entries.
 */
export function createKeychainStore(opts: KeychainStoreOptions = {}): CredentialStore {
  const env = opts.env ?? process.env;
  const override = env.API_DOCTOR_KEYCHAIN_SERVICE && /^[\w.-]{1,64}$/.test(env.API_DOCTOR_KEYCHAIN_SERVICE) ? env.API_DOCTOR_KEYCHAIN_SERVICE : undefined;
  const service = opts.service ?? override ?? DEFAULT_SERVICE;
  const fileName = service === DEFAULT_SERVICE ? METADATA_FILE_NAME : `credentials.${service}.json`;
  const metadataFile = opts.metadataFile ?? path.join(defaultConfigDir(env, opts.platform ?? process.platform, os.homedir()), fileName);
  return metadataBackedStore('keychain', keytarBackend({ ...opts, service, env }), fileMetadataRepo(metadataFile));
}
