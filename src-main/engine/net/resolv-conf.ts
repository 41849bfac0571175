/** One reader of resolv.conf for the dns stage (which servers were asked) and the bundle's environment.json. */

/** `/etc/resolv.conf` → nameservers, search domains, options. */
export function parseResolvConf(text: string): { nameservers: string[]; search: string[]; options: string[] } {
  const out = { nameservers: [] as string[], search: [] as string[], options: [] as string[] };
  for (const raw of text.split(/\r?\n/).slice(0, 500)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0]) out.nameservers.push(rest[0]);
    else if ((key === 'search' || key === 'domain') && rest.length) out.search.push(...rest);
    else if (key === 'options') out.options.push(...rest);
  }
  return out;
}
