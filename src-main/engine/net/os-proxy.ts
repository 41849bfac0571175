import { noProxyMatch } from './proxy-env.js';

/**
 * The operating system's proxy settings, read without Electron (the CLI), parsed from the text
 * each source prints. Pure: the commands and files are read by os-proxy-read.ts.
 */
export interface OsProxySettings {
  /** Where they came from: 'gsettings', 'kioslaverc', 'scutil', 'registry'. */
  source: 'gsettings' | 'kioslaverc' | 'scutil' | 'registry';
  mode: 'none' | 'manual' | 'pac' | 'wpad';
  /** host:port per scheme (manual mode); a Windows "one proxy for all" fills http and https. */
  http: string | null;
  https: string | null;
  socks: string | null;
  /** Hosts that bypass the proxy, in NO_PROXY-like entries. */
  bypass: string[];
  /** The PAC script's URL (mode 'pac'); we do not evaluate it. */
  pacUrl: string | null;
}

const hostPort = (host: string | undefined, port: string | number | undefined): string | null => {
  const h = host?.trim();
  const p = Number(port);
  if (!h || !Number.isInteger(p) || p <= 0) return null;
  return `${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${p}`;
};

const unquote = (s: string | undefined): string => (s ?? '').trim().replace(/^'(.*)'$/s, '$1');

/**
 * GNOME: `gsettings get org.gnome.system.proxy mode` ('none' | 'manual' | 'auto'), then the
 * org.gnome.system.proxy.{http,https,socks} host and port keys, ignore-hosts (a GVariant string
 * array) and autoconfig-url (GNOME's gsettings-desktop-schemas, org.gnome.system.proxy.gschema.xml).
 * `get` maps "schema key" to the printed value.
 */
