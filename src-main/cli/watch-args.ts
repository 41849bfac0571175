import path from 'node:path';
import { MIN_INTERVAL_MS } from '../engine/watch/schedule.js';
import { isLoopbackHost } from '../engine/net/proxy-env.js';
import { parseMetricsAddress, type MetricsAddress } from '../metrics/server.js';
import { UsageError } from './io.js';
import { parseDiagnoseArgs, type DiagnoseCli } from './parse-diagnose.js';

export interface WatchCli extends DiagnoseCli {
  everyMs: number;
  count: number | null;
  forMs: number | null;
  metrics: MetricsAddress | null;
  bundleDir: string | null;
  minIntervalMs: number;
}

/** Options only `watch` has; every other argument is a diagnose option. */
const WATCH_FLAGS = ['--every', '--count', '--for', '--metrics', '--bundle-dir', '--bench-min-interval-ms'] as const;
type WatchFlag = (typeof WATCH_FLAGS)[number];

/** `90`, `90s`, `10m`, `2h`, `1.5m` → ms. */
export function parseDuration(flag: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new UsageError(`${flag} "${raw}": write a duration like 30s, 10m or 2h`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
  if (!(ms > 0)) throw new UsageError(`${flag} "${raw}": must be more than zero`);
  return Math.round(ms);
}

/**
 * `watch <url> [diagnose options] --every <s> [--count n | --for d] [--metrics host:port]
 * [--bundle-dir dir] [--json]`. `--bench-min-interval-ms` (not in --help) lowers the 1 s floor
 * for benchmarks, and only against a loopback target: nobody else's server gets hammered.
 */
export function parseWatchArgs(args: string[], cwd: string): WatchCli {
  const own = new Map<WatchFlag, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a) as WatchFlag;
    if (!WATCH_FLAGS.includes(name)) {
      rest.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    if (own.has(name)) throw new UsageError(`${name} given twice`);
    own.set(name, value);
  }
  if (rest.includes('--bundle') || rest.some((a) => a.startsWith('--bundle='))) throw new UsageError('watch writes bundles with --bundle-dir <dir> (one per diagnosed failure), not --bundle');
  let cli: DiagnoseCli;
  try {
    cli = parseDiagnoseArgs(rest, cwd);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^diagnose /, 'watch ') : String(e));
  }
  const every = own.get('--every');
  if (every === undefined) throw new UsageError('watch needs --every <seconds>, e.g. api-doctor watch https://api.example.com/v1/models --every 30');
  const everyMs = parseDuration('--every', /^\d+(\.\d+)?$/.test(every) ? `${every}s` : every);
  const target = new URL(cli.request.url);
  let minIntervalMs = MIN_INTERVAL_MS;
  const bench = own.get('--bench-min-interval-ms');
  if (bench !== undefined) {
    if (!isLoopbackHost(target.hostname)) throw new UsageError('--bench-min-interval-ms is for benchmarks against a loopback server only');
    if (!/^\d+$/.test(bench)) throw new UsageError(`--bench-min-interval-ms needs a whole number, got "${bench}"`);
    minIntervalMs = Number(bench);
  }
  if (everyMs < minIntervalMs) throw new UsageError(`--every ${every}: at least ${minIntervalMs / 1000} s between calls (watch is polite to the API it calls)`);
  const countRaw = own.get('--count');
  const forRaw = own.get('--for');
  if (countRaw !== undefined && forRaw !== undefined) throw new UsageError('use either --count or --for, not both');
  let count: number | null = null;
  if (countRaw !== undefined) {
    if (!/^\d+$/.test(countRaw) || Number(countRaw) < 1) throw new UsageError(`--count needs a whole number of at least 1, got "${countRaw}"`);
    count = Number(countRaw);
  }
  const forMs = forRaw !== undefined ? parseDuration('--for', forRaw) : null;
  let metrics: MetricsAddress | null = null;
  const m = own.get('--metrics');
  if (m !== undefined) {
    const parsed = parseMetricsAddress(m);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    metrics = parsed;
  }
  if (cli.request.oauth) throw new UsageError('watch does not support OAuth client credentials yet: diagnose it, then watch with --token-env');
  const dir = own.get('--bundle-dir');
  return { ...cli, everyMs, count, forMs, metrics, bundleDir: dir !== undefined ? path.resolve(cwd, dir) : null, minIntervalMs };
}
