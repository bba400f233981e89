/** The account of the last revealed round: each power's orders and points, the decisions, the tracks, and what followed. */
import type { RevealModel } from '../../../view/revealModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { PANEL, REVEAL_TEXT } from '../../../view/text/en-game.js';
import { el, powerSwatch } from '../screenDom.js';
import { panel, sentences } from './dom.js';

export function revealPanel(model: RevealModel | null): HTMLElement {
  if (!model) return panel('reveal', PANEL.reveal, { 'data-testid': 'reveal', class: 'reveal-panel' }, el('p', { class: 'muted' }, REVEAL_TEXT.none));
  return panel(
    'reveal',
    model.heading,
    { 'data-testid': 'reveal', class: 'reveal-panel', 'data-round': String(model.round) },
    el(
      'ul',
      { class: 'reveal-powers' },
      ...model.powers.map((row) =>
        el(
          'li',
          { 'data-power': row.power },
          el('p', { class: 'reveal-orders' }, powerSwatch(POWER_STYLE[row.power], 14), ' ', el('strong', {}, `${row.name}: `), row.orders.length ? row.orders.join(' · ') : REVEAL_TEXT.noOrders),
          row.scored ? el('p', { class: 'reveal-scored' }, row.scored) : null,
        ),
      ),
    ),
    ...model.choices.map((c) => el('div', { class: 'reveal-choices' }, el('h3', {}, REVEAL_TEXT.choices(c.card)), sentences(c.lines))),
    model.tracks.length ? el('p', { class: 'reveal-tracks' }, el('strong', {}, `${REVEAL_TEXT.changes}: `), model.tracks.join(' · ')) : null,
    model.events.length ? el('details', { class: 'reveal-events' }, el('summary', {}, REVEAL_TEXT.events), sentences(model.events)) : null,
  );
}
