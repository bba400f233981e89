/**
 * The top bar: the round and its date, whose seat this is, what is asked now and who
 * the round waits for, and the Rules and Quit buttons. Built once and updated in
 * place, so its live prompt is announced only when the words change.
 */
import type { PowerId } from '../../../game/powers.js';
import type { WatchStatus } from '../../../view/seatModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { PANEL, TOP, WATCH } from '../../../view/text/en-game.js';
import { el, powerSwatch } from '../screenDom.js';
import { button } from './dom.js';

export class TopBar {
  readonly element: HTMLElement;
  private readonly round: HTMLElement;
  private readonly prompt: HTMLElement;
  private readonly waiting: HTMLElement;

  /** `power` null: a spectator, who plays no seat. */
  constructor(power: PowerId | null, onRules: () => void, onQuit: () => void) {
    this.round = el('p', { class: 'top-round' });
    this.prompt = el('strong', { class: 'top-prompt-text' });
    this.waiting = el('span', { class: 'top-waiting' });
    this.element = el(
      'header',
      { class: 'game-top' },
      el('a', { class: 'skip-link', href: '#move-title' }, power ? TOP.skipToMove : WATCH.skipTo),
      this.round,
      el('p', { class: 'top-seat' }, ...(power ? [powerSwatch(POWER_STYLE[power], 18), ` ${TOP.playingAs(POWER_NAME[power])}`] : [WATCH.seatLine])),
      el('p', { class: 'top-prompt', 'data-testid': 'prompt', 'aria-live': 'polite' }, this.prompt, ' ', this.waiting),
      el(
        'div',
        { class: 'top-actions' },
        button({ focus: 'rules', testid: 'open-rules', onClick: onRules }, TOP.rules),
        button({ focus: 'quit', testid: 'quit', onClick: onQuit }, TOP.quit),
      ),
    );
    this.element.setAttribute('aria-label', PANEL.top);
  }

  update(status: WatchStatus): void {
    setText(this.round, status.roundLine);
    setText(this.prompt, status.prompt);
    setText(this.waiting, status.waitingFor ?? '');
  }
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
