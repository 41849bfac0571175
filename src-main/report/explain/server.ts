import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every server code, in English and Simplified Chinese. */
export const serverTexts: Partial<Record<CodesOfStage<'server'>, CodeText>> = {};
