import type { MenuCommand } from './ipc-contract.js';

/**
 * Keyboard shortcuts, one place: the application menu registers them (Electron draws `CmdOrCtrl`
 * as ⌘ on macOS and Ctrl elsewhere in the menu itself) and the page names them in its tooltips
 * through `shortcutLabel`, for the platform main reports (`version().platform`).
 */
export const ACCELERATORS: Record<Exclude<MenuCommand, `lang:${string}`>, string> = {
  'new-diagnosis': 'CmdOrCtrl+N',
  'open-bundle': 'CmdOrCtrl+O',
  'export-bundle': 'CmdOrCtrl+E',
  rerun: 'CmdOrCtrl+R',
  'copy-summary': 'CmdOrCtrl+Shift+C',
  'toggle-theme': 'CmdOrCtrl+Shift+L',
};
export type ShortcutCommand = keyof typeof ACCELERATORS;

// macOS writes modifiers as symbols, in this order, with no separator (⌃⌥⇧⌘E).
const MAC_ORDER = ['Ctrl', 'Alt', 'Shift', 'Cmd'] as const;
const MAC_SYMBOL: Record<(typeof MAC_ORDER)[number], string> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Cmd: '⌘' };
const MODIFIER: Record<string, (typeof MAC_ORDER)[number]> = {
  cmdorctrl: 'Cmd', commandorcontrol: 'Cmd', cmd: 'Cmd', command: 'Cmd', super: 'Cmd', meta: 'Cmd',
  ctrl: 'Ctrl', control: 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift',
};

/** An Electron accelerator as the user's keyboard names it: "⇧⌘C" on macOS, "Ctrl+Shift+C" elsewhere. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => MODIFIER[p.toLowerCase()]).filter((m): m is (typeof MAC_ORDER)[number] => m !== undefined));
  if (mac) return `${MAC_ORDER.filter((m) => mods.has(m)).map((m) => MAC_SYMBOL[m]).join('')}${key}`;
  // Elsewhere Cmd means Ctrl (CmdOrCtrl); Ctrl first, as Windows and Linux write it.
  const other = (['Ctrl', 'Alt', 'Shift'] as const).filter((m) => mods.has(m) || (m === 'Ctrl' && mods.has('Cmd')));
  return [...other, key].join('+');
}

/** Whether main's `process.platform` is macOS. */
export const isMacPlatform = (platform: string | null | undefined): boolean => platform === 'darwin';
