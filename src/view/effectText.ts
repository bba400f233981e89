/**
 * A card's or a choice's effects in words, so a player can read what a headline, an
 * option or a policy card will do without knowing the scenario file's language.
 */
import type { PowerId } from '../game/powers.js';
import type { Effect, Scenario } from '../scenario/schema.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { EFFECT_TEXT, possessive } from './text/en-game.js';
import { flagName, theatreName } from './names.js';

type PowerRef = PowerId | 'SELF' | 'TARGET';

/**
 * Who SELF and TARGET are for the reader: "you" for a card in one's own hand or a
 * decision one makes, "the chooser" when reading others' options, a power's name when known.
 */
export interface EffectReader {
  self: 'you' | 'chooser' | PowerId;
  target?: PowerId;
}

interface Named {
  name: string;
  possessive: string;
  /** SELF: the relation reads from its side ("your relation with China"). */
  isSelf: boolean;
}

function named(ref: PowerRef, reader: EffectReader): Named {
  const power = ref === 'SELF' ? reader.self : ref === 'TARGET' ? (reader.target ?? 'target') : ref;
  if (power === 'you') return { name: EFFECT_TEXT.you, possessive: EFFECT_TEXT.your, isSelf: true };
  const name = power === 'chooser' ? EFFECT_TEXT.theChooser : power === 'target' ? EFFECT_TEXT.theTarget : POWER_NAME[power];
  return { name, possessive: possessive(name), isSelf: ref === 'SELF' };
}

export function effectText(sc: Scenario, effect: Effect, reader: EffectReader): string {
  const who = (ref: PowerRef) => named(ref, reader);
  if ('track' in effect) return EFFECT_TEXT.track(TRACK_NAME[effect.track], effect.delta);
  if ('relation' in effect) {
    const [a, b] = [who(effect.relation[0]), who(effect.relation[1])];
    if (a.isSelf) return EFFECT_TEXT.relationOf(a.possessive, b.name, effect.delta);
    if (b.isSelf) return EFFECT_TEXT.relationOf(b.possessive, a.name, effect.delta);
    return EFFECT_TEXT.relation(a.name, b.name, effect.delta);
  }
  if ('capital' in effect) return EFFECT_TEXT.capital(who(effect.capital).name, effect.delta);
  if ('transfer' in effect) {
    const { from, to, amount } = effect.transfer;
    return EFFECT_TEXT.transfer(who(from).name, who(to).name, amount);
  }
  if ('income' in effect) return EFFECT_TEXT.income(who(effect.income).name, effect.delta);
  if ('vp' in effect) return EFFECT_TEXT.vp(who(effect.vp).name, effect.delta);
  if ('forces' in effect) {
    return EFFECT_TEXT.forces(who(effect.forces).name, effect.delta, theatreName(sc, effect.theatre), effect.covert === true);
  }
  if ('reserve' in effect) return EFFECT_TEXT.reserve(who(effect.reserve).name, effect.delta);
  if ('reveal' in effect) return effect.reveal === 'ALL' ? EFFECT_TEXT.revealAll : EFFECT_TEXT.revealAt(theatreName(sc, effect.reveal));
  if ('cancelCards' in effect) return EFFECT_TEXT.cancelCards(who(effect.cancelCards).possessive);
  if ('shield' in effect) return EFFECT_TEXT.shield(who(effect.shield).possessive);
  if ('setFlag' in effect) return EFFECT_TEXT.setFlag(flagName(sc, effect.setFlag));
  return EFFECT_TEXT.clearFlag(flagName(sc, effect.clearFlag));
}

/** Effects worth reading: a zero change (a placeholder effect) says nothing. */
export function effectsText(sc: Scenario, effects: readonly Effect[], reader: EffectReader): string[] {
  return effects.filter((e) => !('delta' in e) || e.delta !== 0).map((e) => effectText(sc, e, reader));
}
