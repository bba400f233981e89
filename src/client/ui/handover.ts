/**
 * Hot-seat hand-over: a full screen asking the next person to take the device. Nothing
 * of any hand, agenda or order is on it, and the one button has focus.
 */
import type { PowerId } from '../../game/powers.js';
import { POWER_STYLE } from '../../view/palette.js';
import { POWER_NAME } from '../../view/text/en.js';
import { HANDOVER_TEXT } from '../../view/text/en-game.js';
import { el, powerSwatch } from './screenDom.js';
import './game.css';

export function renderHandover(root: HTMLElement, power: PowerId, onReady: () => void): void {
  const name = POWER_NAME[power];
  const ready = el('button', { type: 'button', class: 'button primary big', 'data-testid': 'handover-ready' }, HANDOVER_TEXT.ready(name));
  ready.addEventListener('click', () => onReady(), { once: true });
  root.replaceChildren(
    el(
      'main',
      { class: 'screen handover-screen', 'data-testid': 'handover', 'aria-labelledby': 'handover-title' },
      el(
        'div',
        { class: 'handover-box' },
        powerSwatch(POWER_STYLE[power], 48),
        el('h1', { id: 'handover-title' }, HANDOVER_TEXT.title(name)),
        el('p', {}, HANDOVER_TEXT.body(name)),
        ready,
      ),
    ),
  );
  root.ownerDocument.title = `${HANDOVER_TEXT.title(name)} — Triangles`;
  ready.focus();
}
