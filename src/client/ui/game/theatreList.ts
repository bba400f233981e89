/**
 * The DOM mirror of the map, for screen readers and keyboard users: every theatre with
 * the forces in it (others' hidden forces as "unknown units"). Choosing a theatre
 * highlights it on the map, or, while the builder asks where to deploy or withdraw,
 * picks it, exactly as a click on the map would.
 */
import type { TheatreModel } from '../../../view/boardModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { ORDER_NAME } from '../../../view/text/en.js';
import { PANEL, THEATRE_TEXT } from '../../../view/text/en-game.js';
import { el, powerSwatch } from '../screenDom.js';
import { button, panel } from './dom.js';

export interface TheatreListProps {
  theatres: readonly TheatreModel[];
  selected: string | null;
  /** Set while the order builder is choosing a theatre for this kind of order. */
  picking: 'deploy' | 'withdraw' | null;
  onChoose(theatre: string): void;
}

export function theatreList(props: TheatreListProps): HTMLElement {
  return panel(
    'theatres',
    PANEL.theatres,
    { 'data-testid': 'theatres', class: `theatres-panel ${props.picking ? 'picking' : ''}` },
    el('p', { class: 'hint' }, THEATRE_TEXT.help),
    el(
      'ul',
      { class: 'theatre-list' },
      ...props.theatres.map((t) => {
        const selected = props.selected === t.id;
        const label = props.picking ? THEATRE_TEXT.pick(t.name, ORDER_NAME[props.picking]) : THEATRE_TEXT.select(t.name);
        return el(
          'li',
          { class: selected ? 'selected' : '', 'data-theatre': t.id },
          button(
            {
              focus: `theatre:${t.id}`,
              className: 'theatre-button',
              onClick: () => props.onChoose(t.id),
              attrs: { 'aria-pressed': props.picking ? undefined : String(selected), 'aria-label': `${label}. ${t.summary}` },
            },
            el('span', { class: 'theatre-name' }, t.name),
            t.offMap ? el('span', { class: 'muted' }, ` ${THEATRE_TEXT.offMap}`) : null,
          ),
          el(
            'span',
            { class: 'theatre-forces', 'aria-hidden': 'true' },
            ...t.stacks.map((s) => el('span', { class: 'stack' }, powerSwatch(POWER_STYLE[s.power], 12), ` ${THEATRE_TEXT.stack(s.name, s.count)}${s.hidden ? ` (${THEATRE_TEXT.covertOwn(s.hidden)})` : ''}`)),
            t.unknown ? el('span', { class: 'stack unknown' }, THEATRE_TEXT.unknown(t.unknown)) : null,
            !t.stacks.length && !t.unknown ? el('span', { class: 'muted' }, THEATRE_TEXT.empty) : null,
          ),
        );
      }),
    ),
  );
}
