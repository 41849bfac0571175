import type { CredentialPlacement, CredentialSummary } from '../../../src-main/common/credential.js';
import type { ProviderId } from '../../../src-main/common/report.js';
import { doctor } from '../api.js';

/**
 * Saved credentials as the wizard knows them: names and fingerprints only. The secret goes to
 * main once, in save(), and is never held here afterwards.
 */
export class CredentialsState {
  list: CredentialSummary[] = $state([]);
  loaded = $state(false);
  error: string | null = $state(null);
  saving = $state(false);
  lastSaved: CredentialSummary | null = $state(null);

  async load(): Promise<void> {
    try {
      const r = await doctor().listCredentials();
      if (r.ok) {
        this.list = r.value;
        this.error = null;
      } else this.error = r.error.message;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.loaded = true;
  }

  /** Saves a new key; returns its summary, or null with `error` set (in words from main). */
  async save(input: { name: string; provider: ProviderId; placement: CredentialPlacement; secret: string }): Promise<CredentialSummary | null> {
    this.saving = true;
    this.error = null;
    try {
      const r = await doctor().saveCredential({ ...input });
      if (!r.ok) {
        this.error = r.error.message;
        return null;
      }
      this.lastSaved = r.value;
      await this.load();
      return r.value;
    } finally {
      this.saving = false;
    }
  }
}

export const credentials = new CredentialsState();
