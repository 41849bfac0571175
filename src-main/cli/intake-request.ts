import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../common/report.js';
import { validateDiagnosisRequest } from '../common/request-schema.js';
import { Redactor } from '../engine/redact.js';
import { Secret } from '../engine/secret.js';
import { buildRequest, type IntakeRequest } from '../intake/curl/build.js';
import { previewLines, previewOf } from '../intake/curl/describe.js';
import { CurlParseError, parseCurlArgs, parseCurlCommand } from '../intake/curl/parse.js';
import { UsageError } from './io.js';
import { scrubCommandError } from '../intake/scrub.js';
import { wellFormed } from '../intake/well-formed.js';
import { parseDiagnoseArgs, type DiagnoseCli } from './parse-diagnose.js';
import { redactTyped } from './redact-typed.js';

/** A diagnosis whose call came from an artifact (a curl command, a HAR entry): the request plus what to keep secret. */
export interface IntakeCli extends DiagnoseCli {
  /** The credential taken out of the call (a key in the URL), placed by `request.auth`. */
  credential: Secret | null;
  /** Every secret value the artifact carried: the run's redactor learns them. */
  secrets: string[];
  /** What was understood, secrets masked: printed on stderr before the run. */
  understood: string[];
}

/** A body file for -d @file: a regular file of bounded size (the same cap as diagnose -d @file). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBodyFile(cwd: string): (file: string) => string {
  return (file) => {
    const full = path.resolve(cwd, file);
    let size: number;
    try {
      const st = statSync(full);
      if (!st.isFile()) throw new UsageError(`@${file} is not a regular file`);
      size = st.size;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot read @${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (size > MAX_BODY_BYTES) throw new UsageError(`@${file} is ${size} bytes, more than the ${MAX_BODY_BYTES} a request body may have`);
    return readFileSync(full, 'utf8');
  };
}

/** Diagnose options given next to --from-curl / --from-har that decide a field the artifact also decides. */
const OVERRIDES: Record<string, string[]> = {
  method: ['-X', '--method'],
  body: ['-d', '--data'],
  proxy: ['--proxy', '--no-proxy'],
  caFile: ['--ca-file'],
  timeout: ['--timeout'],
};
const given = (rest: string[], field: string) => rest.some((a) => OVERRIDES[field]!.some((f) => a === f || a.startsWith(`${f}=`)));

/**
 * An IntakeRequest + the other diagnose options → the DiagnosisRequest, validated by the same
 * parser as `diagnose URL …` (so a bad header or --resolve from a pasted command is refused with
 * the same one-line reason). Options given explicitly next to the artifact win over it.
 */
export function intakeToCli(intake: IntakeRequest, rest: string[], cwd: string): IntakeCli {
  const redactor = new Redactor();
  for (const s of intake.secrets) redactor.add(wellFormed(s));
  if (intake.queryKey) redactor.add(wellFormed(intake.queryKey.value));
  try {
    const args: string[] = [intake.url];
    if (!given(rest, 'method')) args.push('-X', intake.method);
    for (const h of intake.headers) args.push('-H', `${h.name}: ${h.value}`);
    if (!given(rest, 'proxy')) {
      if (intake.proxy === null) args.push('--no-proxy');
      else if (intake.proxy !== undefined) args.push('--proxy', intake.proxy);
    }
    if (intake.caFile !== undefined && !given(rest, 'caFile')) args.push('--ca-file', intake.caFile);
    for (const r of intake.resolve) args.push('--resolve', r);
    for (const d of intake.dnsServers) args.push('--dns-server', d);
    if (intake.timeoutMs !== undefined && !given(rest, 'timeout')) args.push('--timeout', String(intake.timeoutMs));
    const cli = parseDiagnoseArgs([...args, ...rest], cwd);
    const request = { ...cli.request };
    if (intake.body !== undefined && !given(rest, 'body')) request.body = intake.body;
    if (intake.insecure) request.insecure = true;
    let credential: Secret | null = null;
    if (intake.queryKey && request.credential.kind === 'none' && request.auth === undefined) {
      credential = new Secret(intake.queryKey.value);
      request.auth = { kind: 'query', param: intake.queryKey.param };
    }
    // The fields laid on after parsing (the command's body, -k, a key from the URL) pass the same
    // schema as every face: a body over the limit (two -d @file joined) is refused in one line.
    const checked = validateDiagnosisRequest(request, request.lang);
    if (!checked.ok) throw new UsageError(redactTyped(checked.error.message));
    const understood = previewLines(previewOf(intake, request.lang), request.lang).map((l) => redactor.scrub(l));
    return { ...cli, request: checked.value, credential, secrets: [...intake.secrets, ...(intake.queryKey ? [intake.queryKey.value] : [])], understood };
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(redactor.scrub(e.message));
    throw e;
  }
}

/** Reads curl's words (or a pasted command) into an IntakeRequest; every refusal is a UsageError with secrets scrubbed. */
export function curlToIntake(source: { command: string } | { args: string[] }, cwd: string, env: NodeJS.ProcessEnv = {}): IntakeRequest {
  const text = 'command' in source ? source.command : source.args.join(' ');
  try {
    // A pasted command is expanded as the user's shell would ($OPENAI_API_KEY from the docs); the drop-in's words already were.
    const call = 'command' in source ? parseCurlCommand(source.command, (name) => env[name]) : parseCurlArgs(source.args);
    return buildRequest(call, { readFile: readBodyFile(cwd), extractQueryKey: true });
  } catch (e) {
    if (e instanceof CurlParseError || e instanceof UsageError) throw new UsageError(scrubCommandError(`curl command: ${e.message}`, text));
    throw e;
  }
}

export const langOf = (rest: string[]): Lang => {
  const i = rest.indexOf('--lang');
  return (i >= 0 && rest[i + 1] === 'zh-CN') || rest.includes('--lang=zh-CN') ? 'zh-CN' : 'en';
};