export function parseGsettings(get: Record<string, string | undefined>): OsProxySettings | null {
  const mode = unquote(get['org.gnome.system.proxy mode']);
  if (!mode) return null;
  const bypass = [...(get['org.gnome.system.proxy ignore-hosts'] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const base = { source: 'gsettings' as const, http: null, https: null, socks: null, bypass, pacUrl: null };
  if (mode === 'auto') {
    const url = unquote(get['org.gnome.system.proxy autoconfig-url']);
    // An empty URL in auto mode means WPAD discovery.
    return { ...base, mode: url ? 'pac' : 'wpad', pacUrl: url || null };
  }
  if (mode !== 'manual') return { ...base, mode: 'none' };
  const hp = (s: string) => hostPort(unquote(get[`org.gnome.system.proxy.${s} host`]), unquote(get[`org.gnome.system.proxy.${s} port`]));
  return { ...base, mode: 'manual', http: hp('http'), https: hp('https'), socks: hp('socks') };
}

/**
 * KDE: ~/.config/kioslaverc, group [Proxy Settings]: ProxyType 0 none, 1 manual, 2 PAC
 * ("Proxy Config Script"), 3 WPAD, 4 from the environment; httpProxy / httpsProxy / socksProxy
 * as "http://host port" or "http://host:port"; NoProxyFor comma-separated (KDE's kio,
 * src/core/ksaveioconfig / kprotocolmanager).
 */
export function parseKioslaverc(text: string): OsProxySettings | null {
  const section = /^\[Proxy Settings\]\s*$([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(text)?.[1];
  if (section === undefined) return null;
  const kv: Record<string, string> = {};
  for (const line of section.split(/\r?\n/)) {
    const m = /^\s*([^=#\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) kv[m[1]!] = m[2]!.trim();
  }
  const type = Number(kv.ProxyType ?? '0');
  const base = { source: 'kioslaverc' as const, http: null, https: null, socks: null, bypass: (kv.NoProxyFor ?? '').split(/[,\s]+/).filter(Boolean), pacUrl: null };
  if (type === 2) return { ...base, mode: 'pac', pacUrl: kv['Proxy Config Script'] || null };
  if (type === 3) return { ...base, mode: 'wpad' };
  // 4 ("use environment variables") adds nothing beyond what the environment already says.
  if (type !== 1) return { ...base, mode: 'none' };
  const one = (v: string | undefined): string | null => {
    if (!v) return null;
    const m = /^(?:[a-z0-9+.-]+:\/\/)?(\[[^\]]+\]|[^\s:/]+)(?:[:\s]+(\d+))?/i.exec(v.trim());
    return m ? hostPort(m[1]!.replace(/^\[|\]$/g, ''), m[2] ?? '8080') : null;
  };
  return { ...base, mode: 'manual', http: one(kv.httpProxy), https: one(kv.httpsProxy), socks: one(kv.socksProxy) };
}

/**
 * macOS: `scutil --proxy` prints the dynamic store's proxy dictionary (HTTPEnable/HTTPProxy/
 * HTTPPort, HTTPSEnable…, SOCKSEnable…, ProxyAutoConfigEnable/ProxyAutoConfigURLString,
 * ProxyAutoDiscoveryEnable, ExceptionsList) — the keys of SystemConfiguration's kSCPropNetProxies*.
 */
export function parseScutil(text: string): OsProxySettings | null {
  if (!/<dictionary>/.test(text)) return null;
  const val = (k: string) => new RegExp(`^\\s*${k}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
  const on = (k: string) => val(k) === '1';
  const exceptions = /ExceptionsList\s*:\s*<array>\s*\{([\s\S]*?)\}/.exec(text)?.[1] ?? '';
  const bypass = [...exceptions.matchAll(/^\s*\d+\s*:\s*(.+?)\s*$/gm)].map((m) => m[1]!);
  const base = { source: 'scutil' as const, bypass, http: null, https: null, socks: null, pacUrl: null };
  if (on('ProxyAutoConfigEnable')) return { ...base, mode: 'pac', pacUrl: val('ProxyAutoConfigURLString') ?? null };
  const http = on('HTTPEnable') ? hostPort(val('HTTPProxy'), val('HTTPPort')) : null;
  const https = on('HTTPSEnable') ? hostPort(val('HTTPSProxy'), val('HTTPSPort')) : null;
  const socks = on('SOCKSEnable') ? hostPort(val('SOCKSProxy'), val('SOCKSPort')) : null;
  if (http || https || socks) return { ...base, mode: 'manual', http, https, socks };
  if (on('ProxyAutoDiscoveryEnable')) return { ...base, mode: 'wpad' };
  return { ...base, mode: 'none' };
}

/**
 * Windows: `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"` —
 * ProxyEnable (REG_DWORD), ProxyServer ("host:port" for all, or "http=h:p;https=h:p;socks=h:p"),
 * ProxyOverride (";"-separated, "<local>" for plain names), AutoConfigURL (WinINet's documented
 * per-user settings).
 */
export function parseRegQuery(text: string): OsProxySettings | null {
  const val = (k: string) => new RegExp(`^\\s*${k}\\s+REG_\\w+\\s+(.*?)\\s*$`, 'mi').exec(text)?.[1];
  if (!/Internet Settings/i.test(text) && val('ProxyEnable') === undefined) return null;
  const bypass = (val('ProxyOverride') ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  const base = { source: 'registry' as const, bypass, http: null, https: null, socks: null, pacUrl: null };
  const pac = val('AutoConfigURL');
  if (pac) return { ...base, mode: 'pac', pacUrl: pac };
  const enabled = Number.parseInt(val('ProxyEnable') ?? '0', val('ProxyEnable')?.startsWith('0x') ? 16 : 10) === 1;
  const server = val('ProxyServer');
  if (!enabled || !server) return { ...base, mode: 'none' };
  if (!server.includes('=')) return { ...base, mode: 'manual', http: server, https: server };
  const part = (k: string) => new RegExp(`(?:^|;)\\s*${k}=([^;]+)`, 'i').exec(server)?.[1]?.trim() ?? null;
  return { ...base, mode: 'manual', http: part('http'), https: part('https'), socks: part('socks') };
}

/** Does a bypass entry list exempt this URL? "<local>" is WinINet's "names without a dot". */
function bypassed(s: OsProxySettings, target: URL): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  for (const b of s.bypass) {
    if (b.toLowerCase() === '<local>') {
      if (!host.includes('.') && !host.includes(':')) return true;
      continue;
    }
    // Glob entries (*.corp.example, 192.168.*) as suffix / prefix matches; the rest as NO_PROXY entries.
    if (b.includes('*')) {
      const re = new RegExp(`^${b.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
      if (re.test(host)) return true;
      continue;
    }
    if (noProxyMatch(b, target) !== null) return true;
  }
  return false;
}

/**
 * What these settings say for one URL, in PAC form ("PROXY h:p", "SOCKS5 h:p", "DIRECT"), or
 * null when they cannot say (a PAC script or WPAD that we do not evaluate).
 */
export function osProxyFor(s: OsProxySettings, target: URL): string | null {
  if (s.mode === 'pac' || s.mode === 'wpad') return null;
  if (s.mode === 'none' || bypassed(s, target)) return 'DIRECT';
  const hp = target.protocol === 'https:' ? s.https : s.http;
  if (hp) return `PROXY ${hp}`;
  if (s.socks) return `SOCKS5 ${s.socks}`;
  return 'DIRECT';
}
