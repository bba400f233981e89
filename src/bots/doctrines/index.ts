/** Each power's doctrine, by power. */
import type { PowerId } from '../../game/powers.js';
import type { Doctrine } from '../doctrine.js';
import { CHINA } from './china.js';
import { JAPAN } from './japan.js';
import { NORTH_KOREA } from './northKorea.js';
import { RUSSIA } from './russia.js';
import { SOUTH_KOREA } from './southKorea.js';
import { UNITED_STATES } from './unitedStates.js';

export const DOCTRINES: Record<PowerId, Doctrine> = {
  CHN: CHINA,
  RUS: RUSSIA,
  PRK: NORTH_KOREA,
  USA: UNITED_STATES,
  JPN: JAPAN,
  KOR: SOUTH_KOREA,
};
