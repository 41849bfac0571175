import type { CodesOfStage } from '../../common/codes.js';
import type { CodeText } from './types.js';

/** Title, detail and fixes of every tcp code, in English and Simplified Chinese. */
export const tcpTexts: Partial<Record<CodesOfStage<'tcp'>, CodeText>> = {};
