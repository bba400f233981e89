/**
 * The reveal on a seat's game screen: it opens when the screen's reveal says a round is
 * due, sits beside the map in the move's place until Continue (the screen's `revealing`
 * class hides the move meanwhile), and afterwards leaves a button to watch it again.
 */
import type { SeatView } from '../../../game/types.js';
import type { Scenario } from '../../../scenario/schema.js';
import { lastRevealedRound, revealStory } from '../../../view/revealSteps.js';
import type { ScreenReveal } from '../contracts.js';
import { RevealPlayer, type RevealSurface } from './revealPlayer.js';

/** Space kept between the top bar and the map when the page scrolls back to it (CSS px). */
const MAP_MARGIN = 8;

export interface GameRevealOptions {
  scenario: Scenario;
  reveal: ScreenReveal;
  map: RevealSurface;
  reducedMotion: boolean;
  /** The game screen, which hides the move while the reveal is open. */
  screen: HTMLElement;
  /** The reveal was closed: the screen puts the person back at their move. */
  onClosed(): void;
}

export class GameReveal {
  private readonly player: RevealPlayer;
  private view: SeatView | null = null;

  constructor(private readonly options: GameRevealOptions) {
    this.player = new RevealPlayer({
      map: options.map,
      reducedMotion: options.reducedMotion,
      onClose: (story) => {
        options.screen.classList.remove('revealing');
        options.reveal.seenRound(story.round);
        options.onClosed();
      },
      onWatchAgain: () => this.view && this.show(this.view, lastRevealedRound(this.view)),
      onShown: () => this.bringMapIntoView(),
    });
  }

  get element(): HTMLElement {
    return this.player.element;
  }

  get open(): boolean {
    return this.player.open;
  }

  /** The view changed: open the reveal that is due, and offer the last one again. */
  update(view: SeatView): void {
    this.view = view;
    const due = this.options.reveal.due(view);
    // At once, in the redraw that brings the next round: its move must not show before the reveal covers it.
    if (due !== null && this.player.round !== due) this.show(view, due);
    const last = lastRevealedRound(view);
    this.player.offer(last > 0 ? last : null);
  }

  destroy(): void {
    this.player.destroy();
  }

  /**
   * The person may have scrolled down to lock in: the reveal is told on the map, so the
   * page goes back up until the map's top shows under the top bar (not further down).
   */
  private bringMapIntoView(): void {
    const { screen, reducedMotion } = this.options;
    const map = screen.querySelector('.map-panel');
    const bar = screen.querySelector('.game-top');
    if (!map) return;
    const hidden = map.getBoundingClientRect().top - (bar?.getBoundingClientRect().bottom ?? 0) - MAP_MARGIN;
    if (hidden < 0) window.scrollBy({ top: hidden, behavior: reducedMotion ? 'auto' : 'smooth' });
  }

  private show(view: SeatView, round: number): void {
    const story = revealStory(this.options.scenario, view, this.options.reveal.rationales(round), round);
    if (!story) return;
    this.options.screen.classList.add('revealing');
    this.player.play(story);
  }
}
