/**
 * Japan (EVENTS E9, C3, C10): security in the seas around Japan, a calm region and a
 * firm alliance with the United States.
 */
import { forcesIn, relation } from '../../game/mechanics.js';
import type { Scenario } from '../../scenario/schema.js';
import { AVERT_WAR, always, pairs, type Doctrine } from '../doctrine.js';

/** Japan's home waters are the scenario's theatres marked as its home. */
function homeWaters(sc: Scenario): string[] {
  return sc.theatres.filter((t) => t.homeOf.includes('JPN')).map((t) => t.id);
}

export const JAPAN: Doctrine = [
  AVERT_WAR,
  // E9: rising tension is the direct threat to Japan's neighbourhood.
  {
    when: ({ view }) => view.tracks.tension > 4,
    posture: () => ({ id: 'jpnLowerTemperature', tracks: { tension: -0.8 } }),
  },
  // C3: the alliance with Washington is the anchor.
  {
    when: ({ view }) => relation(view, 'USA', 'JPN') < 2,
    posture: () => ({ id: 'jpnAllianceFirst', relations: pairs(['USA', 'JPN', 0.7]) }),
  },
  // C10: after a test, or when the fleet at home is thin against the programme, guard home waters.
  {
    when: ({ sc, view, signals }) =>
      signals.capabilityRose || homeWaters(sc).reduce((n, t) => n + forcesIn(view, t, 'JPN'), 0) < Math.ceil(view.tracks.capability / 3),
    posture: ({ sc }) => ({ id: 'jpnGuardHome', forces: Object.fromEntries(homeWaters(sc).map((t) => [t, 0.4])) }),
  },
  {
    when: always,
    posture: () => ({ id: 'jpnSteady', relations: pairs(['JPN', 'KOR', 0.3], ['USA', 'JPN', 0.2], ['CHN', 'JPN', 0.1]) }),
  },
];
