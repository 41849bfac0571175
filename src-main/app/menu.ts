import type { Lang } from '../common/report.js';
import type { MenuCommand } from '../common/ipc-contract.js';
import { ACCELERATORS } from '../common/shortcuts.js';

export { ACCELERATORS };

/**
 * The application menu: what a desktop user expects to find there, each with an accelerator. The
 * items do nothing in main: each sends a `menu` event to the renderer, which owns the wizard.
 * Labels are in the OS language at start, then in the language the page shows (the page calls
 * setMenuLanguage on start and on each switch; app/menu-handlers.ts).
 */
export interface MenuItemSpec {
  label?: string;
  accelerator?: string;
  role?: string;
  type?: 'separator';
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

const T = {
  en: {
    file: 'File', newDiagnosis: 'New diagnosis', openBundle: 'Open bundle…', exportBundle: 'Export for support…', quit: 'Quit',
    run: 'Diagnosis', rerun: 'Run again', copySummary: 'Copy summary',
    view: 'View', language: 'Language', theme: 'Toggle light/dark theme', reload: 'Reload', devtools: 'Developer tools',
    edit: 'Edit', window: 'Window',
  },
  'zh-CN': {
    file: '文件', newDiagnosis: '新建诊断', openBundle: '打开诊断包…', exportBundle: '导出给技术支持…', quit: '退出',
    run: '诊断', rerun: '重新诊断', copySummary: '复制摘要',
    view: '视图', language: '语言', theme: '切换浅色/深色主题', reload: '重新加载', devtools: '开发者工具',
    edit: '编辑', window: '窗口',
  },
} as const;


export const menuLang = (locale: string): Lang => (/^zh\b/i.test(locale) ? 'zh-CN' : 'en');

export function menuTemplate(lang: Lang, opts: { mac: boolean; dev: boolean }): MenuItemSpec[] {
  const t = T[lang];
  const item = (label: string, command: keyof typeof ACCELERATORS): MenuItemSpec => ({ label, accelerator: ACCELERATORS[command], command });
  const view: MenuItemSpec[] = [
    { label: t.language, submenu: [{ label: 'English', command: 'lang:en' }, { label: '简体中文', command: 'lang:zh-CN' }] },
    item(t.theme, 'toggle-theme'),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'togglefullscreen' },
  ];
  if (opts.dev) view.push({ type: 'separator' }, { label: t.reload, role: 'reload' }, { label: t.devtools, role: 'toggleDevTools' });
  return [
    ...(opts.mac ? [{ role: 'appMenu' }] : []),
    {
      label: t.file,
      submenu: [item(t.newDiagnosis, 'new-diagnosis'), item(t.openBundle, 'open-bundle'), item(t.exportBundle, 'export-bundle'), { type: 'separator' }, opts.mac ? { role: 'close' } : { label: t.quit, role: 'quit' }],
    },
    // Copy, paste and select-all must keep working in text fields, which on macOS needs the Edit menu.
    { label: t.edit, role: 'editMenu' },
    { label: t.run, submenu: [item(t.rerun, 'rerun'), item(t.copySummary, 'copy-summary')] },
    { label: t.view, submenu: view },
    { label: t.window, role: 'windowMenu' },
  ];
}

/** Turns specs into Electron's template, wiring each command to `send`. */
export function toElectronTemplate(specs: MenuItemSpec[], send: (command: MenuCommand) => void): Record<string, unknown>[] {
  return specs.map(({ command, submenu, ...rest }) => ({
    ...rest,
    ...(submenu ? { submenu: toElectronTemplate(submenu, send) } : {}),
    ...(command ? { click: () => send(command) } : {}),
  }));
}
