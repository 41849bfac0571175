import type { CredentialSummary } from '../common/credential.js';
import { err, ok, type Result } from '../common/result.js';
import { Secret } from '../engine/secret.js';
import type { MetadataRepo, SecretBackend } from './backend.js';
import { credentialNameSchema, describeIssue, secretSchema } from './schema.js';
import type { CredentialStore, SaveInput, StoredCredential } from './store.js';

const checkName = (name: string): Result<string> => {
  const r = credentialNameSchema.safeParse(name);
  return r.success ? ok(r.data) : err('bad-input', `Credential name "${name.slice(0, 80)}": ${describeIssue(r.error)}`);
};

/**
 * A credential store from a secret backend (keychain or memory) and a metadata repo (settings
 * file or memory). Operations run one at a time, so two saves never interleave their
 * read-modify-write of the metadata.
 */
export function metadataBackedStore(kind: 'keychain' | 'memory', backend: SecretBackend, meta: MetadataRepo, now: () => Date = () => new Date()): CredentialStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<Result<T>>): Promise<Result<T>> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next.catch((e: unknown) => err('internal', e instanceof Error ? e.message : String(e)));
  };

  return {
    kind,
    list: () => serial(() => meta.read()),

    get: (name) =>
      serial(async (): Promise<Result<StoredCredential | null>> => {
        const list = await meta.read();
        if (!list.ok) return list;
        const info = list.value.find((c) => c.name === name);
        if (!info) return ok(null);
        const secret = await backend.get(name);
        if (!secret.ok) return secret;
        if (secret.value === null) return err('not-found', `The keychain no longer holds the secret of "${name}" (removed outside API Doctor?): save it again`);
        return ok({ info, secret: new Secret(secret.value) });
      }),

    save: (input: SaveInput, opts = {}) =>
      serial(async (): Promise<Result<CredentialSummary>> => {
        const name = checkName(input.name);
        if (!name.ok) return name;
        const value = secretSchema.safeParse(input.secret.reveal());
        if (!value.success) return err('bad-input', `The secret of "${name.value}": ${describeIssue(value.error)}`);
        const list = await meta.read();
        if (!list.ok) return list;
        const existing = list.value.find((c) => c.name === name.value);
        if (existing && !opts.overwrite) return err('bad-input', `A credential named "${name.value}" already exists: choose another name or replace it`);
        const stamp = now().toISOString();
        const info: CredentialSummary = {
          name: name.value,
          provider: input.provider,
          placement: input.placement,
          fingerprint: input.secret.fingerprint,
          createdAt: existing?.createdAt ?? stamp,
          updatedAt: stamp,
        };
        // Secret first: metadata without a secret would list a credential that cannot be used.
        const stored = await backend.set(name.value, value.data);
        if (!stored.ok) return stored;
        const written = await meta.write([...list.value.filter((c) => c.name !== name.value), info]);
        if (!written.ok) {
          if (!existing) await backend.delete(name.value);
          return written;
        }
        return ok(info);
      }),

    rename: (from, to) =>
      serial(async (): Promise<Result<CredentialSummary>> => {
        const target = checkName(to);
        if (!target.ok) return target;
        const list = await meta.read();
        if (!list.ok) return list;
        const info = list.value.find((c) => c.name === from);
        if (!info) return err('not-found', `There is no credential named "${from.slice(0, 80)}"`);
        if (from === target.value) return ok(info);
        if (list.value.some((c) => c.name === target.value)) return err('bad-input', `A credential named "${target.value}" already exists`);
        const secret = await backend.get(from);
        if (!secret.ok) return secret;
        if (secret.value === null) return err('not-found', `The keychain no longer holds the secret of "${from}": save it again`);
        const moved = await backend.set(target.value, secret.value);
        if (!moved.ok) return moved;
        const renamed: CredentialSummary = { ...info, name: target.value, updatedAt: now().toISOString() };
        const written = await meta.write(list.value.map((c) => (c.name === from ? renamed : c)));
        if (!written.ok) {
          await backend.delete(target.value);
          return written;
        }
        await backend.delete(from);
        return ok(renamed);
      }),

    delete: (name) =>
      serial(async (): Promise<Result<boolean>> => {
        const list = await meta.read();
        if (!list.ok) return list;
        const known = list.value.some((c) => c.name === name);
        const removed = await backend.delete(name);
        if (!removed.ok) return removed;
        if (known) {
          const written = await meta.write(list.value.filter((c) => c.name !== name));
          if (!written.ok) return written;
        }
        return ok(known || removed.value);
      }),

    reset: () =>
      serial(async (): Promise<Result<void>> => {
        const accounts = await backend.accounts();
        if (!accounts.ok) return accounts;
        for (const a of accounts.value) {
          const r = await backend.delete(a);
          if (!r.ok) return r;
        }
        return meta.write([]);
      }),
  };
}
