/**
 * The effect menu of Control's written inject: the effects cards use (scenario
 * schema), each as the fields a form asks for. What the form collects is turned into
 * an effect here and checked by the rules (checkInjectEffects, through checkControl):
 * nothing here decides whether an effect is allowed.
 */
import type { Scenario } from '../scenario/schema.js';

export type EffectKind =
  | 'track'
  | 'relation'
  | 'capital'
  | 'transfer'
  | 'income'
  | 'vp'
  | 'forces'
  | 'reserve'
  | 'reveal'
  | 'cancelCards'
  | 'shield'
  | 'setFlag'
  | 'clearFlag';

/** What a field asks for: a track, a power, a theatre (or everywhere), a number, a yes/no or one of the scenario's flags. */
export type FieldType = 'track' | 'power' | 'theatre' | 'theatreOrAll' | 'delta' | 'amount' | 'covert' | 'flag';

export interface EffectField {
  /** The key of the value in the form; also its label's key in EFFECT_MENU_TEXT.fields. */
  name: 'track' | 'power' | 'other' | 'from' | 'to' | 'delta' | 'amount' | 'theatre' | 'where' | 'covert' | 'flag';
  type: FieldType;
}

const f = (name: EffectField['name'], type: FieldType): EffectField => ({ name, type });

export const EFFECT_MENU: Record<EffectKind, readonly EffectField[]> = {
  track: [f('track', 'track'), f('delta', 'delta')],
  relation: [f('power', 'power'), f('other', 'power'), f('delta', 'delta')],
  capital: [f('power', 'power'), f('delta', 'delta')],
  transfer: [f('from', 'power'), f('to', 'power'), f('amount', 'amount')],
  income: [f('power', 'power'), f('delta', 'delta')],
  vp: [f('power', 'power'), f('delta', 'delta')],
  forces: [f('power', 'power'), f('theatre', 'theatre'), f('delta', 'delta'), f('covert', 'covert')],
  reserve: [f('power', 'power'), f('delta', 'delta')],
  reveal: [f('where', 'theatreOrAll')],
  cancelCards: [f('power', 'power')],
  shield: [f('power', 'power')],
  setFlag: [f('flag', 'flag')],
  clearFlag: [f('flag', 'flag')],
};

export const EFFECT_KINDS = Object.keys(EFFECT_MENU) as EffectKind[];

/** The flags Control may raise or lower, by label: the ones the scenario names (and its cards test). */
export function flagChoices(sc: Scenario): Array<[id: string, label: string]> {
  return Object.entries(sc.flags);
}

/** The kinds this scenario's menu offers: raising or lowering a flag only when it has flags. */
export function injectKinds(sc: Scenario): EffectKind[] {
  const hasFlags = flagChoices(sc).length > 0;
  return EFFECT_KINDS.filter((kind) => hasFlags || EFFECT_MENU[kind].every((f) => f.type !== 'flag'));
}

/** The form's values: text of selects and number inputs, a checkbox's state. */
export type FieldValues = Partial<Record<EffectField['name'], string | boolean>>;

/** A whole number as typed in a form; anything else stays text, for the rules to refuse naming the field. */
export function typedWhole(value: string | boolean | undefined): number | string {
  const text = typeof value === 'string' ? value.trim() : '';
  return /^[+-]?\d+$/.test(text) ? Number(text) : text;
}

/** The effect the form describes, in the scenario file's own shape (unchecked). */
export function buildEffect(kind: EffectKind, values: FieldValues): Record<string, unknown> {
  const v = (name: EffectField['name']) => values[name];
  switch (kind) {
    case 'track':
      return { track: v('track'), delta: typedWhole(v('delta')) };
    case 'relation':
      return { relation: [v('power'), v('other')], delta: typedWhole(v('delta')) };
    case 'transfer':
      return { transfer: { from: v('from'), to: v('to'), amount: typedWhole(v('amount')) } };
    case 'forces':
      return { forces: v('power'), theatre: v('theatre'), delta: typedWhole(v('delta')), ...(v('covert') === true ? { covert: true } : {}) };
    case 'reveal':
      return { reveal: v('where') };
    case 'cancelCards':
    case 'shield':
      return { [kind]: v('power') };
    case 'setFlag':
    case 'clearFlag':
      return { [kind]: typeof v('flag') === 'string' ? (v('flag') as string).trim() : '' };
    default:
      // capital, income, vp, reserve: a power and a change.
      return { [kind]: v('power'), delta: typedWhole(v('delta')) };
  }
}
