/** The port a URL connects to: its own, else the scheme's default. */
export const targetPort = (u: URL): number => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);

/** The host to connect to or verify: an IPv6 literal without its brackets. */
export const targetHost = (u: URL): string => u.hostname.replace(/^\[|\]$/g, '');

/** A proxy URL fit to show: its password masked, no trailing slash. */
export function redactUserinfo(u: URL): string {
  const c = new URL(u.href);
  if (c.password) c.password = '****';
  return c.href.replace(/\/$/, '');
}
