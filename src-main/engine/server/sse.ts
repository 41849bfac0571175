export interface SseEvent {
  event: string;
  data: string;
}

/** Bounds what one event may hold: a stream that never sends a blank line must not grow without end. */
const MAX_EVENT_CHARS = 256 * 1024;

/** An incremental `text/event-stream` parser (WHATWG HTML §9.2.6), fed text as it arrives. */
export class SseParser {
  #buf = '';
  #event = '';
  #data: string[] = [];
  #size = 0;

  feed(text: string): SseEvent[] {
    this.#buf += text;
    const out: SseEvent[] = [];
    let nl: number;
    while ((nl = this.#buf.search(/\r\n|\r|\n/)) >= 0) {
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for the next one.
      if (nl === this.#buf.length - 1 && this.#buf.endsWith('\r')) break;
      const line = this.#buf.slice(0, nl);
      const len = this.#buf.startsWith('\r\n', nl) ? 2 : 1;
      this.#buf = this.#buf.slice(nl + len);
      const ev = this.#line(line);
      if (ev) out.push(ev);
    }
    if (this.#buf.length > MAX_EVENT_CHARS) this.#buf = this.#buf.slice(-MAX_EVENT_CHARS);
    return out;
  }

  /** Dispatches a final event that had no trailing blank line. */
  flush(): SseEvent[] {
    const ev = this.#buf ? this.#line(this.#buf.replace(/\r$/, '')) : null;
    this.#buf = '';
    const last = this.#line('');
    return [ev, last].filter((e): e is SseEvent => e !== null);
  }

  #line(line: string): SseEvent | null {
    if (line === '') {
      if (this.#data.length === 0 && this.#event === '') return null;
      const ev = { event: this.#event || 'message', data: this.#data.join('\n') };
      this.#event = '';
      this.#data = [];
      this.#size = 0;
      return ev;
    }
    if (line.startsWith(':')) return null;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    let value = i < 0 ? '' : line.slice(i + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data' && this.#size < MAX_EVENT_CHARS) {
      this.#data.push(value);
      this.#size += value.length;
    }
    return null;
  }
}

/** The end marker of OpenAI-style (`data: [DONE]`) and Anthropic-style (`message_stop`) streams. */
export function isEndEvent(e: SseEvent): boolean {
  if (e.data.trim() === '[DONE]' || e.event === 'message_stop') return true;
  return jsonType(e.data) === 'message_stop';
}

/** An error carried inside a stream: `event: error`, or a data object with `error` / `type: "error"`. Returns its message. */
export function streamError(e: SseEvent): string | null {
  const j = json(e.data);
  const inner = j && typeof j.error === 'object' && j.error ? (j.error as Record<string, unknown>) : null;
  if (e.event === 'error' || jsonType(e.data) === 'error' || inner || (j && typeof j.error === 'string')) {
    const msg = inner?.message ?? (typeof j?.error === 'string' ? j.error : null) ?? j?.message ?? e.data;
    // An error event with no data is still an error: '' would read as "no error" to the stream probe.
    return String(msg).slice(0, 300) || '(an error event without a message)';
  }
  return null;
}

function json(s: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
const jsonType = (s: string) => {
  const t = json(s)?.type;
  return typeof t === 'string' ? t : null;
};
