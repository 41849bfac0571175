/** True when a body is an HTML page (by content type, or by its first bytes when the type lies). */
export function isHtml(contentType: string | null, text: string | null): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  if (!text) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>])/i.test(text.slice(0, 512));
}

/** The page's <title>, whitespace collapsed and bounded: it names a captive portal or WAF at a glance. */
export function htmlTitle(text: string | null): string | null {
  if (!text) return null;
  const m = /<title[^>]*>([\s\S]{0,2000}?)<\/title>/i.exec(text);
  if (!m) return null;
  const t = decodeEntities(m[1]!).replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 200) : null;
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
    }
    return named[e.toLowerCase()] ?? all;
  });
}
