import os from 'node:os';
import { stat } from 'node:fs/promises';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { isLoopbackHost } from '../net/proxy-env.js';
import { readSystemFile } from '../platform.js';
import { detectContainer, type ContainerInfo } from '../env/container.js';
import { hasPemCertificate, lintEnvironment, verifyDisabledSources, type EnvIssue } from '../env/lint.js';
import { KEY_VARIABLES } from '../env/known-variables.js';

export interface EnvironmentData {
  os: string;
  arch: string;
  node: string;
  /** Interfaces with a non-internal address: "eth0 192.0.2.10". */
  usable: string[];
  targetIsLoopback: boolean;
  /** Set when this runs inside a container (and what said so): a loopback proxy then means the container itself. */
  container?: ContainerInfo | null;
  /** Variables set in a way that cannot work (ENV_CONFIG_SUSPECT). Names and problems only, never values. */
  envIssues?: EnvIssue[];
  /** Why some client here skips certificate checks (ENV_TLS_VERIFY_DISABLED): "NODE_TLS_REJECT_UNAUTHORIZED=0", "curl -k"… */
  verifyDisabled?: string[];
}

/** Is this machine on a network at all? Reads the interface list the platform gives (injected in tests). */
export const environmentProbe: Probe<EnvironmentData> = {
  id: PROBE_IDS.environment,
  stage: 'environment',
  dependsOn: [],
  async run(ctx) {
    const ifaces = ctx.platform.networkInterfaces();
    const usable: string[] = [];
    for (const [name, list] of Object.entries(ifaces)) {
      for (const a of list ?? []) {
        // Link-local IPv6 alone does not reach anything beyond the link.
        if (!a.internal && !(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:'))) usable.push(`${name} ${a.address}`);
      }
    }
    const read = ctx.platform.readSystemFile ?? readSystemFile;
    const env = ctx.platform.env;
    // Keys in the environment are secrets of this run whether or not it uses them: evidence shows fingerprints only.
    for (const k of KEY_VARIABLES) ctx.redactor.add(env[k]?.trim());
    const home = env.HOME ?? env.USERPROFILE;
    const [container, envIssues, curlrc] = await Promise.all([detectContainer(read), envIssuesOf(env, read), home ? read(`${home}/.curlrc`) : Promise.resolve(null)]);
    const data: EnvironmentData = {
      os: `${os.type()} ${os.release()}`,
      arch: process.arch,
      node: process.version,
      usable,
      targetIsLoopback: isLoopbackHost(ctx.target.hostname),
      container,
      envIssues,
      verifyDisabled: verifyDisabledSources(env, ctx.request.insecure === true, curlrc),
    };
    // A loopback target needs no network: only block the later stages when the target is elsewhere.
    if (usable.length === 0 && !data.targetIsLoopback) {
      return { status: 'failed', data, reason: { code: 'environment.noInterface' }, summary: { code: 'environment.offline' } };
    }
    return { status: 'ok', data, summary: usable.length > 0 ? { code: 'environment.interfaces', values: { count: usable.length } } : { code: 'environment.loopbackOnly' } };
  },
};

/** The environment lint, with the CA files it names read from disk. */
async function envIssuesOf(env: NodeJS.ProcessEnv, read: (p: string) => Promise<string | null>): Promise<EnvIssue[]> {
  const { issues, caFiles, caDirs } = lintEnvironment(env);
  for (const f of caFiles) {
    const text = await read(f.path);
    if (text === null) issues.push({ variable: f.variable, problem: 'ca-missing', path: f.path });
    else if (!hasPemCertificate(text)) issues.push({ variable: f.variable, problem: 'ca-no-certificate', path: f.path });
  }
  for (const d of caDirs) {
    const ok = await stat(d.path).then((s) => s.isDirectory()).catch(() => false);
    if (!ok) issues.push({ variable: d.variable, problem: 'ca-dir-missing', path: d.path });
  }
  return issues;
}
