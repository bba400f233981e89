/** The fifteen relations in words and numbers, grouped into the two triangles and the pairs across them. */
import type { RelationGroup } from '../../../view/boardModel.js';
import { PANEL } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { panel } from './dom.js';

/** A small bar from -3 to +3 beside the number and word, so the value reads at a glance. */
function meter(value: number): HTMLElement {
  return el('span', { class: `relation-meter ${value > 0 ? 'pos' : value < 0 ? 'neg' : 'zero'}`, style: `--v:${value}`, 'aria-hidden': 'true' });
}

export function relationsList(groups: readonly RelationGroup[]): HTMLElement {
  return panel(
    'relations',
    PANEL.relations,
    { 'data-testid': 'relations', class: 'relations-panel' },
    ...groups.map((g) =>
      el(
        'div',
        { class: 'relation-group' },
        el('h3', {}, g.label),
        el(
          'ul',
          { class: 'relation-list' },
          ...g.rows.map((r) =>
            el(
              'li',
              { 'data-pair': r.key },
              el('span', { class: 'relation-pair' }, r.label),
              meter(r.value),
              el('span', { class: 'relation-value' }, r.valueText),
              el('span', { class: 'relation-word' }, r.word),
            ),
          ),
        ),
      ),
    ),
  );
}
