/**
 * The United States (EVENTS B2, C3, C5, C10, E7): hold the Camp David partnership
 * together, keep Ukraine standing, deter Pyongyang's weapons programme.
 */
import { relation } from '../../game/mechanics.js';
import { AVERT_WAR, always, pairs, type Doctrine } from '../doctrine.js';

export const UNITED_STATES: Doctrine = [
  AVERT_WAR,
  // B2, C3: a crack in the trilateral is mended first.
  {
    when: ({ view }) => relation(view, 'USA', 'JPN') < 2 || relation(view, 'USA', 'KOR') < 2 || relation(view, 'JPN', 'KOR') < 1,
    posture: () => ({ id: 'usaMendAlliance', relations: pairs(['USA', 'JPN', 0.6], ['USA', 'KOR', 0.6], ['JPN', 'KOR', 0.6]) }),
  },
  // E7: Russia gaining ground in Ukraine, with Korean soldiers, is answered with aid to Kyiv.
  {
    when: ({ view }) => view.tracks.front > 0,
    posture: () => ({ id: 'usaUkraineHolds', tracks: { front: -1.0 } }),
  },
  // C10: a missile test, or a programme past the line, is answered by squeezing the money that pays for the next one.
  {
    when: ({ view, signals }) => signals.capabilityRose || view.tracks.capability >= 5,
    posture: ({ view }) => {
      // Unknown units somewhere are worth exposing: publishing the imagery is how the US answers E7.
      const hidden = Object.values(view.unknownForces).some((n) => n > 0);
      return { id: 'usaDeter', tracks: { capability: -0.7 }, capital: { PRK: -0.4 }, cards: { 'usa-satellite-intelligence': hidden ? 0.5 : 0 } };
    },
  },
  {
    when: always,
    posture: () => ({ id: 'usaSolidarity', tracks: { front: -0.3 }, relations: pairs(['USA', 'JPN', 0.3], ['USA', 'KOR', 0.3], ['JPN', 'KOR', 0.3]) }),
  },
];
