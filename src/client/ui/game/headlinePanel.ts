/**
 * The round's headline card and, when Tension has drawn one, the crisis card: date,
 * title, a HYPOTHETICAL badge, the facts, who said what, what it does, the decision it
 * asks and the question for the room.
 */
import type { DecisionModel, EventCardModel } from '../../../view/cardModel.js';
import { CARD_TEXT, PANEL } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { panel, sentences } from './dom.js';

function decisionBlock(decision: DecisionModel): HTMLElement {
  return el(
    'div',
    { class: 'card-decision' },
    el('p', { class: 'card-decided-by' }, decision.decidedBy),
    el('p', { class: 'card-prompt' }, decision.prompt),
    el(
      'ul',
      { class: 'card-options' },
      ...decision.options.map((o) => el('li', {}, el('strong', {}, o.label), sentences(o.effects, 'effects'))),
    ),
    decision.outcomes.length
      ? el(
          'ul',
          { class: 'card-outcomes' },
          ...decision.outcomes.map((o) => el('li', {}, el('strong', {}, `${o.when}: `), o.text, sentences(o.effects, 'effects'))),
        )
      : null,
  );
}

function cardBody(card: EventCardModel): HTMLElement {
  return el(
    'article',
    { class: `event-card event-${card.deck}` },
    el(
      'header',
      { class: 'card-header' },
      card.date ? el('p', { class: 'card-date' }, card.date) : null,
      el('h3', { class: 'card-title' }, card.title),
      card.hypothetical ? el('p', { class: 'badge badge-hypothetical', title: CARD_TEXT.hypotheticalHelp }, CARD_TEXT.hypothetical) : null,
    ),
    el('p', { class: 'card-facts' }, card.facts),
    ...card.sayings.map((s) => el('blockquote', { class: 'card-saying' }, el('p', {}, s.said), el('footer', {}, CARD_TEXT.said(s.who)))),
    card.effects.length ? el('div', { class: 'card-effects' }, el('h4', {}, CARD_TEXT.effect), sentences(card.effects, 'effects')) : null,
    card.decision ? decisionBlock(card.decision) : null,
    el('div', { class: 'card-question' }, el('h4', {}, CARD_TEXT.question), el('p', {}, card.question)),
  );
}

export function headlinePanel(headline: EventCardModel | null, crisis: EventCardModel | null): HTMLElement {
  return panel(
    'headline',
    PANEL.headline,
    { 'data-testid': 'headline', class: 'headline-panel' },
    crisis ? el('div', { class: 'crisis-wrap', 'data-testid': 'crisis' }, el('p', { class: 'badge badge-crisis' }, PANEL.crisis), cardBody(crisis)) : null,
    headline ? cardBody(headline) : null,
  );
}
