import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { secretsOf, applyCredentialDefaults } from '../credentials/resolve.js';
import type { WatchDiagnosis } from '../common/watch.js';
import { watchCAs } from '../engine/clients/run-trust.js';
import { nodePlatform } from '../engine/platform.js';
import { Redactor, redactUrlWith } from '../engine/redact.js';
import { lightProbe, type LightResult } from '../engine/watch/light-probe.js';
import { runWatch, sampleLine } from '../engine/watch/run-watch.js';
import { isLoopbackBind, startMetricsServer, type MetricsServer } from '../metrics/server.js';
import { WatchMetrics } from '../metrics/watch-metrics.js';
import type { DiagnoseDeps } from './diagnose.js';
import { resolveCliCredential } from './diagnose-credential.js';
import { EXIT, oneLine, type CliIo } from './io.js';
import { LiveView, plainLine, summaryText, watchText } from './watch-view.js';
import { parseWatchArgs } from './watch-args.js';

/**
 * `api-doctor watch URL …`: a light probe every --every seconds, a full diagnosis (and bundle)
 * on the first failure and each change of root cause, a live view / plain lines / JSON lines,
 * optional Prometheus metrics. Ctrl-C (the deps' signal) ends it with the summary.
 * Exit 0 when no sample failed, 1 when one did, 2 on bad usage (contract section 8).
 */
export async function runWatchCli(args: string[], io: CliIo, deps: DiagnoseDeps = {}): Promise<number> {
  const cli = parseWatchArgs(args, io.cwd);
  const resolved = await resolveCliCredential(cli.request.credential, io.env, deps.openKeychain);
  const request = applyCredentialDefaults(cli.request, resolved);
  const secrets = secretsOf(resolved);
  const redactor = new Redactor();
  if (resolved?.secret) redactor.add(resolved.secret.reveal());
  for (const s of secrets) redactor.add(s);
  if (typeof request.proxy === 'string') redactor.addUrlCredentials(request.proxy);
  const platform = nodePlatform({ env: io.env, ...deps.platform });
  // Everything printed goes through the run's redactor: a key in the URL or a header never reaches a line.
  const out = (s: string) => io.stdout.write(redactor.scrub(s));
  const err = (s: string) => io.stderr.write(redactor.scrub(s));
  const signal = deps.signal ?? new AbortController().signal;
  const ca = await watchCAs(request, platform);

  let metrics: MetricsServer | null = null;
  const state = new WatchMetrics();
  if (cli.metrics) {
    try {
      metrics = await startMetricsServer(cli.metrics, () => state.families());
    } catch (e) {
      err(`api-doctor: --metrics ${cli.metrics.host}:${cli.metrics.port}: cannot listen (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
      return EXIT.usage;
    }
    err(`api-doctor: metrics at ${metrics.url}${isLoopbackBind(cli.metrics.host) ? '' : ' (reachable from other machines: you asked for this address)'}\n`);
  }
  if (cli.bundleDir) await mkdir(cli.bundleDir, { recursive: true, mode: 0o700 });

  const shownUrl = oneLine(redactUrlWith(redactor, request.url));
  const live = !cli.json && io.stdout.isTTY === true;
  const words = watchText(request.lang);
  const view = live ? new LiveView({ write: out }, words.title(shownUrl, cli.everyMs / 1000), request.lang) : null;
  if (!cli.json && !live) out(`${words.watching(shownUrl, cli.everyMs / 1000)}\n`);

  const diagnose = async (sample: LightResult, sig: AbortSignal): Promise<WatchDiagnosis | null> => {
    // Loaded on the first failure only: a healthy watch never pays for the whole engine.
    const { runDiagnosis } = await import('../engine/run.js');
    // Sampled as asked (default 3, not adaptively): an intermittent failure needs more than one look.
    const report = await runDiagnosis({ ...request, samplesExplicit: true }, { credential: resolved?.secret ?? null, secrets, platform, signal: sig });
    let bundle: string | null = null;
    if (cli.bundleDir) {
      const { writeBundleHook } = await import('./bundle-hook.js');
      const file = path.join(cli.bundleDir, `api-doctor-watch-${sample.at.replace(/[:.]/g, '-')}-${sample.rootCause ?? 'failure'}.zip`);
      const why = await writeBundleHook({ file, report, request, secrets, env: io.env });
      if (why === null) bundle = file;
      else err(`api-doctor: no bundle written: ${why}\n`);
    }
    return { rootCause: report.summary.rootCause, verdict: report.summary.verdict, headline: report.summary.headline, bundle };
  };

  let outcome;
  try {
    outcome = await runWatch(
      { everyMs: cli.everyMs, minIntervalMs: cli.minIntervalMs, count: cli.count, forMs: cli.forMs },
      {
        tick: (sig) => lightProbe(request, { credential: resolved?.secret ?? null, redactor, platform, ca, signal: sig }),
        diagnose,
        onSample: (s, stats) => {
          state.update(s, stats);
          if (cli.json) out(`${sampleLine(s)}\n`);
          else if (view) view.draw(stats, s);
          else out(plainLine(s, request.lang));
        },
      },
      signal,
    );
  } finally {
    await metrics?.close();
  }
  const summary = outcome.stats.summary();
  if (cli.json) out(`${JSON.stringify({ summary })}\n`);
  else out(`${outcome.stopped ? `\n${words.stopped}` : ''}${summaryText(summary, request.lang)}`);
  return summary.failures > 0 ? EXIT.failing : EXIT.ok;
}
