import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../../src-main/app/main.js';
import { ACCELERATORS, menuLang, menuTemplate, type MenuItemSpec } from '../../../src-main/app/menu.js';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState, validWindowState } from '../../../src-main/app/window-state.js';
import { channelOf, DOCTOR_EVENTS, eventChannelOf, MENU_COMMANDS } from '../../../src-main/common/ipc-contract.js';
import { buildDoctorClient } from '../../../src-main/preload/bridge.js';
import { fakeElectron } from './fake-electron.js';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
type Item = { label?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
const flatItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatItems(i.submenu ?? [])]);

describe('application menu', () => {
  it('offers every command with its accelerator, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const items = flat(menuTemplate(lang, { mac: false, dev: false }));
      expect(items.map((i) => i.command).filter(Boolean).sort()).toEqual([...MENU_COMMANDS].sort());
      for (const [command, acc] of Object.entries(ACCELERATORS)) expect(items.find((i) => i.command === command)?.accelerator, command).toBe(acc);
      // Every labelled item has a label in the language (language names are named in themselves).
      const labels = items.filter((i) => i.label && !i.command?.startsWith('lang:')).map((i) => i.label!);
      if (lang === 'zh-CN') for (const l of labels) expect(l, l).toMatch(/[\u4e00-\u9fff]/);
      else for (const l of labels) expect(l, l).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(Object.values(ACCELERATORS)).size).toBe(Object.keys(ACCELERATORS).length);
    expect(menuLang('zh-CN')).toBe('zh-CN');
    expect(menuLang('zh-TW')).toBe('zh-CN');
    expect(menuLang('en-GB')).toBe('en');
  });

  it('is installed by the shell; a click sends a `menu` event to the window, which the preload lets through', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir: path.resolve('dist') });
    expect(record.menu).not.toBeNull();
    const rerun = flatItems(record.menu!.template as Item[]).find((i) => i.accelerator === ACCELERATORS.rerun)!;
    rerun.click!();
    expect(record.sent).toContainEqual([eventChannelOf('menu'), { command: 'rerun' }]);
    expect(DOCTOR_EVENTS).toContain('menu');
    // The preload's allow-list: the page can subscribe to `menu`, and to nothing unknown.
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const client = buildDoctorClient({ invoke: async () => undefined, on: ((c: string, l: (e: unknown, p: unknown) => void) => listeners.set(c, l)) as never, removeListener: (() => undefined) as never });
    let got: unknown = null;
    client.on('menu', (p) => (got = p));
    listeners.get(eventChannelOf('menu'))!({}, { command: 'copy-summary' });
    expect(got).toEqual({ command: 'copy-summary' });
    expect(() => client.on('nope' as never, () => {})).toThrow();
  });
});

describe('menu language follows the page', () => {
  it('setMenuLanguage (renderer → main) rebuilds the menu in that language; anything else is refused and changes nothing', async () => {
    const { electron, record, webContents, mainFrame } = fakeElectron();
    await startApp(electron, { distDir: path.resolve('dist') });
    const labels = () => flatItems(record.menu!.template as Item[]).map((i) => i.label).filter((l): l is string => !!l && l !== 'English' && l !== '简体中文');
    const zh = (l: string) => /[\u4e00-\u9fff]/.test(l);
    // The fake's OS locale is unknown: English to start with.
    expect(labels().length).toBeGreaterThan(8);
    expect(labels().filter(zh)).toEqual([]);
    const call = (lang: unknown, sender: unknown = webContents) => record.handlers.get(channelOf('setMenuLanguage'))!({ sender, senderFrame: mainFrame }, lang) as Promise<{ ok: boolean }>;
    expect(await call('zh-CN')).toEqual({ ok: true, value: { lang: 'zh-CN' } });
    expect(labels().filter((l) => !zh(l))).toEqual([]);
    expect(labels()).toContain('重新诊断');
    // The rebuilt menu still works: a click still reaches the window.
    flatItems(record.menu!.template as Item[]).find((i) => i.label === '复制摘要')!.click!();
    expect(record.sent).toContainEqual([eventChannelOf('menu'), { command: 'copy-summary' }]);
    const before = record.menu;
    for (const bad of ['fr', 'zh', '', null, undefined, 42, { lang: 'en' }, ['en']]) {
      const r = await call(bad);
      expect(r.ok, String(bad)).toBe(false);
      expect(record.menu).toBe(before);
    }
    // Only the app's own window may ask.
    expect((await call('en', { isDestroyed: () => false })).ok).toBe(false);
    expect(record.menu).toBe(before);
    expect(await call('en')).toEqual({ ok: true, value: { lang: 'en' } });
    expect(labels().filter(zh)).toEqual([]);
    expect(labels()).toContain('Run again');
  });
});

describe('remembered window size', () => {
  it('round-trips through userData, and anything odd is the default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'win-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
    saveWindowState(dir, { width: 1300, height: 900 });
    expect(loadWindowState(dir)).toEqual({ width: 1300, height: 900 });
    expect(JSON.parse(readFileSync(path.join(dir, 'window-state.json'), 'utf8'))).toEqual({ width: 1300, height: 900 });
    writeFileSync(path.join(dir, 'window-state.json'), '{"width": 1e9, "height": 5}');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
    writeFileSync(path.join(dir, 'window-state.json'), 'not json');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
    expect(validWindowState({ width: 1200.5, height: 800 })).toEqual(DEFAULT_WINDOW);
    expect(validWindowState(null)).toEqual(DEFAULT_WINDOW);
  });

  it('the shell saves the size on close and opens the next window at it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'win-app-'));
    const start = async () => {
      const fake = fakeElectron();
      Object.assign(fake.electron.app, { getPath: (name: string) => (name === 'userData' ? dir : tmpdir()) });
      const app = await startApp(fake.electron, { distDir: path.resolve('dist') });
      return { app, record: fake.record };
    };
    const first = await start();
    expect(first.record.windowOptions[0]).toMatchObject(DEFAULT_WINDOW);
    // A maximized window reports its normal bounds: that is the size to come back to.
    Object.assign(first.app.window, { getNormalBounds: () => ({ x: 10, y: 10, width: 1320, height: 910 }) });
    first.app.window.emit('close');
    expect(loadWindowState(dir)).toEqual({ width: 1320, height: 910 });
    const second = await start();
    expect(second.record.windowOptions[0]).toMatchObject({ width: 1320, height: 910, minWidth: 900, minHeight: 600 });
  });
});
