import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../common/report.js';
import type { CredentialRef, DiagnosisRequest } from '../common/request.js';
import { err, ok, type Result } from '../common/result.js';
import { STAGES, type StageId } from '../common/stages.js';
import type { Probe } from '../engine/probe.js';
import { PROBES } from '../engine/probes/index.js';
import { runDiagnosis, type RunOptions } from '../engine/run.js';
import { applyCredentialDefaults, resolveCredential, secretsOf, type ResolvedCredential } from '../credentials/resolve.js';
import type { CredentialStore } from '../credentials/store.js';
import { mergeRerun } from './diagnosis-report.js';
import { envCredentialRefusal } from '../common/env-credential-policy.js';
import { parseDiagnosisRequest, runIdSchema, stageSchema } from './diagnosis-schema.js';
import type { CallContext, HandlerTable } from './handlers.js';

export interface DiagnosisDeps {
  /** Shows the OS "open file" dialog for a PEM file; null when the user cancelled. */
  chooseCaFile(): Promise<string | null>;
  /** The saved credentials (OS keychain), opened on first use; without it only `none` and `env` resolve. */
  credentialStore?: () => CredentialStore;
  /** Engine options for tests and the app's platform adapters (OS proxy, trust store). */
  engine?: Pick<RunOptions, 'platform' | 'probes' | 'rules'>;
  env?: NodeJS.ProcessEnv;
  /** Receives a lookup of runs by id (watch mode watches a finished run's request). */
  exposeRuns?: (get: (runId: string) => { request: DiagnosisRequest; report: Report | null } | null) => void;
}

/** Finished runs kept for "re-run this step"; older ones are forgotten (a report is small, a few kB). */
const KEEP_FINISHED_RUNS = 20;
/** A diagnosis is a few sockets; more at once is a UI bug, and would skew each other's timings. */
const MAX_ACTIVE_RUNS = 4;

interface RunRecord {
  request: DiagnosisRequest;
  controller: AbortController;
  report: Report | null;
}

