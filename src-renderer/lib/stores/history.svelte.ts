import { loadHistory, type HistoryEntry } from '../history.js';

function initial(): HistoryEntry[] {
  try {
    return loadHistory(localStorage);
  } catch {
    return [];
  }
}

/** The history list as the window shows it (history.ts keeps it in localStorage). */
export const history = $state({ list: initial() });
