/**
 * The report's top bar asks the bundle panel (further down) to show its export preview. The panel
 * registers itself while it is on screen; the bar's button is disabled when nobody listens.
 */
let exporter: (() => void) | null = null;
export const share = $state({ canExport: false });

export function registerExporter(fn: () => void): () => void {
  exporter = fn;
  share.canExport = true;
  return () => {
    if (exporter === fn) {
      exporter = null;
      share.canExport = false;
    }
  };
}

export function requestExport(): void {
  exporter?.();
}
