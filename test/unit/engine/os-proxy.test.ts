import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { osProxyFor, parseGsettings, parseKioslaverc, parseRegQuery, parseScutil } from '../../../src-main/engine/net/os-proxy.js';
import { readOsProxy, runCommand, type RunCommand } from '../../../src-main/engine/net/os-proxy-read.js';

const u = (s: string) => new URL(s);

describe('OS proxy settings, parsed from what each source prints', () => {
  it('GNOME gsettings: manual, auto (PAC), auto without URL (WPAD), none', () => {
    const manual = parseGsettings({
      'org.gnome.system.proxy mode': "'manual'",
      'org.gnome.system.proxy ignore-hosts': "['localhost', '127.0.0.0/8', '::1', '*.corp.example']",
      'org.gnome.system.proxy.https host': "'proxy.corp.example'",
      'org.gnome.system.proxy.https port': '3128',
      'org.gnome.system.proxy.http host': "''",
      'org.gnome.system.proxy.http port': '0',
      'org.gnome.system.proxy.socks host': "'127.0.0.1'",
      'org.gnome.system.proxy.socks port': '7891',
    })!;
    expect(manual).toMatchObject({ source: 'gsettings', mode: 'manual', https: 'proxy.corp.example:3128', http: null, socks: '127.0.0.1:7891' });
    expect(osProxyFor(manual, u('https://api.openai.com/v1'))).toBe('PROXY proxy.corp.example:3128');
    expect(osProxyFor(manual, u('http://intranet.corp.example/'))).toBe('DIRECT');
    expect(osProxyFor(manual, u('http://api.example.com/'))).toBe('SOCKS5 127.0.0.1:7891');
    expect(parseGsettings({ 'org.gnome.system.proxy mode': "'auto'", 'org.gnome.system.proxy autoconfig-url': "'http://wpad.corp.example/proxy.pac'" })).toMatchObject({ mode: 'pac', pacUrl: 'http://wpad.corp.example/proxy.pac' });
    expect(parseGsettings({ 'org.gnome.system.proxy mode': "'auto'", 'org.gnome.system.proxy autoconfig-url': "''" })).toMatchObject({ mode: 'wpad', pacUrl: null });
    expect(parseGsettings({ 'org.gnome.system.proxy mode': "'none'" })).toMatchObject({ mode: 'none' });
  });

  it('KDE kioslaverc: manual with "host port", PAC, environment mode', () => {
    const kde = parseKioslaverc('[Cookie Policy]\nx=1\n\n[Proxy Settings]\nNoProxyFor=localhost,.lan\nProxyType=1\nhttpProxy=http://127.0.0.1 7890\nhttpsProxy=http://127.0.0.1:7890\nsocksProxy=socks://127.0.0.1 7891\n')!;
    expect(kde).toMatchObject({ source: 'kioslaverc', mode: 'manual', http: '127.0.0.1:7890', https: '127.0.0.1:7890', socks: '127.0.0.1:7891', bypass: ['localhost', '.lan'] });
    expect(osProxyFor(kde, u('https://printer.lan/'))).toBe('DIRECT');
    expect(parseKioslaverc('[Proxy Settings]\nProxyType=2\nProxy Config Script=http://pac.example/p.pac\n')).toMatchObject({ mode: 'pac', pacUrl: 'http://pac.example/p.pac' });
    expect(parseKioslaverc('[Proxy Settings]\nProxyType=4\n')).toMatchObject({ mode: 'none' });
    expect(parseKioslaverc('[General]\nx=1\n')).toBeNull();
  });

  it('macOS scutil --proxy', () => {
    const out = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 7890
  HTTPProxy : 127.0.0.1
  HTTPSEnable : 1
  HTTPSPort : 7890
  HTTPSProxy : 127.0.0.1
  SOCKSEnable : 0
}`;
    const mac = parseScutil(out)!;
    expect(mac).toMatchObject({ source: 'scutil', mode: 'manual', https: '127.0.0.1:7890', bypass: ['*.local', '169.254/16'] });
    expect(osProxyFor(mac, u('https://nas.local/'))).toBe('DIRECT');
    expect(parseScutil('<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://pac.corp/p.pac\n}')).toMatchObject({ mode: 'pac', pacUrl: 'http://pac.corp/p.pac' });
    expect(parseScutil('<dictionary> {\n  HTTPEnable : 0\n}')).toMatchObject({ mode: 'none' });
  });

  it('Windows reg query Internet Settings: one proxy for all, per scheme, AutoConfigURL, off', () => {
    const head = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n';
    const all = parseRegQuery(`${head}    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    127.0.0.1:7890\r\n    ProxyOverride    REG_SZ    localhost;127.*;<local>\r\n`)!;
    expect(all).toMatchObject({ source: 'registry', mode: 'manual', http: '127.0.0.1:7890', https: '127.0.0.1:7890' });
    expect(osProxyFor(all, u('http://intranet/'))).toBe('DIRECT');
    expect(osProxyFor(all, u('http://127.0.0.1:8080/'))).toBe('DIRECT');
    expect(osProxyFor(all, u('https://api.openai.com/'))).toBe('PROXY 127.0.0.1:7890');
    expect(parseRegQuery(`${head}    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    http=10.0.0.1:80;https=10.0.0.1:443;socks=10.0.0.1:1080\r\n`)).toMatchObject({ http: '10.0.0.1:80', https: '10.0.0.1:443', socks: '10.0.0.1:1080' });
    expect(parseRegQuery(`${head}    AutoConfigURL    REG_SZ    http://wpad/wpad.dat\r\n    ProxyEnable    REG_DWORD    0x0\r\n`)).toMatchObject({ mode: 'pac', pacUrl: 'http://wpad/wpad.dat' });
    expect(parseRegQuery(`${head}    ProxyEnable    REG_DWORD    0x0\r\n    ProxyServer    REG_SZ    127.0.0.1:7890\r\n`)).toMatchObject({ mode: 'none' });
  });

  it('PAC and WPAD are not evaluated: no answer rather than a guess', () => {
    expect(osProxyFor({ source: 'registry', mode: 'pac', pacUrl: 'http://wpad/wpad.dat', http: null, https: null, socks: null, bypass: [] }, u('https://a.example/'))).toBeNull();
  });
});

