/**
 * Cards as a person reads them: the round's headline and crisis (date, facts, who said
 * what, effects and decision in words, the discussion question) and the seat's hand
 * with each card's cost and whether it can be played now, and if not, why.
 */
import { catalog } from '../game/catalog.js';
import { legalOrders } from '../game/orders.js';
import type { PowerId } from '../game/powers.js';
import type { Order, Readable } from '../game/types.js';
import type { Decision, Scenario } from '../scenario/schema.js';
import { effectsText, type EffectReader } from './effectText.js';
import { roundDate } from './names.js';
import { POWER_NAME, reasonText } from './text/en.js';
import { CARD_TEXT } from './text/en-game.js';

export interface DecisionModel {
  powers: PowerId[];
  decidedBy: string;
  prompt: string;
  options: { id: string; label: string; effects: string[] }[];
  outcomes: { when: string; text: string; effects: string[] }[];
}

export interface EventCardModel {
  deck: 'headline' | 'crisis';
  id: string;
  title: string;
  /** Headlines carry a date, which is their round's (names.ts roundDate); crisis cards do not. */
  date: string | null;
  hypothetical: boolean;
  facts: string;
  sayings: { who: string; said: string }[];
  /** What the card does by itself when revealed. */
  effects: string[];
  decision: DecisionModel | null;
  question: string;
}

export function decisionModel(sc: Scenario, decision: Decision, viewer: PowerId | null): DecisionModel {
  // The deciders read SELF as "you"; everyone else reads it as "the chooser".
  const reader: EffectReader = { self: viewer && decision.powers.includes(viewer) ? 'you' : 'chooser' };
  const label = (id: string) => decision.options.find((o) => o.id === id)?.label ?? id;
  return {
    powers: [...decision.powers],
    decidedBy: CARD_TEXT.decidedBy(decision.powers.map((p) => POWER_NAME[p])),
    prompt: decision.prompt,
    options: decision.options.map((o) => ({ id: o.id, label: o.label, effects: effectsText(sc, o.effects, reader) })),
    outcomes: decision.outcomes.map((o) => ({
      when: 'allChose' in o.when ? CARD_TEXT.outcomeAll(label(o.when.allChose)) : CARD_TEXT.outcomeAny(label(o.when.anyChose)),
      text: o.text,
      effects: effectsText(sc, o.effects, { self: 'chooser' }),
    })),
  };
}

export function headlineModel(sc: Scenario, id: string, viewer: PowerId | null): EventCardModel {
  const card = catalog(sc).headline(id);
  return {
    deck: 'headline',
    id,
    title: card.title,
    date: roundDate(sc, id),
    hypothetical: card.hypothetical,
    facts: card.facts,
    sayings: card.sayings.map((s) => ({ who: s.who, said: s.said })),
    effects: effectsText(sc, card.effects, { self: 'chooser' }),
    decision: card.decision ? decisionModel(sc, card.decision, viewer) : null,
    question: card.question,
  };
}

export function crisisModel(sc: Scenario, id: string, viewer: PowerId | null): EventCardModel {
  const card = catalog(sc).crisis(id);
  return {
    deck: 'crisis',
    id,
    title: card.title,
    date: null,
    hypothetical: card.hypothetical,
    facts: card.facts,
    sayings: [],
    effects: [],
    decision: decisionModel(sc, card.decision, viewer),
    question: card.question,
  };
}

export interface HandCardModel {
  id: string;
  title: string;
  text: string;
  cost: number;
  costText: string;
  targets: string | null;
  /** "idle" when no card can be added now (outside the orders step, or every order chosen). */
  state: 'playable' | 'unplayable' | 'chosen' | 'idle';
  /** A word on its state: playable, chosen as order N, or why not; null when idle. */
  status: string | null;
}

export interface HandModel {
  cards: HandCardModel[];
  /** Said once for the whole hand when every card is idle: why no card can be played now. */
  note: string | null;
}

/**
 * The seat's hand. Playability is asked of `legalOrders` with the draft orders, so a
 * card the draft already plays, or one the remaining Capital cannot pay, says so.
 * `settled`: the seat's move is made on this device, not yet sent (nothing is playable then).
 */
export function handModel(sc: Scenario, view: Readable, power: PowerId, chosen: readonly Order[], settled = false): HandModel {
  const hand = view.seats[power]?.hand ?? [];
  const ordering = view.step.kind === 'orders' && !view.ready.includes(power) && !settled;
  const legal = ordering ? legalOrders(sc, view, power, chosen) : null;
  // With every order chosen, legalOrders answers with one refusal for everything.
  const whole = legal?.remaining === 0 ? (legal.refused[0]?.reason ?? null) : null;
  const note = !legal ? CARD_TEXT.notNow : whole ? reasonText(whole) : null;
  const cards = hand.map((id): HandCardModel => {
    const card = catalog(sc).policy(id);
    const draftIndex = chosen.findIndex((o) => o.kind === 'card' && o.card === id);
    const playable = legal?.options.some((o) => o.order.kind === 'card' && o.order.card === id) ?? false;
    const refusal = legal?.refused.find((r) => r.kind === 'card' && r.card === id);
    let state: HandCardModel['state'];
    let status: string | null;
    if (draftIndex >= 0) [state, status] = ['chosen', CARD_TEXT.inDraft(draftIndex + 1)];
    else if (note) [state, status] = ['idle', null];
    else if (playable) [state, status] = ['playable', CARD_TEXT.playable];
    else [state, status] = ['unplayable', refusal ? reasonText(refusal.reason) : null];
    return {
      id,
      title: card.title,
      text: card.text,
      cost: card.cost,
      costText: CARD_TEXT.cost(card.cost),
      targets: card.target ? CARD_TEXT.targets(card.target.map((p) => POWER_NAME[p])) : null,
      state,
      status,
    };
  });
  return { cards, note };
}
