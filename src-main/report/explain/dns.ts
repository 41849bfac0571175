import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every dns code, in English and Simplified Chinese. */
export const dnsTexts: Partial<Record<CodesOfStage<'dns'>, CodeText>> = {};
