import { ACCELERATORS, isMacPlatform, shortcutLabel, type ShortcutCommand } from '../../src-main/common/shortcuts.js';

/**
 * The platform the app runs on, for naming shortcuts (⌘ or Ctrl). Main says it (`version().platform`,
 * process.platform); until that answer arrives the page guesses from what Chromium reports.
 */
function guess(): boolean {
  if (typeof navigator === 'undefined') return false;
  const uaData = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return /mac/i.test(uaData?.platform ?? navigator.platform ?? '');
}

export const platform = $state({ mac: guess() });

/** Main's answer wins over the guess. */
export function setPlatform(name: string | null | undefined): void {
  if (typeof name === 'string' && name.length > 0) platform.mac = isMacPlatform(name);
}

/** A command's shortcut as this platform's keyboard names it: "⇧⌘C" or "Ctrl+Shift+C". */
export const shortcut = (command: ShortcutCommand): string => shortcutLabel(ACCELERATORS[command], platform.mac);
