import type { MessageKey } from './i18n/en.js';

/**
 * Probe summaries that point a CLI user at a flag ("--samples N takes N", "(--stream)") have app
 * wording: the app offers those as controls and buttons, never as flags to type.
 */
export const APP_WORDING: Record<string, MessageKey> = {
  'server.healthyAndFast': 'probe.app.healthyAndFast',
  'stream.notApplicable': 'probe.app.streamNotAsked',
  'completion.notApplicable': 'probe.app.completionNotAsked',
  'tls.caFileUnreadable': 'probe.app.caFileUnreadable',
};
