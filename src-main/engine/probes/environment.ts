import os from 'node:os';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { isLoopbackHost } from '../net/proxy-env.js';

export interface EnvironmentData {
  os: string;
  arch: string;
  node: string;
  /** Interfaces with a non-internal address: "eth0 192.0.2.10". */
  usable: string[];
  targetIsLoopback: boolean;
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
    const data: EnvironmentData = {
      os: `${os.type()} ${os.release()}`,
      arch: process.arch,
      node: process.version,
      usable,
      targetIsLoopback: isLoopbackHost(ctx.target.hostname),
    };
    // A loopback target needs no network: only block the later stages when the target is elsewhere.
    if (usable.length === 0 && !data.targetIsLoopback) {
      return { status: 'failed', data, reason: { code: 'environment.noInterface' }, summary: { code: 'environment.offline' } };
    }
    return { status: 'ok', data, summary: usable.length > 0 ? { code: 'environment.interfaces', values: { count: usable.length } } : { code: 'environment.loopbackOnly' } };
  },
};
