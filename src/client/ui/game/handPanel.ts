/** The seat's own hand: each card's title, cost, text, and whether it can be played now (and if not, why). */
import type { HandCardModel, HandModel } from '../../../view/cardModel.js';
import { CARD_TEXT, PANEL } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { panel } from './dom.js';

function card(card: HandCardModel): HTMLElement {
  return el(
    'li',
    // State classes carry the card's prefix, so no other panel's rule (the order list's "chosen") can match them.
    { class: `policy-card policy-${card.state}`, 'data-card': card.id, 'data-state': card.state },
    el('div', { class: 'policy-head' }, el('h3', { class: 'policy-title' }, card.title), el('span', { class: 'policy-cost' }, card.costText)),
    el('p', { class: 'policy-text' }, card.text),
    card.targets ? el('p', { class: 'policy-targets' }, card.targets) : null,
    card.status ? el('p', { class: 'policy-status' }, card.status) : null,
  );
}

export function handPanel(hand: HandModel): HTMLElement {
  return panel(
    'hand',
    PANEL.hand,
    { 'data-testid': 'hand', class: 'hand-panel' },
    hand.cards.length && hand.note ? el('p', { class: 'hint' }, hand.note) : null,
    hand.cards.length ? el('ul', { class: 'hand-list' }, ...hand.cards.map(card)) : el('p', { class: 'muted' }, CARD_TEXT.emptyHand),
  );
}
