import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import type { CredentialSummary } from '../common/credential.js';
import { err, ok } from '../common/result.js';
import type { MetadataRepo } from './backend.js';
import { describeIssue, metadataFileSchema } from './schema.js';

/** A settings file is a few kB; anything bigger is not ours. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Credential metadata in a JSON settings file (`credentials.json`). It holds no secret, but it
 * says which services a person uses, so it is written private (0600) and replaced atomically.
 */
export function fileMetadataRepo(file: string): MetadataRepo {
  return {
    async read() {
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
        return err('unavailable', `Cannot read the credential settings ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      if (raw.length > MAX_FILE_BYTES) return err('internal', `The credential settings ${file} are too large to be ours`);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return err('internal', `The credential settings ${file} are not valid JSON; fix or delete the file (it holds no secrets)`);
      }
      const parsed = metadataFileSchema.safeParse(json);
      if (!parsed.success) return err('internal', `The credential settings ${file} are damaged (${describeIssue(parsed.error)}); fix or delete the file (it holds no secrets)`);
      return ok(parsed.data.credentials);
    },
    async write(list) {
      try {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, JSON.stringify({ version: 1, credentials: list }, null, 2) + '\n', { mode: 0o600 });
        await chmod(tmp, 0o600);
        await rename(tmp, file);
        return ok(undefined);
      } catch (e) {
        return err('unavailable', `Cannot write the credential settings ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
    },
  };
}

export function memoryMetadataRepo(initial: CredentialSummary[] = []): MetadataRepo {
  let list = structuredClone(initial);
  return {
    async read() {
      return ok(structuredClone(list));
    },
    async write(next) {
      list = structuredClone(next);
      return ok(undefined);
    },
  };
}

/**
 * Where the CLI and the app keep credential metadata, the same file for both so a key saved in
 * one is usable in the other: `$XDG_CONFIG_HOME/api-doctor` (Linux), Application Support
 * (macOS), `%APPDATA%` (Windows).
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'api-doctor');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'api-doctor');
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(xdg, 'api-doctor');
}

export const METADATA_FILE_NAME = 'credentials.json';