describe('reading them (fake commands and files)', () => {
  const fakeRun = (answers: Record<string, string>): RunCommand => async (cmd, args) => answers[[cmd, ...args].join(' ')] ?? null;
  const noFiles = async () => null;

  it('macOS runs scutil --proxy; Windows runs reg query; a missing command is "unknown" (null)', async () => {
    expect(await readOsProxy({ platform: 'darwin', env: {}, readFile: noFiles, run: fakeRun({ 'scutil --proxy': '<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 8080\n  HTTPSProxy : p\n}' }) })).toMatchObject({ source: 'scutil', https: 'p:8080' });
    expect(await readOsProxy({ platform: 'win32', env: {}, readFile: noFiles, run: fakeRun({ 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': 'HKEY_CURRENT_USER\\...\\Internet Settings\n    ProxyEnable    REG_DWORD    0x1\n    ProxyServer    REG_SZ    p:3128\n' }) })).toMatchObject({ source: 'registry', https: 'p:3128' });
    expect(await readOsProxy({ platform: 'darwin', env: {}, readFile: noFiles, run: fakeRun({}) })).toBeNull();
  });

  it('KDE reads $HOME/.config/kioslaverc; other Linux desktops ask gsettings', async () => {
    const kde = await readOsProxy({ platform: 'linux', env: { HOME: '/home/u', XDG_CURRENT_DESKTOP: 'KDE' }, run: fakeRun({}), readFile: async (p) => (p === '/home/u/.config/kioslaverc' ? '[Proxy Settings]\nProxyType=1\nhttpsProxy=http://10.1.1.1 3128\n' : null) });
    expect(kde).toMatchObject({ source: 'kioslaverc', https: '10.1.1.1:3128' });
    const gnome = await readOsProxy({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, readFile: noFiles, run: fakeRun({ 'gsettings get org.gnome.system.proxy mode': "'manual'\n", 'gsettings get org.gnome.system.proxy.https host': "'10.2.2.2'\n", 'gsettings get org.gnome.system.proxy.https port': '8080\n', 'gsettings get org.gnome.system.proxy ignore-hosts': "['localhost']\n" }) });
    expect(gnome).toMatchObject({ source: 'gsettings', mode: 'manual', https: '10.2.2.2:8080', bypass: ['localhost'] });
  });

  it.skipIf(!existsSync('/usr/bin/gsettings'))('the real gsettings answers (bounded subprocess)', async () => {
    const real = await readOsProxy({ platform: 'linux', env: {}, readFile: noFiles, run: runCommand });
    expect(real?.source).toBe('gsettings');
    expect(['none', 'manual', 'pac', 'wpad']).toContain(real?.mode);
  });
});
