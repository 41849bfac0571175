import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { startApp } from '../../../src-main/app/main.js';
import { channelOf, DOCTOR_METHODS } from '../../../src-main/common/ipc-contract.js';
import { isSafeExternalUrl } from '../../../src-main/app/security.js';
import { fakeElectron } from './fake-electron.js';

const distDir = path.resolve('dist');

describe('Electron shell (fake electron injected)', () => {
  it('opens one window with every security setting on', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    expect(record.windowOptions).toHaveLength(1);
    const prefs = record.windowOptions[0]!.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe(path.join(distDir, 'preload', 'index.cjs'));
    expect(record.loadedFiles).toEqual([path.join(distDir, 'renderer', 'index.html')]);
  });

  it('denies every permission request and check', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      record.permissionRequest!(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(record.permissionCheck!()).toBe(false);
  });

  it('adds a strict Content-Security-Policy to every response', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    let headers: Record<string, string[]> = {};
    record.headersHook!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('blocks navigation away from the app and every window.open', async () => {
    const { electron, record, mainFrame } = fakeElectron();
    await startApp(electron, { distDir });
    const nav = (url: string) => {
      let prevented = false;
      record.contentsEvents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav(mainFrame.url)).toBe(false);
    expect(record.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers exactly one IPC handler per contract method', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    expect([...record.handlers.keys()].sort()).toEqual(DOCTOR_METHODS.map(channelOf).sort());
  });

  it('opens only https links in the OS browser', () => {
    expect(isSafeExternalUrl('https://docs.example.com/x')).toBe(true);
    expect(isSafeExternalUrl('http://docs.example.com/x')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com')).toBe(false);
  });
});
