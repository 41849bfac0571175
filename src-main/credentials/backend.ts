import type { CredentialSummary } from '../common/credential.js';
import type { Result } from '../common/result.js';

/** Where secrets live: one value per account (the credential's name). */
export interface SecretBackend {
  get(account: string): Promise<Result<string | null>>;
  set(account: string, value: string): Promise<Result<void>>;
  delete(account: string): Promise<Result<boolean>>;
  /** Every account this backend holds (for reset). */
  accounts(): Promise<Result<string[]>>;
}

/** Where the rest of a credential lives (name, provider, placement, fingerprint): never the secret. */
export interface MetadataRepo {
  read(): Promise<Result<CredentialSummary[]>>;
  write(list: CredentialSummary[]): Promise<Result<void>>;
}
