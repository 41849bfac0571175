import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src-main/app/main.js';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../../src-main/app/security.js';
import { fakeElectron } from './fake-electron.js';

// The Electron security checklist (electronjs.org/docs/latest/tutorial/security), item by item,
// for what main.test.ts does not already pin down. It also backs the three Electronegativity
// exceptions (scripts/electronegativity-exceptions.json): they are only honest while these pass.

const distDir = path.resolve('dist');

function read(rel: string): string {
  return readFileSync(path.join(distDir, rel), 'utf8');
}

function directives(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

describe('Electron security checklist: window and session', () => {
  it('the window takes exactly secureWebPreferences() (what the Electronegativity exceptions rely on)', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    const prefs = record.windowOptions[0]!.webPreferences;
    expect(prefs).toEqual(secureWebPreferences(path.join(distDir, 'preload', 'index.cjs')));
  });

  it('#3 #4 #6 #8 #9 #10: isolation, sandbox, web security on, no insecure content, experiments or Blink features', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    // Dropping a file on the window must not navigate it to that file.
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('#11 #12: <webview> is off and any attach attempt is cancelled', async () => {
    const { electron, record } = fakeElectron();
    await startApp(electron, { distDir });
    expect((record.windowOptions[0]!.webPreferences as Record<string, unknown>).webviewTag).toBe(false);
    let prevented = false;
    record.contentsEvents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('#13: a server redirect away from the app is cancelled, like a navigation', async () => {
    const { electron, record, mainFrame } = fakeElectron();
    await startApp(electron, { distDir });
    const redirect = (url: string) => {
      let prevented = false;
      record.contentsEvents.emit('will-redirect', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(redirect('https://evil.example/')).toBe(true);
    expect(redirect('file:///etc/passwd')).toBe(true);
    expect(redirect(mainFrame.url)).toBe(false);
  });

  it('#14 (and Electronegativity AUXCLICK): every new window is refused, whatever asks and for whatever URL', async () => {
    const { electron, record, mainFrame } = fakeElectron();
    await startApp(electron, { distDir });
    // A middle-click (auxclick) on a link ends up here with disposition background-tab.
    for (const url of [mainFrame.url, 'https://docs.example.com/', 'javascript:alert(1)', 'about:blank']) {
      expect(record.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('#7: the CSP header is strict: nothing inline, no eval, no remote origin, no framing', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of d.values()) {
      for (const v of values) expect(v).not.toMatch(/unsafe-|^https?:|^\*$|^ws/);
    }
  });
});

describe('Electron security checklist: the built output', () => {
  beforeAll(() => {
    if (!existsSync(path.join(distDir, 'renderer', 'index.html')) || !existsSync(path.join(distDir, 'preload', 'index.cjs'))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
    }
  }, 120_000);

  it('#7: the built page carries the same CSP, and has no inline script or remote resource', () => {
    const html = read('renderer/index.html');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    const page = directives(meta![1]!);
    const header = directives(CONTENT_SECURITY_POLICY);
    // frame-ancestors is ignored in a meta tag; every other directive must match the header.
    for (const [name, values] of header) if (name !== 'frame-ancestors') expect(page.get(name), name).toEqual(values);
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc="\.\//);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('#7: the renderer bundle needs neither eval nor new Function (the CSP forbids both)', () => {
    const assets = path.join(distDir, 'renderer', 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(readFileSync(path.join(assets, f), 'utf8')).not.toMatch(/\beval\(|\bnew Function\(/);
  });

  it('#20: the sandboxed preload loads only electron and exposes one frozen object, never ipcRenderer itself', () => {
    const preload = read('preload/index.cjs');
    expect([...new Set(preload.match(/require\(["'][^"']+["']\)/g) ?? [])]).toEqual(['require("electron")']);
    const exposed = preload.match(/exposeInMainWorld\([^,]+/g) ?? [];
    expect(exposed).toEqual(['exposeInMainWorld("doctor"']);
    expect(preload).toMatch(/exposeInMainWorld\("doctor", buildDoctorClient\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\(\s*"[^"]+"\s*,\s*(\w+\.)?ipcRenderer\s*\)/);
  });

  it('certificate checks are never switched off in main or the CLI', () => {
    for (const bundle of ['main/index.cjs', 'cli/api-doctor.cjs', 'cli/api-doctor-main.cjs']) {
      const code = read(bundle);
      expect(code, bundle).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*["']0["']/);
      expect(code, bundle).not.toMatch(/setCertificateVerifyProc|ignore-certificate-errors|appendSwitch\(\s*["'](no-sandbox|disable-web-security)/);
      // Electron's certificate-error event may only ever answer "not trusted".
      expect(code, bundle).not.toMatch(/certificate-error[\s\S]{0,300}callback\(\s*true\s*\)/);
    }
  });

  it('#15: every shell.openExternal call in main is guarded by isSafeExternalUrl', () => {
    const main = read('main/index.cjs');
    // indexOf, not a regular expression: the bundle has very long lines, and `[^\n]*x` over them
    // backtracks quadratically (it once took 85 s here).
    for (let at = main.indexOf('.openExternal('); at >= 0; at = main.indexOf('.openExternal(', at + 1)) {
      expect(main.slice(Math.max(0, at - 400), at + 80), main.slice(at, at + 80)).toMatch(/isSafeExternalUrl\(/);
    }
  });
});
