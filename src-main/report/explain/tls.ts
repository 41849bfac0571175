import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every tls code, in English and Simplified Chinese. */
export const tlsTexts: Partial<Record<CodesOfStage<'tls'>, CodeText>> = {};
