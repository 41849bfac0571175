/**
 * Terminal control in text from strangers (a bundle made elsewhere, a server's answer): C0 and C1
 * control characters drive a terminal — ESC sequences recolour, move the cursor, set the window
 * title (OSC 0), plant clickable links (OSC 8 to `javascript:` or `file:`), and CR overwrites a
 * line already printed. Bidi overrides (U+202A–U+202E, U+2066–U+2069) reorder what is shown
 * ("Trojan Source"). Line feed and tab stay: reports have multi-line text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character except LF and TAB removed. */
export const stripControl = (text: string): string => text.replace(CONTROL, '');

/** Every string inside a JSON-like value (keys too) with control characters removed. */
export function stripControlDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripControlDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[stripControl(k)] = stripControlDeep(v);
    return out as T;
  }
  return value;
}
