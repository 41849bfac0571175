import type { ProviderId } from '../../src-main/common/report.js';
import { PROVIDER_NAMES } from '../../src-main/common/providers.js';

/** Product names stay as they are in every language; "generic" is a description and is translated. */
export const providerName = (id: ProviderId, t: (key: 'provider.generic') => string): string => (id === 'generic' ? t('provider.generic') : PROVIDER_NAMES[id]);
