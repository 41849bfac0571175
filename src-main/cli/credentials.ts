import { parseArgs } from 'node:util';
import type { CredentialPlacement, CredentialSummary } from '../common/credential.js';
import type { ProviderId } from '../common/report.js';
import type { AppError } from '../common/result.js';
import { createKeychainStore } from '../credentials/keychain-store.js';
import { PROVIDERS, placementSchema } from '../credentials/schema.js';
import type { CredentialStore } from '../credentials/store.js';
import { Secret } from '../engine/secret.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { parseAuth, parseTargetUrl } from './parse-diagnose.js';
import { readSecret } from './read-secret.js';

export const CREDENTIALS_USAGE = `Usage:
  api-doctor credentials list [--json]
  api-doctor credentials add <name> [--provider <id>] [--auth <where>] [--oauth-token-url <url> --oauth-client-id <id>] [--replace]
      the secret is read from stdin (printf %s "$KEY" | api-doctor credentials add NAME) or a hidden prompt, never from the command line
  api-doctor credentials rename <old> <new>
  api-doctor credentials remove <name>

Secrets live in the OS keychain (service "api-doctor"); names, providers and placements in
$XDG_CONFIG_HOME/api-doctor/credentials.json. Use one with: api-doctor diagnose URL --credential <name>
`;

export interface CredentialsCliDeps {
  openStore?: () => CredentialStore;
}

const describePlacement = (p: CredentialPlacement): string =>
  p.kind === 'header' ? `header:${p.name}` : p.kind === 'query' ? `query:${p.param}` : p.kind === 'oauth-client-credentials' ? `oauth client ${p.clientId} @ ${p.tokenUrl}` : p.kind;

/** Store failures: bad input → 2, a keychain that cannot be reached → 3 (with the --token-env hint). */
function fail(io: CliIo, e: AppError): number {
  io.stderr.write(`api-doctor: ${e.message}\n`);
  return e.kind === 'unavailable' || e.kind === 'internal' ? EXIT.internal : EXIT.usage;
}

export async function runCredentialsCli(args: string[], io: CliIo, deps: CredentialsCliDeps = {}): Promise<number> {
  try {
    return await credentialsCommand(args, io, deps);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`api-doctor: ${e.message}\n`);
    return EXIT.usage;
  }
}

async function credentialsCommand(args: string[], io: CliIo, deps: CredentialsCliDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(CREDENTIALS_USAGE);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        provider: { type: 'string' },
        auth: { type: 'string' },
        'oauth-token-url': { type: 'string' },
        'oauth-client-id': { type: 'string' },
        replace: { type: 'boolean' },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    // `--secret sk-…` / `--token …`: refuse, and say why, without echoing the value.
    if (/'--(secret|token|key|password)/.test(msg)) throw new UsageError('secrets are never taken from the command line (other users can see it, shells keep it); pipe it on stdin instead');
    throw new UsageError(msg);
  }
  const { values: v, positionals: pos } = parsed;
  const store = () => (deps.openStore ?? (() => createKeychainStore({ env: io.env })))();
  const need = (n: number, what: string) => {
    if (pos.length !== n) throw new UsageError(`credentials ${sub} takes ${what} (got ${pos.length} argument${pos.length === 1 ? '' : 's'})`);
  };

  if (sub === 'list') {
    need(0, 'no arguments');
    const r = await store().list();
    if (!r.ok) return fail(io, r.error);
    if (v.json) io.stdout.write(JSON.stringify(r.value, null, 2) + '\n');
    else io.stdout.write(formatList(r.value));
    return EXIT.ok;
  }
  if (sub === 'add') {
    need(1, 'one name');
    const provider = (v.provider ?? 'generic') as ProviderId;
    if (!PROVIDERS.includes(provider)) throw new UsageError(`--provider "${v.provider}": use one of ${PROVIDERS.join(', ')}`);
    if ((v['oauth-token-url'] === undefined) !== (v['oauth-client-id'] === undefined)) throw new UsageError('--oauth-token-url and --oauth-client-id go together');
    let placement: CredentialPlacement = v.auth !== undefined ? parseAuth(v.auth) : { kind: 'bearer' };
    if (v['oauth-token-url'] !== undefined && v['oauth-client-id'] !== undefined) {
      if (v.auth !== undefined) throw new UsageError('--auth and --oauth-* contradict each other: an OAuth credential is a client secret');
      parseTargetUrl(v['oauth-token-url']);
      placement = { kind: 'oauth-client-credentials', tokenUrl: v['oauth-token-url'], clientId: v['oauth-client-id'] };
    }
    const checked = placementSchema.safeParse(placement);
    if (!checked.success) throw new UsageError(`--auth: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    const secret = await readSecret(io, `Secret for "${pos[0]}" (input hidden): `);
    if (secret === '') throw new UsageError('the secret is empty');
    const r = await store().save({ name: pos[0]!, provider, placement, secret: new Secret(secret) }, { overwrite: v.replace ?? false });
    if (!r.ok) return fail(io, r.error);
    io.stdout.write(`saved "${r.value.name}" (${r.value.fingerprint}, ${describePlacement(r.value.placement)}) in the OS keychain\n`);
    return EXIT.ok;
  }
  if (sub === 'rename') {
    need(2, 'the old and the new name');
    const r = await store().rename(pos[0]!, pos[1]!);
    if (!r.ok) return fail(io, r.error);
    io.stdout.write(`renamed "${pos[0]}" to "${r.value.name}"\n`);
    return EXIT.ok;
  }
  if (sub === 'remove' || sub === 'delete' || sub === 'rm') {
    need(1, 'one name');
    const r = await store().delete(pos[0]!);
    if (!r.ok) return fail(io, r.error);
    if (!r.value) {
      io.stderr.write(`api-doctor: there is no credential named "${pos[0]}"\n`);
      return EXIT.usage;
    }
    io.stdout.write(`removed "${pos[0]}"\n`);
    return EXIT.ok;
  }
  throw new UsageError(`unknown credentials command "${sub}" (use list, add, rename or remove)`);
}

function formatList(list: CredentialSummary[]): string {
  if (list.length === 0) return 'no saved credentials (add one: api-doctor credentials add NAME)\n';
  const rows = list.map((c) => [c.name, c.provider, describePlacement(c.placement), c.fingerprint]);
  const header = ['NAME', 'PROVIDER', 'PLACEMENT', 'FINGERPRINT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  return [header, ...rows].map(line).join('');
}
