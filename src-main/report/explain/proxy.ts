import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every proxy code, in English and Simplified Chinese. */
export const proxyTexts: Partial<Record<CodesOfStage<'proxy'>, CodeText>> = {};
