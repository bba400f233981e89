/**
 * What a spectator sees where a seat's move would be: that they are watching, what
 * they can and cannot see, and whom the round waits for.
 */
import type { WatchStatus } from '../../../view/seatModel.js';
import { WATCH } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { panel } from './dom.js';

export function watchingPanel(status: WatchStatus): HTMLElement {
  const section = panel(
    'move',
    WATCH.banner,
    { class: 'watching-panel', 'data-testid': 'watching' },
    el('p', {}, WATCH.explain),
    el('p', { class: 'muted' }, status.waitingFor ?? status.prompt),
  );
  // The same landing place as a seat's move: the skip link and the first focus go here.
  const title = section.querySelector('h2');
  title?.setAttribute('tabindex', '-1');
  title?.setAttribute('data-focus', 'move-title');
  return section;
}
