/**
 * China (EVENTS C1, C4–C6, C11–C14): no new cold war, keep North Korea as its buffer,
 * stay in the driving seat, close to Moscow without breaking with Washington.
 */
import { relation } from '../../game/mechanics.js';
import { AVERT_WAR, always, pairs, type Doctrine } from '../doctrine.js';

export const CHINA: Doctrine = [
  AVERT_WAR,
  // C4, C5: above all, no rerun of the Cold War; when the blocs harden, reach across the line.
  {
    when: ({ view }) => view.tracks.polarisation >= 6,
    posture: () => ({ id: 'chnCalmBlocs', tracks: { polarisation: -0.8 }, relations: pairs(['CHN', 'KOR', 0.3], ['CHN', 'JPN', 0.2], ['CHN', 'USA', 0.2]) }),
  },
  // C1, C6: Pyongyang closer to Moscow than to Beijing means the buffer is slipping away.
  {
    when: ({ view }) => relation(view, 'RUS', 'PRK') > relation(view, 'CHN', 'PRK'),
    posture: () => ({ id: 'chnReclaimBuffer', relations: pairs(['CHN', 'PRK', 0.7], ['RUS', 'PRK', -0.3]) }),
  },
  // C14: after a North Korean test, Beijing reminds Pyongyang who it depends on.
  {
    when: ({ signals }) => signals.capabilityRose,
    posture: () => ({ id: 'chnDrivingSeat', tracks: { tension: -0.5 }, relations: pairs(['CHN', 'USA', 0.2]), cards: { 'chn-driving-seat': 0.8 } }),
  },
  // C11, C12: otherwise keep Moscow close and Washington at arm's length, not at war.
  {
    when: always,
    posture: () => ({ id: 'chnSteady', tracks: { polarisation: -0.3 }, relations: pairs(['CHN', 'RUS', 0.3], ['CHN', 'USA', 0.2]) }),
  },
];
