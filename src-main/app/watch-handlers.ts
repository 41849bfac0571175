import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { JsonValue, Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import { err, ok, type Result } from '../common/result.js';
import type { WatchSample, WatchState } from '../common/watch.js';
import { resolveCredential, secretsOf, type ResolvedCredential } from '../credentials/resolve.js';
import type { CredentialStore } from '../credentials/store.js';
import { watchCAs } from '../engine/clients/run-trust.js';
import { nodePlatform } from '../engine/platform.js';
import { Redactor } from '../engine/redact.js';
import { runDiagnosis, type RunOptions } from '../engine/run.js';
import { lightProbe } from '../engine/watch/light-probe.js';
import { runWatch } from '../engine/watch/run-watch.js';
import { MIN_INTERVAL_MS } from '../engine/watch/schedule.js';
import { WatchStats } from '../engine/watch/stats.js';
import type { CallContext, HandlerTable } from './handlers.js';
import { buildWatchBundle } from './watch-export.js';

export interface WatchDeps {
  /** A run of this window by id (diagnosis-handlers' `exposeRuns`). */
  runOf(runId: string): { request: DiagnosisRequest; report: Report | null } | null;
  credentialStore?: () => CredentialStore;
  engine?: Pick<RunOptions, 'platform' | 'probes' | 'rules'>;
  env?: NodeJS.ProcessEnv;
  /** environment.json for the bundle; `target` is the watched URL (proxy choice for it). */
  environment: (target?: string) => Promise<{ [k: string]: JsonValue }>;
  chooseBundleSavePath: (defaultName: string) => Promise<string | null>;
  /** Tests lower the 1 s floor (against their own loopback lab only). */
  minIntervalMs?: number;
}

/** Samples kept per watch for the chart and the export; older ones are dropped (figures keep counting). */
export const KEEP_SAMPLES = 2000;
/** Full diagnoses kept per watch (each is a report of a few kB). */
const KEEP_DIAGNOSES = 20;
/** Watches at once: each is a request every few seconds to somebody's API. */
const MAX_WATCHES = 2;

interface Session {
  request: DiagnosisRequest;
  baseReport: Report | null;
  credential: ResolvedCredential | null;
  everyMs: number;
  stats: WatchStats;
  /** Samples by index (index = position since the start; the first `dropped` are gone). */
  samples: WatchSample[];
  dropped: number;
  diagnoses: Map<number, Report>;
  controller: AbortController | null;
}

const idSchema = z.string().uuid();
const everySchema = z.number().finite().min(1).max(3600);
const indexSchema = z.number().int().min(0);

export function watchHandlers(deps: WatchDeps): Pick<HandlerTable, 'startWatch' | 'stopWatch' | 'resumeWatch' | 'watchDiagnosis' | 'exportWatch'> {
  const sessions = new Map<string, Session>();
  const env = deps.env ?? process.env;
  const platform = nodePlatform({ env, ...deps.engine?.platform });

  const run = (ctx: CallContext, watchId: string, s: Session) => {
    const controller = new AbortController();
    s.controller = controller;
    const secrets = secretsOf(s.credential);
    const redactor = new Redactor();
    for (const x of secrets) redactor.add(x);
    ctx.emit('watch', { watchId, kind: 'state', state: 'running', summary: s.stats.summary() });
    void (async () => {
      const ca = await watchCAs(s.request, platform);
      await runWatch(
        { everyMs: s.everyMs, minIntervalMs: Math.min(s.everyMs, deps.minIntervalMs ?? MIN_INTERVAL_MS), count: null, forMs: null },
        {
          stats: s.stats,
          tick: (signal) => lightProbe(s.request, { credential: s.credential?.secret ?? null, redactor, platform, ca, signal }),
          diagnose: async (_sample, signal) => {
            const report = await runDiagnosis({ ...s.request, samplesExplicit: true }, { ...deps.engine, platform, signal, credential: s.credential?.secret ?? null, secrets });
            // Keyed by the index the sample is about to get.
            s.diagnoses.set(s.dropped + s.samples.length, report);
            while (s.diagnoses.size > KEEP_DIAGNOSES) s.diagnoses.delete(s.diagnoses.keys().next().value!);
            return { rootCause: report.summary.rootCause, verdict: report.summary.verdict, headline: report.summary.headline, bundle: null };
          },
          onSample: (sample, stats) => {
            const { retryAfterMs: _r, certExpiry: _c, ...plain } = sample;
            void _r;
            void _c;
            const clean = redactor.scrubDeep(plain) as WatchSample;
            s.samples.push(clean);
            if (s.samples.length > KEEP_SAMPLES) {
              s.samples.shift();
              s.dropped++;
            }
            ctx.emit('watch', { watchId, kind: 'sample', index: s.dropped + s.samples.length - 1, sample: clean, summary: stats.summary() });
          },
        },
        controller.signal,
      ).catch(() => undefined);
      if (s.controller === controller) s.controller = null;
      ctx.emit('watch', { watchId, kind: 'state', state: 'stopped' satisfies WatchState, summary: s.stats.summary() });
    })();
  };

  return {
    async startWatch(ctx, rawRunId, rawEvery) {
      const runId = z.string().uuid().safeParse(rawRunId);
      const every = everySchema.safeParse(rawEvery);
      if (!runId.success || !every.success) return err('bad-input', 'Watch needs a finished run and an interval of 1 to 3600 seconds');
      const found = deps.runOf(runId.data);
      if (!found) return err('not-found', 'That diagnosis is no longer available: run it again, then watch it');
      if ([...sessions.values()].filter((x) => x.controller).length >= MAX_WATCHES) return err('unavailable', `At most ${MAX_WATCHES} watches run at once: stop one first`);
      let credential: Result<ResolvedCredential | null>;
      try {
        credential = await resolveCredential(found.request.credential, { keychain: deps.credentialStore ?? (() => Promise.reject(new Error('no keychain'))), env });
      } catch (e) {
        return err('unavailable', `The OS keychain could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!credential.ok) return credential;
      if (found.request.oauth) return err('unavailable', 'Watching an OAuth client-credentials call is not supported yet');
      const watchId = randomUUID();
      const s: Session = { request: found.request, baseReport: found.report, credential: credential.value, everyMs: Math.round(every.data * 1000), stats: new WatchStats(), samples: [], dropped: 0, diagnoses: new Map(), controller: null };
      sessions.set(watchId, s);
      run(ctx, watchId, s);
      return ok({ watchId });
    },

    async stopWatch(_ctx, rawId) {
      const id = idSchema.safeParse(rawId);
      if (!id.success) return err('bad-input', 'Unknown watch: the id is malformed');
      const s = sessions.get(id.data);
      if (!s?.controller) return ok({ stopped: false });
      s.controller.abort();
      s.controller = null;
      return ok({ stopped: true });
    },

    async resumeWatch(ctx, rawId) {
      const id = idSchema.safeParse(rawId);
      if (!id.success) return err('bad-input', 'Unknown watch: the id is malformed');
      const s = sessions.get(id.data);
      if (!s) return err('not-found', 'That watch is no longer available');
      if (s.controller) return ok({ resumed: false });
      if ([...sessions.values()].filter((x) => x.controller).length >= MAX_WATCHES) return err('unavailable', `At most ${MAX_WATCHES} watches run at once: stop one first`);
      run(ctx, id.data, s);
      return ok({ resumed: true });
    },

    async watchDiagnosis(_ctx, rawId, rawIndex) {
      const id = idSchema.safeParse(rawId);
      const index = indexSchema.safeParse(rawIndex);
      if (!id.success || !index.success) return err('bad-input', 'Watch diagnosis needs a watch id and a sample number');
      const s = sessions.get(id.data);
      if (!s) return err('not-found', 'That watch is no longer available');
      // The sample's own diagnosis, else the latest one before it for the same root cause (repeats are not re-diagnosed).
      const sample = s.samples[index.data - s.dropped];
      for (let i = index.data; i >= s.dropped; i--) {
        const r = s.diagnoses.get(i);
        if (r && (i === index.data || (sample && !sample.ok && s.samples[i - s.dropped]?.rootCause === sample.rootCause))) return ok(r);
      }
      return ok(null);
    },

    async exportWatch(_ctx, rawId) {
      const id = idSchema.safeParse(rawId);
      if (!id.success) return err('bad-input', 'Unknown watch: the id is malformed');
      const s = sessions.get(id.data);
      if (!s) return err('not-found', 'That watch is no longer available');
      const latest = [...s.diagnoses.values()].at(-1) ?? s.baseReport;
      if (!latest) return err('unavailable', 'Nothing to export yet: the watched run has no report');
      const target = await deps.chooseBundleSavePath(`api-doctor-watch-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`);
      if (!target) return ok({ saved: false, fileName: null, bytes: 0 });
      const file = target.toLowerCase().endsWith('.zip') ? target : `${target}.zip`;
      try {
        const zip = buildWatchBundle({ report: latest, samples: s.samples, summary: s.stats.summary(), environment: await deps.environment(s.request.url), secrets: secretsOf(s.credential) });
        await writeFile(file, zip, { mode: 0o600 });
        return ok({ saved: true, fileName: path.basename(file), bytes: zip.length });
      } catch (e) {
        return err('unavailable', `Could not write the bundle: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`);
      }
    },
  };
}
