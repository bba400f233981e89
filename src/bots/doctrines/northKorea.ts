/**
 * North Korea (EVENTS C9, C10, C14, E1, E7): money, technology and battlefield
 * experience, not solidarity; survive, and play its two patrons off against each other.
 */
import { relation } from '../../game/mechanics.js';
import type { PowerId } from '../../game/powers.js';
import { AVERT_WAR, always, pairs, type Doctrine, type Situation } from '../doctrine.js';

const PATRONS = ['CHN', 'RUS'] as const;

/** The patron that paid North Korea in the latest round, if one did: it is courted again. */
function payingPatron({ signals }: Situation): PowerId | undefined {
  return PATRONS.find((p) => (signals.last[p] ?? []).some((o) => o.kind === 'aid' && o.target === 'PRK'));
}

function colderPatron({ view }: Situation): PowerId {
  return relation(view, 'CHN', 'PRK') <= relation(view, 'RUS', 'PRK') ? 'CHN' : 'RUS';
}

export const NORTH_KOREA: Doctrine = [
  AVERT_WAR,
  // C9, C14: a patron that cools is a purse that closes; win it back before anything else.
  {
    when: (s) => relation(s.view, colderPatron(s), 'PRK') < 1,
    posture: (s) => {
      const colder = colderPatron(s);
      const other = colder === 'CHN' ? 'RUS' : 'CHN';
      return { id: 'prkCourtPatrons', relations: pairs([colder, 'PRK', 0.7], [other, 'PRK', 0.2]) };
    },
  },
  // C9: Pyongyang sells to whoever pays; the patron who paid last round is thanked.
  {
    when: (s) => payingPatron(s) !== undefined,
    posture: (s) => ({ id: 'prkRewardPatron', relations: pairs([payingPatron(s)!, 'PRK', 0.5]), capital: { PRK: 0.1 } }),
  },
  // C10, E1: while the peninsula is calm enough, the programme moves on.
  {
    when: ({ sc, view }) => view.tracks.tension <= sc.rules.warAt - 5 && view.tracks.capability < sc.rules.trackRange.capability[1],
    posture: () => ({ id: 'prkBuildDeterrent', tracks: { capability: 0.6 } }),
  },
  {
    when: always,
    posture: () => ({ id: 'prkPlayPatrons', relations: pairs(['CHN', 'PRK', 0.3], ['RUS', 'PRK', 0.3]), capital: { PRK: 0.1 } }),
  },
];
