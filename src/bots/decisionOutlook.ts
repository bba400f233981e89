/**
 * How a headline or crisis decision could turn out, seen from one seat: every
 * combination of the deciders' choices, played out on a copy of the view the way
 * the rules reveal a decision (each chooser's option, then the outcomes whose
 * condition holds), and valued for every decider by its public objectives (and, for
 * the seat itself, its own agenda: the others' are secret and the copy has none).
 */
import { catalog } from '../game/catalog.js';
import type { PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import type { Decision, Scenario } from '../scenario/schema.js';
import { foreseeEffects, sketchOf, type Sketch } from './foresee.js';
import { appraiseAtRoundEnd } from './value.js';

export interface Profile {
  /** Each decider's choice. */
  choices: Partial<Record<PowerId, string>>;
  sketch: Sketch;
  /** What this profile is worth to each decider. */
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
  const profiles = everyCombination(deciders, options).map((choices) => {
    const sketch = sketchOf(view);
    for (const p of deciders) foreseeEffects(sc, sketch, decision.options.find((o) => o.id === choices[p])!.effects, p);
    const chosen = deciders.map((p) => choices[p]!);
    for (const outcome of decision.outcomes) {
      const met = 'allChose' in outcome.when ? chosen.every((c) => c === (outcome.when as { allChose: string }).allChose) : chosen.includes((outcome.when as { anyChose: string }).anyChose);
      if (met) foreseeEffects(sc, sketch, outcome.effects, undefined);
    }
    const values: Partial<Record<PowerId, number>> = {};
    for (const p of deciders) values[p] = appraiseAtRoundEnd(sc, sketch, p);
    return { choices, sketch, values };
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
