import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every http code, in English and Simplified Chinese. */
export const httpTexts: Partial<Record<CodesOfStage<'http'>, CodeText>> = {};
