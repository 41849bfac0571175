/**
 * Model lists and model names. Pure helpers for MODEL_NOT_FOUND ("closest models the key can use")
 * and for picking the cheapest model for `--completion`.
 */

/** Bounds: a model list is read for names only, and only this many are kept. */
export const MAX_MODELS = 2000;

/**
 * Model ids from a list answer in the shapes providers use: OpenAI `{data:[{id}]}`, Anthropic
 * `{data:[{id}]}`, Zhipu's `/api/v1/models` `{models:[{slug}]}` (https://github.com/farion1231/cc-switch/issues/7516),
 * Ollama-style `{models:[{name}]}`, or a bare array. Empty when the text is not such a list.
 */
export function modelIds(text: string | null): string[] {
  if (!text) return [];
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return [];
  }
  const o = j && typeof j === 'object' ? (j as Record<string, unknown>) : null;
  const list = Array.isArray(j) ? j : Array.isArray(o?.data) ? o.data : Array.isArray(o?.models) ? o.models : [];
  const ids: string[] = [];
  for (const m of list.slice(0, MAX_MODELS)) {
    if (typeof m === 'string') ids.push(m);
    else if (m && typeof m === 'object') {
      const r = m as Record<string, unknown>;
      const id = [r.id, r.slug, r.name, r.model].find((x): x is string => typeof x === 'string' && x !== '');
      if (id) ids.push(id);
    }
  }
  return ids.map((x) => x.slice(0, 200));
}

/** The model a request body asks for (`{"model": …}`), or null. */
export function modelOfBody(body: string | undefined): string | null {
  if (!body) return null;
  try {
    const j = JSON.parse(body) as { model?: unknown };
    return typeof j.model === 'string' && j.model !== '' ? j.model.slice(0, 200) : null;
  } catch {
    return null;
  }
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

const norm = (s: string) => s.toLowerCase().replace(/^[^/]+\//, '');

/** The ids most like `wanted` (edit distance on the name without a vendor prefix; shared prefix breaks ties), best first. */
export function closestModels(wanted: string, ids: readonly string[], n = 5): string[] {
  const w = norm(wanted).slice(0, 100);
  const scored = ids.map((id) => {
    const x = norm(id).slice(0, 100);
    let prefix = 0;
    while (prefix < Math.min(w.length, x.length) && w[prefix] === x[prefix]) prefix++;
    return { id, score: distance(w, x) - prefix * 0.5 };
  });
  return scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, n).map((s) => s.id);
}

/** The cheapest model the list offers (by the provider's preference), else its first, else null. */
export function cheapestOf(ids: readonly string[], prefer: readonly string[]): string | null {
  return prefer.find((p) => ids.includes(p)) ?? null;
}
