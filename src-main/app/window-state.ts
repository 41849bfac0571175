import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The window's size, remembered across starts in <userData>/window-state.json. */
export interface WindowState {
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1100, height: 760 };
const MIN = { width: 900, height: 600 };
const MAX = 10_000;

/** A hand-edited or corrupt file must not open a 0×0 or a 1e9-pixel window: anything odd is the default. */
export function validWindowState(v: unknown): WindowState {
  if (typeof v !== 'object' || v === null) return DEFAULT_WINDOW;
  const { width, height } = v as Record<string, unknown>;
  const ok = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= MAX;
  return ok(width, MIN.width) && ok(height, MIN.height) ? { width, height } : DEFAULT_WINDOW;
}

export function loadWindowState(dir: string): WindowState {
  try {
    return validWindowState(JSON.parse(readFileSync(path.join(dir, 'window-state.json'), 'utf8')));
  } catch {
    return DEFAULT_WINDOW;
  }
}

export function saveWindowState(dir: string, s: WindowState): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(validWindowState(s)));
  } catch {
    // Remembering the size is a nicety: a read-only profile must not stop the app from closing.
  }
}
