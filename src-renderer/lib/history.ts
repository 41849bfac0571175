import type { Report } from '../../src-main/common/report.js';
import { scrubUrl, type KeyValueStorage, type RecentTarget } from './recent-targets.js';

/**
 * The last runs, kept in this window's localStorage so a user can re-open or re-run one. What is
 * kept carries no secret: the report main already redacted, minus every request and response body
 * (prompts and answers are not ours to keep) and header values of requests; the target is the
 * recent-target form (URL scrubbed, only the credential's name).
 */
export interface HistoryEntry {
  id: string;
  at: string;
  target: RecentTarget;
  report: Report;
}

const KEY = 'api-doctor.history';
export const HISTORY_MAX = 50;

/** The report as kept: no bodies, no request header values. */
export function slimReport(r: Report): Report {
  return {
    ...r,
    target: { ...r.target, url: scrubUrl(r.target.url) || r.target.url },
    exchanges: r.exchanges.map((x) => ({
      ...x,
      request: { ...x.request, url: scrubUrl(x.request.url) || x.request.url, headers: x.request.headers.map((h) => ({ name: h.name, value: '' })), body: undefined },
      response: x.response ? { ...x.response, body: undefined } : null,
    })),
  };
}

export function loadHistory(storage: Pick<KeyValueStorage, 'getItem'>): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((x): x is HistoryEntry => typeof x?.id === 'string' && typeof x?.at === 'string' && typeof x?.target?.url === 'string' && typeof x?.report?.summary?.headline === 'string')
      .slice(0, HISTORY_MAX);
  } catch {
    return [];
  }
}

function save(storage: KeyValueStorage, list: HistoryEntry[]): HistoryEntry[] {
  // Storage is small (a few MB): drop the oldest runs until the list fits.
  for (let n = list.length; n > 0; n--) {
    try {
      storage.setItem(KEY, JSON.stringify(list.slice(0, n)));
      return list.slice(0, n);
    } catch {
      // Over quota: try with fewer.
    }
  }
  storage.removeItem(KEY);
  return [];
}

export function addRun(storage: KeyValueStorage, target: RecentTarget, report: Report, now = new Date()): HistoryEntry[] {
  const entry: HistoryEntry = { id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, at: now.toISOString(), target: { ...target, url: scrubUrl(target.url) }, report: slimReport(report) };
  return save(storage, [entry, ...loadHistory(storage)].slice(0, HISTORY_MAX));
}

export function deleteRun(storage: KeyValueStorage, id: string): HistoryEntry[] {
  return save(storage, loadHistory(storage).filter((e) => e.id !== id));
}

export function clearHistory(storage: Pick<KeyValueStorage, 'removeItem'>): void {
  storage.removeItem(KEY);
}
