/**
 * South Korea (EVENTS C2, C5, C6, C10): security against the North, a solid alliance
 * with Washington, and good business with China, its biggest trade partner.
 */
import { relation } from '../../game/mechanics.js';
import { AVERT_WAR, always, pairs, type Doctrine } from '../doctrine.js';

export const SOUTH_KOREA: Doctrine = [
  AVERT_WAR,
  // C2: the peninsula is where a war would start; calm it first.
  {
    when: ({ view }) => view.tracks.tension > 4,
    posture: () => ({ id: 'korCalmPeninsula', tracks: { tension: -0.8 }, relations: pairs(['PRK', 'KOR', 0.3]) }),
  },
  // C10: a missile test next door is answered by squeezing the money that pays for the next one.
  {
    when: ({ view, signals }) => signals.capabilityRose && view.tracks.capability >= 5,
    posture: () => ({ id: 'korDeter', tracks: { capability: -0.5 }, capital: { PRK: -0.3 } }),
  },
  {
    when: ({ view }) => relation(view, 'USA', 'KOR') < 2,
    posture: () => ({ id: 'korAllianceFirst', relations: pairs(['USA', 'KOR', 0.7]) }),
  },
  // C5, C6: Seoul cannot afford a cold war with its biggest customer.
  {
    when: ({ view }) => relation(view, 'CHN', 'KOR') < 0,
    posture: () => ({ id: 'korTradeWithBeijing', relations: pairs(['CHN', 'KOR', 0.7]) }),
  },
  {
    when: always,
    posture: () => ({ id: 'korSecurityAndProsperity', relations: pairs(['USA', 'KOR', 0.2], ['CHN', 'KOR', 0.2], ['JPN', 'KOR', 0.1]) }),
  },
];
