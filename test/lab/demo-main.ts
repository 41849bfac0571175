import { spawn } from 'node:child_process';
import path from 'node:path';
import { closedPort, startPlainHttpServer, type LabServer } from './net-servers.js';
import { makeLabPki, startTlsServer } from './tls-servers.js';
import { startConnectProxy } from './proxy-server.js';
import { startDnsServer } from './dns-server.js';

/**
 * `npm run demo`: starts the loopback lab, runs the built CLI against a handful of faults and
 * shows exactly what a user sees. Nothing leaves this machine. `npm run demo -- --lang zh-CN`.
 */
const lang = process.argv.includes('--lang') ? (process.argv[process.argv.indexOf('--lang') + 1] ?? 'en') : 'en';
const cli = path.resolve('dist/cli/api-doctor.cjs');
// The demo must not pick up the developer's own proxy settings.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?|all|no)_proxy$/i.test(k)));

function run(title: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  process.stdout.write(`\n\x1b[1m━━━ ${title}\x1b[0m\n$ api-doctor diagnose ${args.join(' ')}\n\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'diagnose', ...args, '--lang', lang, '--timeout', '2000'], { env: { ...cleanEnv, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('close', (code) => {
      process.stdout.write(`\n(exit code ${code})\n`);
      resolve(code ?? -1);
    });
  });
}

const pki = await makeLabPki();
const servers: { close(): Promise<void> }[] = [];
const keep = <T extends LabServer | { close(): Promise<void> }>(s: T): T => (servers.push(s), s);
const healthy = keep(await startTlsServer(pki, 'healthy'));
const expired = keep(await startTlsServer(pki, 'expired'));
const wrongName = keep(await startTlsServer(pki, 'wrong-name'));
const plain = keep(await startPlainHttpServer());
const proxy407 = keep(await startConnectProxy({ kind: 'auth', scheme: 'Negotiate' }));
const dns = keep(await startDnsServer({ 'api.blocked-by-filter.com': { A: ['0.0.0.0'] } }));
const refused = await closedPort();

const codes: number[] = [];
try {
  codes.push(await run('A healthy HTTPS endpoint (the lab CA trusted with --ca-file)', [healthy.url('https', '/v1/models'), '--ca-file', pki.caFile]));
  codes.push(await run('An expired certificate', [expired.url('https', '/v1/models'), '--ca-file', pki.caFile]));
  codes.push(await run('A certificate for another name', [`https://api.lab.test:${wrongName.port}/v1/models`, '--resolve', `api.lab.test:${wrongName.port}:127.0.0.1`, '--ca-file', pki.caFile]));
  codes.push(await run('Plain HTTP on an https:// URL', [plain.url('https', '/v1/models')]));
  codes.push(await run('Nothing listening', [`https://127.0.0.1:${refused}/v1/models`]));
  codes.push(await run('A DNS filter answering 0.0.0.0', [`https://api.blocked-by-filter.com:${healthy.port}/v1/models`, '--dns-server', dns.server]));
  codes.push(await run('A company proxy asking for Kerberos (407)', [`https://api.lab.test:${healthy.port}/v1/models`], { HTTPS_PROXY: proxy407.proxyUrl() }));
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
process.stdout.write(`\nDemo done: ${codes.length} runs, exit codes ${codes.join(' ')}.\n`);
