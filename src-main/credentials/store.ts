import type { CredentialPlacement, CredentialSummary } from '../common/credential.js';
import type { ProviderId } from '../common/report.js';
import type { Result } from '../common/result.js';
import type { Secret } from '../engine/secret.js';

/** A saved credential, secret included: lives only in main / the CLI process. */
export interface StoredCredential {
  info: CredentialSummary;
  secret: Secret;
}

export interface SaveInput {
  name: string;
  provider: ProviderId;
  placement: CredentialPlacement;
  secret: Secret;
}

/**
 * Saved credentials. Backends: the OS keychain (keytar), the environment (read-only, CI) and
 * memory (tests). Every method returns a Result: a locked or missing keychain is an answer, not a crash.
 */
export interface CredentialStore {
  readonly kind: 'keychain' | 'env' | 'memory';
  list(): Promise<Result<CredentialSummary[]>>;
  /** null when there is no credential of that name. */
  get(name: string): Promise<Result<StoredCredential | null>>;
  save(input: SaveInput, opts?: { overwrite?: boolean }): Promise<Result<CredentialSummary>>;
  rename(from: string, to: string): Promise<Result<CredentialSummary>>;
  /** `false` when there was nothing to delete. */
  delete(name: string): Promise<Result<boolean>>;
  /** Tests only: forget every credential of this store (its keychain service and metadata). */
  reset(): Promise<Result<void>>;
}
