import { describe, expect, it } from 'vitest';
import { ACCELERATORS, isMacPlatform, shortcutLabel } from '../../../src-main/common/shortcuts.js';
import { en } from '../../../src-renderer/lib/i18n/en.js';
import { zhCN } from '../../../src-renderer/lib/i18n/zh-CN.js';

describe('shortcut labels: ⌘ on macOS, Ctrl elsewhere', () => {
  it('names every menu accelerator the way each platform writes it', () => {
    const mac = Object.fromEntries(Object.entries(ACCELERATORS).map(([c, a]) => [c, shortcutLabel(a, true)]));
    const other = Object.fromEntries(Object.entries(ACCELERATORS).map(([c, a]) => [c, shortcutLabel(a, false)]));
    expect(mac).toEqual({ 'new-diagnosis': '⌘N', 'open-bundle': '⌘O', 'export-bundle': '⌘E', rerun: '⌘R', 'copy-summary': '⇧⌘C', 'toggle-theme': '⇧⌘L' });
    expect(other).toEqual({ 'new-diagnosis': 'Ctrl+N', 'open-bundle': 'Ctrl+O', 'export-bundle': 'Ctrl+E', rerun: 'Ctrl+R', 'copy-summary': 'Ctrl+Shift+C', 'toggle-theme': 'Ctrl+Shift+L' });
  });

  it('orders modifiers as each platform does, whatever order the accelerator uses', () => {
    expect(shortcutLabel('Shift+Alt+CmdOrCtrl+K', true)).toBe('⌥⇧⌘K');
    expect(shortcutLabel('Shift+Alt+CmdOrCtrl+K', false)).toBe('Ctrl+Alt+Shift+K');
    expect(shortcutLabel('Ctrl+Shift+Tab', true)).toBe('⌃⇧Tab');
    expect(shortcutLabel('F5', false)).toBe('F5');
  });

  it('takes the platform from main (process.platform), and every tooltip names its keys through a parameter, never a literal Ctrl', () => {
    expect(isMacPlatform('darwin')).toBe(true);
    for (const p of ['linux', 'win32', 'freebsd', '', null, undefined]) expect(isMacPlatform(p)).toBe(false);
    for (const cat of [en, zhCN] as Record<string, string>[]) {
      for (const [k, v] of Object.entries(cat)) expect(v, k).not.toMatch(/\b(Ctrl|Cmd)\+|⌘/);
      for (const k of ['theme.tip', 'share.copySummary.tip', 'share.export.tip', 'share.rerun.tip', 'share.newTarget.tip']) expect(cat[k], k).toContain('{keys}');
    }
  });
});
