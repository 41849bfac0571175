import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every auth code, in English and Simplified Chinese. */
export const authTexts: Partial<Record<CodesOfStage<'auth'>, CodeText>> = {};
