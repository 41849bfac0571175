import type { ClientId, ClientRow } from '../common/clients.js';
import type { Lang } from '../common/report.js';
import type { TextRef, TextValue } from '../common/text-ref.js';
import type { MatrixFacts, RowDraft } from '../engine/clients/judge.js';
import { nodeMajorOf } from '../engine/clients/node-version.js';
import { sayText } from './text/say.js';

/**
 * A matrix row as data (label and reason as sentences by code, report/text/client-texts.ts) plus
 * the words in the run's language for consumers of the JSON. Apart from the text module because it
 * reads the engine's matrix types, which the renderer's pure text module must not pull in.
 */

/** Which interpreter's facts a Python row used, and whether that interpreter has the row's module. */
function pythonLabel(id: ClientId, f: Pick<MatrixFacts, 'python'>): Record<string, TextValue> {
  const py = f.python;
  const module = id === 'python-requests' ? py.modules.requests : py.modules.httpx;
  return { version: py.version, executable: py.executable ?? (py.found ? py.python : null), missing: py.found && py.notAsked !== true && !module };
}

export function clientLabelRef(id: ClientId, f: Pick<MatrixFacts, 'nodeVersion' | 'python'>): TextRef {
  const node = nodeMajorOf(f.nodeVersion);
  if (id === 'node' || id === 'openai-node') return { code: `client.label.${id}`, values: { node } };
  if (id === 'python-requests' || id === 'python-httpx') return { code: `client.label.${id}`, values: pythonLabel(id, f) };
  return { code: `client.label.${id}` };
}

/** The row's sentence: its key, the route and why, and what the rule measured. */
export function clientReasonRef(d: RowDraft): TextRef {
  const { why, ...rest } = d.reason.params;
  return { code: `client.${d.reason.key}`, values: { ...rest, why: typeof why === 'string' ? { code: `client.why.${why}` } : why } };
}

export function clientRow(d: RowDraft, f: Pick<MatrixFacts, 'nodeVersion' | 'python'>, lang: Lang): ClientRow {
  const labelRef = clientLabelRef(d.id, f);
  const reasonRef = clientReasonRef(d);
  return { id: d.id, label: sayText(labelRef, lang), outcome: d.outcome, code: d.code, reason: sayText(reasonRef, lang), labelRef, reasonRef };
}

