import path from 'node:path';
import { build } from 'esbuild';
import type { DnsBehaviour } from './dns-server.js';
import type { Netns } from './netns.js';

let bundle: Promise<string> | null = null;
function dnsBundle(): Promise<string> {
  bundle ??= (async () => {
    const out = path.resolve('node_modules/.cache/api-doctor-lab/dns-server.cjs');
    await build({ entryPoints: ['test/lab/dns-server-main.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    return out;
  })();
  return bundle;
}

/** The lab DNS (test/lab/dns-server.ts) inside a namespace on 127.0.0.1; returns "127.0.0.1:port" for --dns-server. */
export async function dnsServerInNetns(ns: Netns, zone: Record<string, DnsBehaviour>): Promise<string> {
  const js = await dnsBundle();
  const child = ns.spawn(process.execPath, [js, JSON.stringify(zone)]);
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim()));
    child.once('exit', (c) => reject(new Error(`lab DNS in ${ns.name} exited with ${c}`)));
  });
  return `127.0.0.1:${port}`;
}
