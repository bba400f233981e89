/**
 * Hot-seat: the reveal once for the whole table, on a screen of its own between two
 * people's turns. It shows the map as every seat sees it (no one's covert forces) and
 * the reveal player, and nothing of any hand, agenda or draft; Continue goes on to the
 * hand-over (or, after the last round, the results).
 */
import type { SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { publicMapModel } from '../../view/mapModel.js';
import type { RevealStory } from '../../view/revealSteps.js';
import { PANEL } from '../../view/text/en-game.js';
import { REVEAL_TABLE } from '../../view/text/en-reveal.js';
import { LazyMap } from '../map/lazyMap.js';
import { panel } from './game/dom.js';
import { RevealPlayer } from './reveal/revealPlayer.js';
import { el } from './screenDom.js';
import './game.css';

export interface RevealScreenProps {
  scenario: Scenario;
  /** Any seat's view: the screen reads only what every seat may see. */
  view: SeatView;
  story: RevealStory;
  onContinue(): void;
}

export function renderRevealScreen(root: HTMLElement, props: RevealScreenProps): { destroy(): void } {
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const mapBox = el('div', { class: 'map', 'data-testid': 'map' });
  const map = new LazyMap(mapBox, { onSelectTheatre: () => undefined, reducedMotion });
  map.update(publicMapModel(props.scenario, props.view));
  const player = new RevealPlayer({ map, reducedMotion, onClose: () => props.onContinue() });
  root.replaceChildren(
    el(
      'main',
      { class: 'game-screen reveal-screen', 'data-testid': 'reveal-screen' },
      el('header', { class: 'game-top' }, el('h1', { class: 'top-round' }, REVEAL_TABLE.title(props.story.round)), el('p', { class: 'top-prompt muted' }, REVEAL_TABLE.note)),
      el('div', { class: 'game-body' }, el('div', { class: 'game-board' }, panel('map', PANEL.map, { class: 'map-panel' }, mapBox)), el('div', { class: 'game-col game-right' }, player.element)),
    ),
  );
  root.ownerDocument.title = `${REVEAL_TABLE.title(props.story.round)} — Triangles`;
  player.play(props.story);
  return {
    destroy() {
      player.destroy();
      map.destroy();
    },
  };
}