/** CredentialRef → secret and metadata, in main only: the renderer never sees a secret. */
function credentialResolver(deps: DiagnosisDeps) {
  const env = deps.env ?? process.env;
  return async (ref: CredentialRef): Promise<Result<ResolvedCredential | null>> => {
    const store = deps.credentialStore;
    if (ref.kind === 'keychain' && !store) return err('unavailable', 'Saved credentials (the OS keychain) are not available here');
    if (ref.kind === 'env') {
      const refused = envCredentialRefusal(ref.variable, ref.confirmed === true);
      if (refused) return err('bad-input', refused);
    }
    try {
      return await resolveCredential(ref, { keychain: store ?? (() => Promise.reject(new Error('no keychain'))), env });
    } catch (e) {
      // Opening the keychain can fail (no Secret Service on Linux): say so in words.
      return err('unavailable', `The OS keychain could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** Probes of `stages` and everything they depend on, transitively: what a re-run of one step needs. */
export function probesFor(all: readonly Probe[], stages: ReadonlySet<StageId>): Probe[] {
  const byId = new Map(all.map((p) => [p.id, p]));
  const chosen = new Set<string>();
  const add = (p: Probe) => {
    if (chosen.has(p.id)) return;
    chosen.add(p.id);
    for (const d of p.dependsOn) {
      const dep = byId.get(d);
      if (dep) add(dep);
    }
  };
  for (const p of all) if (stages.has(p.stage)) add(p);
  return all.filter((p) => chosen.has(p.id));
}

export function diagnosisHandlers(deps: DiagnosisDeps): Pick<HandlerTable, 'startDiagnosis' | 'cancelDiagnosis' | 'rerunStages' | 'pickCaFile' | 'listProbes'> {
  const runs = new Map<string, RunRecord>();
  const finished: string[] = [];
  /** CA files the user picked in our dialog: the only paths a request may name. */
  const pickedCaFiles = new Set<string>();
  const resolveRef = credentialResolver(deps);
  const allProbes = deps.engine?.probes ?? PROBES;
  deps.exposeRuns?.((id) => {
    const r = runs.get(id);
    return r ? { request: r.request, report: r.report } : null;
  });

  const launch = async (ctx: CallContext, request: DiagnosisRequest, probes: readonly Probe[], after?: (fresh: Report) => Report): Promise<Result<{ runId: string }>> => {
    const active = [...runs.values()].filter((r) => r.report === null).length;
    if (active >= MAX_ACTIVE_RUNS) return err('unavailable', 'Too many diagnoses are running at once; wait for one to finish or cancel it');
    const credential = await resolveRef(request.credential);
    if (!credential.ok) return credential;
    // A saved credential knows where it goes (header, query, OAuth): the request takes that unless it says otherwise.
    request = applyCredentialDefaults(request, credential.value);
    const runId = randomUUID();
    const record: RunRecord = { request, controller: new AbortController(), report: null };
    runs.set(runId, record);
    void runDiagnosis(request, {
      ...deps.engine,
      probes,
      signal: record.controller.signal,
      credential: credential.value?.secret ?? null,
      secrets: secretsOf(credential.value),
      onProgress: (event) => {
        // The runner's own `done` is replaced by ours below, so a merged re-run report goes out once.
        if (event.type !== 'done') ctx.emit('progress', { runId, event });
      },
    })
      .then((fresh) => after?.(fresh) ?? fresh)
      .catch((e: unknown): Report | null => {
        // runDiagnosis never throws by contract; if it does anyway, end the run visibly.
        ctx.emit('progress', { runId, event: { type: 'probe-finished', probe: 'runner', stage: 'environment', status: 'failed', durationMs: 0, summary: { code: 'run.probeError', values: { error: e instanceof Error ? e.message : String(e) } } } });
        return null;
      })
      .then((report) => {
        if (!report) {
          runs.delete(runId);
          return;
        }
        record.report = report;
        finished.push(runId);
        while (finished.length > KEEP_FINISHED_RUNS) runs.delete(finished.shift()!);
        ctx.emit('progress', { runId, event: { type: 'done', report } });
      });
    return ok({ runId });
  };

  const checkCaFile = async (request: DiagnosisRequest): Promise<Result<DiagnosisRequest>> => {
    if (request.caFile === undefined) return ok(request);
    if (!pickedCaFiles.has(request.caFile)) return err('forbidden', 'Choose the CA file with the "Choose file" button; typed paths are not accepted');
    return ok(request);
  };

  return {
    async startDiagnosis(ctx, input) {
      const parsed = parseDiagnosisRequest(input);
      if (!parsed.ok) return err('bad-input', parsed.message);
      const request = await checkCaFile(parsed.value);
      if (!request.ok) return request;
      return launch(ctx, request.value, allProbes);
    },

    async cancelDiagnosis(_ctx, input) {
      const id = runIdSchema.safeParse(input);
      if (!id.success) return err('bad-input', 'Unknown run: the id is malformed');
      const record = runs.get(id.data);
      if (!record || record.report !== null || record.controller.signal.aborted) return ok({ cancelled: false });
      record.controller.abort(new Error('cancelled by the user'));
      return ok({ cancelled: true });
    },

    async rerunStages(ctx, rawId, rawStages) {
      const id = runIdSchema.safeParse(rawId);
      const stages = z.array(stageSchema).min(1).max(STAGES.length).safeParse(rawStages);
      if (!id.success || !stages.success) return err('bad-input', 'Re-run needs a run id and the stages to re-run');
      const before = runs.get(id.data);
      if (!before) return err('not-found', 'That diagnosis is no longer available: run it again from the start');
      const previous = before.report;
      if (!previous) return err('unavailable', 'Wait until the diagnosis has finished, or cancel it, before re-running a step');
      const probes = probesFor(allProbes, new Set(stages.data));
      if (probes.length === 0) return err('not-found', `Nothing checks ${stages.data.join(', ')} in this build`);
      const rerun = new Set(probes.map((p) => p.stage));
      return launch(ctx, before.request, probes, (fresh) => mergeRerun(previous, fresh, rerun));
    },

    async listProbes() {
      return ok(allProbes.map((p) => ({ id: p.id, stage: p.stage })));
    },

    async pickCaFile() {
      const file = await deps.chooseCaFile();
      if (file === null) return ok(null);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        return err('not-found', `Cannot read ${path.basename(file)}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      }
      if (!text.includes('-----BEGIN CERTIFICATE-----')) return err('bad-input', `${path.basename(file)} holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block)`);
      pickedCaFiles.add(file);
      return ok({ path: file, name: path.basename(file) });
    },
  };
}
