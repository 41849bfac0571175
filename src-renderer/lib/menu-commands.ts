import type { MenuCommand } from '../../src-main/common/ipc-contract.js';
import type { Lang } from '../../src-main/common/report.js';
import { doctor } from './api.js';
import { i18n } from './i18n/index.svelte.js';
import { summaryText } from './summary-text.js';
import { requestExport } from './stores/share.svelte.js';
import { theme } from './theme.svelte.js';
import { wizard } from '../wizard/wizard.svelte.js';
import { tick } from 'svelte';

/** What each application-menu item does in the wizard (main only forwards the click). */
export async function onMenu(command: MenuCommand, setLang: (l: Lang) => void): Promise<void> {
  const run = wizard.run;
  switch (command) {
    case 'new-diagnosis':
      wizard.go('target');
      await tick();
      document.getElementById('url')?.focus();
      return;
    case 'open-bundle': {
      const r = await doctor().openBundle();
      if (r.ok && r.value) {
        run.showBundle(r.value);
        wizard.go('report');
      } else if (!r.ok) run.error = r.error.message;
      return;
    }
    case 'export-bundle':
      if (!run.report) return;
      wizard.go('report');
      await tick();
      requestExport();
      return;
    case 'rerun':
      if (run.request && run.phase === 'done' && run.runId) {
        wizard.follow = true;
        await run.start(run.request);
      }
      return;
    case 'copy-summary':
      if (run.report) {
        const r = run.report;
        await navigator.clipboard
          .writeText(summaryText(r, i18n.t(`report.verdict.${r.summary.verdict}`), { rootCause: i18n.t('report.rootCause'), fixes: i18n.t('report.fixes'), colon: i18n.t('punct.colon') }))
          .catch(() => undefined);
      }
      return;
    case 'toggle-theme':
      theme.toggle();
      return;
    default:
      if (command === 'lang:en' || command === 'lang:zh-CN') setLang(command.slice(5) as Lang);
  }
}
