import { z } from 'zod';
import type { CredentialSummary } from '../common/credential.js';
import { err, ok, type Result } from '../common/result.js';
import { credentialInputSchema, credentialNameSchema, describeIssue } from '../credentials/schema.js';
import type { CredentialStore } from '../credentials/store.js';
import { Secret } from '../engine/secret.js';
import type { HandlerTable } from './handlers.js';

export interface CredentialDeps {
  /** Opened on first use: the keychain (keytar) loads only when the user touches credentials. */
  credentialStore: () => CredentialStore;
}

const nameArg = z.string().max(200);
const bad = (what: string, e: z.ZodError) => err('bad-input', `${what}: ${describeIssue(e)}`);

/** Only summaries go back: a fingerprint, never a secret. Built field by field so nothing else slips through. */
const summary = (c: CredentialSummary): CredentialSummary => ({
  name: c.name,
  provider: c.provider,
  placement: c.placement,
  fingerprint: c.fingerprint,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export function credentialHandlers(deps: CredentialDeps): Pick<HandlerTable, 'listCredentials' | 'saveCredential' | 'renameCredential' | 'deleteCredential'> {
  return {
    async listCredentials(): Promise<Result<CredentialSummary[]>> {
      const r = await deps.credentialStore().list();
      return r.ok ? ok(r.value.map(summary)) : r;
    },
    async saveCredential(_ctx, input): Promise<Result<CredentialSummary>> {
      const parsed = credentialInputSchema.safeParse(input);
      // The message names the field, never echoes the value (it may be the secret).
      if (!parsed.success) return bad('Cannot save this credential', parsed.error);
      const { name, provider, placement, secret, overwrite } = parsed.data;
      const r = await deps.credentialStore().save({ name, provider, placement, secret: new Secret(secret) }, { overwrite: overwrite ?? false });
      return r.ok ? ok(summary(r.value)) : r;
    },
    async renameCredential(_ctx, from, to): Promise<Result<CredentialSummary>> {
      const f = nameArg.safeParse(from);
      if (!f.success) return bad('Cannot rename', f.error);
      const t = credentialNameSchema.safeParse(to);
      if (!t.success) return bad('Cannot rename to this name', t.error);
      const r = await deps.credentialStore().rename(f.data, t.data);
      return r.ok ? ok(summary(r.value)) : r;
    },
    async deleteCredential(_ctx, name): Promise<Result<{ deleted: boolean }>> {
      const n = nameArg.safeParse(name);
      if (!n.success) return bad('Cannot delete', n.error);
      const r = await deps.credentialStore().delete(n.data);
      return r.ok ? ok({ deleted: r.value }) : r;
    },
  };
}
