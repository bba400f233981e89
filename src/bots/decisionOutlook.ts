/**
 * How a headline or crisis decision could turn out, seen from one seat: every
 * combination of the deciders' choices, revealed by the rules on a copy of the view
 * (src/bots/foresee.ts), and valued for every decider by its public objectives (and, for
 * the seat itself, its own agenda: the others' are secret and the copy has none).
 */
import { catalog } from '../game/catalog.js';
import type { PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import type { Decision, Scenario } from '../scenario/schema.js';
import { foreseeDecision, imagine, type Sketch } from './foresee.js';
import { firmPowers } from '../game/resolution.js';
import { appraiseAtRoundEnd } from './value.js';

export interface Profile {
  /** Each decider's choice. */
  choices: Partial<Record<PowerId, string>>;
  /** The table if the crisis does not slip. */
  sketch: Sketch;
  /** The tables if it slips, one for each power that stood firm (none when nobody did, or with no slip rule). */
  slipped: Sketch[];
  /** What this profile is worth to each decider: expected over the slip's chance, which no seat can know in advance. */
  values: Partial<Record<PowerId, number>>;
}

export interface Outlook {
  deck: 'headline' | 'crisis';
  card: string;
  deciders: PowerId[];
  options: string[];
  profiles: Profile[];
}

function decisionOf(sc: Scenario, deck: 'headline' | 'crisis', card: string): Decision {
  const decision = deck === 'headline' ? catalog(sc).headline(card).decision : catalog(sc).crisis(card).decision;
  if (!decision) throw new Error(`headline "${card}" asks no decision`);
  return decision;
}

function everyCombination(deciders: readonly PowerId[], options: readonly string[]): Partial<Record<PowerId, string>>[] {
  let combos: Partial<Record<PowerId, string>>[] = [{}];
  for (const p of deciders) combos = combos.flatMap((c) => options.map((o) => ({ ...c, [p]: o })));
  return combos;
}

export function outlook(sc: Scenario, view: SeatView): Outlook {
  if (view.step.kind !== 'decide') throw new Error('no decision is open');
  const { deck, card, powers: deciders } = view.step;
  const decision = decisionOf(sc, deck, card);
  const options = decision.options.map((o) => o.id);
  const seen = imagine(sc, view);
  const chance = deck === 'crisis' ? (sc.rules.crisisEvents?.slip.chance ?? 0) : 0;
  const profiles = everyCombination(deciders, options).map((choices) => {
    const sketch = foreseeDecision(sc, seen, decision, choices);
    // The rules draw the slip, and who slips among the firm, at random: weigh each by its chance.
    const slipped = chance > 0 ? firmPowers(sc, decision, choices).map((by) => foreseeDecision(sc, seen, decision, choices, by)) : [];
    const values: Partial<Record<PowerId, number>> = {};
    for (const p of deciders) {
      const calm = appraiseAtRoundEnd(sc, sketch, p);
      const slip = slipped.length ? slipped.reduce((sum, s) => sum + appraiseAtRoundEnd(sc, s, p), 0) / slipped.length : calm;
      values[p] = (1 - chance) * calm + chance * slip;
    }
    return { choices, sketch, slipped, values };
  });
  return { deck, card, deciders: [...deciders], options, profiles };
}

/** An option's worth to a decider if the other deciders chose at random. */
export function meanValue(o: Outlook, power: PowerId, option: string): number {
  const mine = o.profiles.filter((p) => p.choices[power] === option);
  return mine.reduce((sum, p) => sum + p.values[power]!, 0) / mine.length;
}

/** What a decider would pick if it weighed its options against the others choosing at random. */
export function likelyChoice(o: Outlook, power: PowerId): string {
  let best = o.options[0]!;
  let bestValue = -Infinity;
  for (const option of o.options) {
    const value = meanValue(o, power, option);
    if (value > bestValue) [best, bestValue] = [option, value];
  }
  return best;
}
