/**
 * A power's doctrine, in the manner of the COIN series' non-player flowcharts: an
 * ordered list of visible triggers, the first that fires setting the power's posture
 * for this decision. A posture says what the power values beyond its scored
 * objectives, as weights on what an order changes, and names the goal its rationale
 * gives ("to keep its buffer").
 */
import { forcesIn } from '../game/mechanics.js';
import { pairKey, type PairKey, type PowerId } from '../game/powers.js';
import type { SeatView, TrackId } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Sketch } from './foresee.js';
import type { Signals } from './signals.js';
import type { PostureId } from '../view/text/en-bots.js';

export interface Posture {
  id: PostureId;
  /** What one step of a track is worth (negative: the power wants it lower). */
  tracks?: Partial<Record<TrackId, number>>;
  /** What one step of a relation is worth. */
  relations?: Partial<Record<PairKey, number>>;
  /** What one Capital in a power's hands is worth to this power (negative: squeeze it). */
  capital?: Partial<Record<PowerId, number>>;
  /** What one of the power's own forces in a theatre is worth. */
  forces?: Record<string, number>;
  /** Cards whose worth the lookahead cannot see (cancelling, revealing), valued flat. */
  cards?: Record<string, number>;
}

export interface Situation {
  sc: Scenario;
  view: SeatView;
  power: PowerId;
  signals: Signals;
}

export interface DoctrineStep {
  when: (s: Situation) => boolean;
  posture: (s: Situation) => Posture;
}

export type Doctrine = readonly DoctrineStep[];

export const always = () => true;

/** Relation weights written as pairs in any order ("PRK–CHN" is the same pair as "CHN–PRK"). */
export function pairs(...weights: [PowerId, PowerId, number][]): Partial<Record<PairKey, number>> {
  const out: Partial<Record<PairKey, number>> = {};
  for (const [a, b, w] of weights) out[pairKey(a, b)] = w;
  return out;
}

/** Every power's first step: with war three steps of Tension away, nothing matters more than calm. */
export const AVERT_WAR: DoctrineStep = {
  when: ({ sc, view }) => view.tracks.tension >= sc.rules.warAt - 3,
  posture: () => ({ id: 'avertWar', tracks: { tension: -1.5 } }),
};

export function postureFor(doctrine: Doctrine, s: Situation): Posture {
  for (const step of doctrine) if (step.when(s)) return step.posture(s);
  throw new Error(`${s.power}'s doctrine has no step for this situation; its last step must always apply`);
}

/** What the posture makes of the change from one foreseen table to the next. */
export function postureBonus(posture: Posture, power: PowerId, before: Sketch, after: Sketch, card: string | null): number {
  let bonus = 0;
  const [a, b] = [before.view, after.view];
  for (const [track, w] of Object.entries(posture.tracks ?? {}) as [TrackId, number][]) bonus += w * (b.tracks[track] - a.tracks[track]);
  for (const [pair, w] of Object.entries(posture.relations ?? {}) as [PairKey, number][]) bonus += w * (b.relations[pair] - a.relations[pair]);
  for (const [p, w] of Object.entries(posture.capital ?? {}) as [PowerId, number][]) bonus += w * (b.powers[p].capital - a.powers[p].capital);
  for (const [theatre, w] of Object.entries(posture.forces ?? {})) bonus += w * (forcesIn(b, theatre, power) - forcesIn(a, theatre, power));
  if (card) bonus += posture.cards?.[card] ?? 0;
  return bonus;
}
