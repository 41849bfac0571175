import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every environment code, in English and Simplified Chinese. */
export const environmentTexts: Partial<Record<CodesOfStage<'environment'>, CodeText>> = {};
