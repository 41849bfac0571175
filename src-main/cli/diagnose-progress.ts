import type { ProgressEvent } from '../common/progress.js';
import type { Lang } from '../common/report.js';
import { UI } from '../report/render-strings.js';

const MARK = { pass: '✓', warn: '⚠', fail: '✗', skipped: '–' } as const;

/**
 * Live progress for a terminal: one line per finished stage, and a "checking …" line that is
 * rewritten in place while a stage runs. Only used when stderr is a TTY.
 */
export function progressPrinter(stderr: { write(s: string): unknown }, lang: Lang): (e: ProgressEvent) => void {
  const u = UI[lang];
  const running = new Set<string>();
  const clear = '\r\x1b[K';
  /** The sample the server probe is at, shown after its stage name ("checking server: sample 2 of 5…"). */
  const at = new Map<string, string>();
  const line = () => stderr.write(`${clear}  … ${u.checking([...running].map((s) => `${u.stage[s as keyof typeof u.stage]}${at.has(s) ? `${lang === 'zh-CN' ? '：' : ': '}${at.get(s)}` : ''}`).join(', '))}`);
  return (e) => {
    if (e.type === 'stage-started') {
      running.add(e.stage);
      line();
    } else if (e.type === 'sample' && e.state === 'started' && running.has(e.stage)) {
      at.set(e.stage, u.sampleOf(e.n, e.of));
      line();
    } else if (e.type === 'stage-finished') {
      at.delete(e.stage);
      running.delete(e.stage);
      stderr.write(`${clear}  ${MARK[e.status]} ${u.stage[e.stage]} ${e.status === 'skipped' ? '' : `(${e.durationMs} ms)`}\n`);
    } else if (e.type === 'done') {
      stderr.write(clear);
    }
  };
}
