import { CurlParseError } from './parse.js';
import { wellFormed } from '../well-formed.js';

/** How curl itself reads and encodes what a command says (pure: this file also runs in the renderer). */

/** curl's --data-urlencode: RFC 3986 unreserved characters stay, a space is + (curl ≥ 7.86, form encoding), everything else %XX. */
export function curlEscape(s: string): string {
  return encodeURIComponent(wellFormed(s))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** `Name: value`, `Name;` (empty value), `Name:` (curl: remove an internal header: nothing to send). */
export function addHeader(headers: { name: string; value: string }[], raw: string): void {
  const colon = raw.indexOf(':');
  const semi = raw.indexOf(';');
  if (colon < 0 && semi > 0 && raw.slice(semi + 1).trim() === '') {
    headers.push({ name: raw.slice(0, semi).trim(), value: '' });
    return;
  }
  if (colon <= 0) throw new CurlParseError(`-H "${raw.slice(0, 40)}" is not a header: write it as "Name: value"`);
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (value === '') return;
  headers.push({ name, value });
}

/** curl's --noproxy: `*`, or comma-separated names matching the host or a parent domain. */
export function noProxyCovers(list: string, host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return list.split(',').some((entry) => {
    const e = entry.trim().toLowerCase().replace(/^\./, '');
    return e === '*' || (e !== '' && (h === e || h.endsWith(`.${e}`)));
  });
}

/** Percent-decoding that keeps the text as it is when it is not valid UTF-8 percent-encoding. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Base64 of UTF-8 text without Node's Buffer (this file also runs in the renderer). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
