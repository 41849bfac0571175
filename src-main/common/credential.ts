import type { AuthPlacement } from './request.js';
import type { ProviderId } from './report.js';

/** Where a saved credential goes: the contract's --auth placements, or OAuth 2.0 client credentials. */
export type CredentialPlacement = AuthPlacement | { kind: 'oauth-client-credentials'; tokenUrl: string; clientId: string };

/**
 * What the renderer (and `credentials list`) may know of a saved credential: everything but the
 * secret. `fingerprint` is `sk-…9f2c`, computed when it was saved.
 */
export interface CredentialSummary {
  name: string;
  provider: ProviderId;
  placement: CredentialPlacement;
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
}

/** A new credential as the renderer sends it: the secret crosses IPC once, renderer → main, and never back. */
export interface CredentialInput {
  name: string;
  provider: ProviderId;
  placement: CredentialPlacement;
  secret: string;
  /** Replace an existing credential of the same name (otherwise saving it is refused). */
  overwrite?: boolean;
}

/** Names: what a person would type, safe as a keychain account and in a file. */
export const CREDENTIAL_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;
