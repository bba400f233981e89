/**
 * Russia (EVENTS E2, E4, E7, C3, C8, C11): win in Ukraine, keep Beijing's backing,
 * keep North Korean shells and soldiers coming, pry the southern triangle apart.
 */
import { relation } from '../../game/mechanics.js';
import { AVERT_WAR, always, pairs, type Doctrine } from '../doctrine.js';

export const RUSSIA: Doctrine = [
  AVERT_WAR,
  // E2, E7: the war comes first; when the Front stalls, buy shells and soldiers.
  {
    when: ({ view }) => view.tracks.front <= 0,
    posture: () => ({ id: 'rusPushFront', tracks: { front: 0.8 }, relations: pairs(['RUS', 'PRK', 0.3]) }),
  },
  // C11: Russia will not put Pyongyang ahead of Beijing, on which it depends.
  {
    when: ({ view }) => relation(view, 'CHN', 'RUS') < 2,
    posture: () => ({ id: 'rusBeijingFirst', relations: pairs(['CHN', 'RUS', 0.7]) }),
  },
  // C3: a united south is Moscow's problem; offer Tokyo or Seoul a deal of its own.
  {
    when: ({ view }) => relation(view, 'JPN', 'KOR') > 0,
    posture: () => ({ id: 'rusSplitSouth', relations: pairs(['JPN', 'KOR', -0.5]) }),
  },
  {
    when: always,
    posture: () => ({ id: 'rusFrontAndBeijing', tracks: { front: 0.4 }, relations: pairs(['CHN', 'RUS', 0.3]) }),
  },
];
