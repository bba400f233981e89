/**
 * The whole game's log in words, oldest first, in a polite live region. New entries
 * are appended rather than the list redrawn, so a screen reader announces only them.
 */
import type { LogLine } from '../../../view/logText.js';
import { LOG_TEXT, PANEL } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { panel } from './dom.js';

export class LogPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private shown = 0;
  private lastRound = -1;
  /** Whether the reader is at the newest entries, kept from scroll events: reading the layout on each move would force the browser to compute it there and then. */
  private atBottom = true;
  private following = 0;

  constructor() {
    this.list = el('ol', { class: 'log-list', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', 'aria-label': PANEL.log });
    this.element = panel('log', PANEL.log, { 'data-testid': 'log', class: 'log-panel' }, this.list);
    this.list.addEventListener('scroll', () => (this.atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40), { passive: true });
  }

  update(lines: readonly LogLine[]): void {
    // The log only grows; anything else means another match, so start over.
    if (lines.length < this.shown) {
      this.list.replaceChildren();
      this.shown = 0;
      this.lastRound = -1;
    }
    if (lines.length === this.shown) return;
    for (const line of lines.slice(this.shown)) {
      if (line.round !== this.lastRound) {
        this.list.append(el('li', { class: 'log-round' }, LOG_TEXT.roundHeading(line.round)));
        this.lastRound = line.round;
      }
      this.list.append(el('li', {}, line.text));
    }
    this.shown = lines.length;
    // Follow new entries unless the reader has scrolled back to read older ones; in the
    // next frame, when the browser lays the page out anyway, and once for many moves.
    if (this.atBottom && !this.following) {
      this.following = requestAnimationFrame(() => {
        this.following = 0;
        this.list.scrollTop = this.list.scrollHeight;
      });
    }
  }
}
