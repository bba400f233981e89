/**
 * The reveal player: the round resolving step by step, beside the map and on it. It
 * plays on its own (a step every few seconds, longer for a longer step) until the sum,
 * and can be paused, stepped back and forth, jumped to any step, skipped to the sum and
 * replayed; Continue closes it. Each step is announced in a live region, the keys work
 * while focus is in it (← → Home End, Space), and with reduced motion nothing moves by
 * itself: the map's marks appear without being drawn on, and the steps wait for Next.
 *
 * It knows no screen: the game screen, the hot-seat table screen and (later) the
 * projector each give it a map and a story (src/view/revealSteps.ts).
 */
import { POWERS } from '../../../game/powers.js';
import { TRACKS } from '../../../game/types.js';
import { relationsOnMap, type RelationOnMap } from '../../../view/mapModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import type { RevealStep, RevealStory } from '../../../view/revealSteps.js';
import { POWER_NAME, TRACK_NAME } from '../../../view/text/en.js';
import { signed } from '../../../view/text/en-game.js';
import { REVEAL_PLAYER } from '../../../view/text/en-reveal.js';
import type { RevealFrame } from '../../map/revealLayer.js';
import { NextTask } from '../../taskQueue.js';
import { button, sentences } from '../game/dom.js';
import { el, powerSwatch } from '../screenDom.js';
import './reveal.css';

/** The map as the player uses it: LazyMap or EastAsiaMap. */
export interface RevealSurface {
  showReveal(frame: RevealFrame | null, relations: RelationOnMap[] | null): void;
}

export interface RevealPlayerOptions {
  map: RevealSurface | null;
  reducedMotion: boolean;
  /** The person chose Continue: the story's round has been seen. */
  onClose(story: RevealStory): void;
  /** "Watch round 3's reveal again" while closed; without it (the table screen) nothing shows while closed. */
  onWatchAgain?: () => void;
  /** The reveal is open and has focus: the screen may bring the map into view. */
  onShown?: () => void;
}

/** How long a step stays before the next, by how much it has to read (ms). */
function stepTime(step: RevealStep): number {
  const reading = 2200 + 550 * step.lines.length + 350 * step.orders.length + 300 * (step.tracks.length + step.relations.length);
  return Math.min(7000, reading);
}

export class RevealPlayer {
  /** The player's place on the screen: the open panel, the button to watch again, or nothing. */
  readonly element = el('div', { class: 'reveal-slot', 'data-testid': 'reveal-slot' });
  private readonly live = el('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-testid': 'reveal-announcement' });
  private readonly body = el('div', { class: 'reveal-body' });
  private story: RevealStory | null = null;
  private index = 0;
  private playing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The round a "watch again" button offers while closed. */
  private again: number | null = null;
  /** The map's part of a step, drawn in a task after the panel's so neither makes a long frame. */
  private mapFrame: [RevealFrame | null, RelationOnMap[] | null] = [null, null];
  private readonly mapLater = new NextTask(() => this.options.map?.showReveal(...this.mapFrame));
  /** Focus goes to the heading in a task of its own too: focusing lays out the whole page at once. */
  private readonly focusLater = new NextTask(() => {
    this.element.querySelector<HTMLElement>('.reveal-heading')?.focus({ preventScroll: true });
    this.options.onShown?.();
  });
  private controls: {
    panel: HTMLElement;
    back: HTMLButtonElement;
    next: HTMLButtonElement;
    play: HTMLButtonElement;
    skip: HTMLButtonElement;
    progress: HTMLElement;
    pills: HTMLButtonElement[];
    count: HTMLElement;
    continue: HTMLButtonElement;
  } | null = null;

  constructor(private readonly options: RevealPlayerOptions) {
    this.element.append(this.live);
  }

  get open(): boolean {
    return this.story !== null;
  }

  /** The round on show, or null when closed. */
  get round(): number | null {
    return this.story?.round ?? null;
  }

  /** Opens on the story's first step and plays it through (with reduced motion it waits for Next or Play). */
  play(story: RevealStory): void {
    this.story = story;
    this.build(story);
    this.go(0, !this.options.reducedMotion);
    this.focusLater.schedule();
  }

  /** While closed: offer to watch this round's reveal again (null: nothing to offer). */
  offer(round: number | null): void {
    if (this.again === round) return;
    this.again = round;
    if (!this.open) this.drawClosed();
  }

  close(): void {
    const story = this.story;
    this.stop();
    this.story = null;
    this.controls = null;
    this.showOnMap(null, null);
    this.drawClosed();
    if (story) this.options.onClose(story);
  }

  destroy(): void {
    this.stop();
    this.mapLater.close();
    this.focusLater.close();
    this.story = null;
    this.element.remove();
  }

  private showOnMap(frame: RevealFrame | null, relations: RelationOnMap[] | null): void {
    this.mapFrame = [frame, relations];
    this.mapLater.schedule();
  }

  private drawClosed(): void {
    const again = this.again !== null && this.options.onWatchAgain ? this.options.onWatchAgain : null;
    this.element.replaceChildren(
      this.live,
      again
        ? button({ focus: 'reveal-watch-again', testid: 'reveal-watch-again', className: 'small reveal-again', onClick: again }, REVEAL_PLAYER.watchAgain(this.again!))
        : '',
    );
  }

  private build(story: RevealStory): void {
    const back = button({ focus: 'reveal-back', testid: 'reveal-back', onClick: () => this.step(-1) }, REVEAL_PLAYER.back);
    const next = button({ focus: 'reveal-next', testid: 'reveal-next', onClick: () => this.step(1) }, REVEAL_PLAYER.next);
    const play = button({ focus: 'reveal-play', testid: 'reveal-play', onClick: () => this.toggle() }, REVEAL_PLAYER.pause);
    const skip = button({ focus: 'reveal-skip', testid: 'reveal-skip', onClick: () => this.go(story.steps.length - 1, false) }, REVEAL_PLAYER.skip);
    const replay = button({ focus: 'reveal-replay', testid: 'reveal-replay', onClick: () => this.go(0, true) }, REVEAL_PLAYER.replay);
    const continueLabel = story.last ? REVEAL_PLAYER.continueToResults : story.crisisPending || story.war ? REVEAL_PLAYER.continue : REVEAL_PLAYER.continueToRound(story.round + 1);
    const proceed = button({ focus: 'reveal-continue', testid: 'reveal-continue', className: 'primary reveal-continue', onClick: () => this.close() }, continueLabel);
    const pills = story.steps.map((step, i) =>
      button({ focus: `reveal-pill:${i}`, testid: 'reveal-pill', className: 'small reveal-pill', onClick: () => this.go(i, false), attrs: { 'data-step-id': step.id } }, step.title),
    );
    const progress = el('ol', { class: 'reveal-pills', 'aria-label': REVEAL_PLAYER.heading(story.round) }, ...pills.map((p) => el('li', {}, p)));
    const count = el('p', { class: 'reveal-count' });
    const panel = el(
      'section',
      { class: 'panel game-panel reveal-player', 'data-testid': 'reveal-player', 'data-round': String(story.round), 'aria-labelledby': 'reveal-player-title' },
      el('div', { class: 'reveal-top' }, el('h2', { id: 'reveal-player-title', class: 'panel-title reveal-heading', tabindex: '-1' }, story.heading), count),
      progress,
      el('div', { class: 'reveal-controls' }, back, play, next, skip, replay),
      // Continue stays in sight above the step, which scrolls on its own when long.
      proceed,
      this.body,
      el('p', { class: 'hint reveal-keys' }, REVEAL_PLAYER.keys),
    );
    panel.addEventListener('keydown', this.onKey);
    this.controls = { panel, back, next, play, skip, progress, pills, count, continue: proceed };
    this.element.replaceChildren(this.live, panel);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || !this.story) return;
    const onButton = event.target instanceof HTMLButtonElement;
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.step(1),
      ArrowLeft: () => this.step(-1),
      Home: () => this.go(0, false),
      End: () => this.go(this.story!.steps.length - 1, false),
    };
    // Space presses a focused button; elsewhere in the panel it plays or pauses.
    if (!onButton) keys[' '] = () => this.toggle();
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  private step(by: number): void {
    if (!this.story) return;
    this.go(Math.max(0, Math.min(this.story.steps.length - 1, this.index + by)), false);
  }

  private toggle(): void {
    if (!this.story) return;
    // Play from the start again once the sum is reached.
    if (!this.playing && this.index === this.story.steps.length - 1) return this.go(0, true);
    this.playing = !this.playing;
    this.schedule();
    this.drawControls();
  }

  /** Shows step `index`; `playing` says whether the steps then follow on their own. */
  private go(index: number, playing: boolean): void {
    const story = this.story;
    if (!story) return;
    this.index = index;
    this.playing = playing && index < story.steps.length - 1;
    const step = story.steps[index]!;
    this.body.replaceChildren(stepView(story, step));
    this.body.dataset['stepId'] = step.id;
    this.controls?.panel.setAttribute('data-step', String(index + 1));
    this.controls?.panel.setAttribute('data-steps', String(story.steps.length));
    this.controls?.panel.setAttribute('data-step-id', step.id);
    this.drawControls();
    // The first step shows every order at once, as an overview: drawn on, its many arrows would only crowd in one by one.
    const overview = step.id === 'orders';
    const frame: RevealFrame = { marks: step.marks, labels: !overview, animate: !overview && !this.options.reducedMotion };
    // The relations this step moved stay bold, the rest go pale under the step's arrows.
    this.showOnMap(frame, relationsOnMap(step.after.relations, new Set(step.relations.map((r) => r.pair))));
    this.live.textContent = REVEAL_PLAYER.announce(index + 1, story.steps.length, step.title, step.lines.length ? step.lines : [step.rule]);
    this.schedule();
  }

  private drawControls(): void {
    const c = this.controls;
    const story = this.story;
    if (!c || !story) return;
    const lastStep = this.index === story.steps.length - 1;
    c.back.disabled = this.index === 0;
    c.next.disabled = lastStep;
    c.skip.disabled = lastStep;
    c.play.textContent = this.playing ? REVEAL_PLAYER.pause : REVEAL_PLAYER.play;
    c.play.setAttribute('aria-pressed', String(this.playing));
    c.count.textContent = REVEAL_PLAYER.stepOf(this.index + 1, story.steps.length);
    c.pills.forEach((pill, i) => {
      if (i === this.index) pill.setAttribute('aria-current', 'step');
      else pill.removeAttribute('aria-current');
      pill.classList.toggle('done', i < this.index);
    });
  }

  private schedule(): void {
    this.stop();
    const story = this.story;
    if (!story || !this.playing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.story === story) this.go(this.index + 1, true);
    }, stepTime(story.steps[this.index]!));
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function powerLabel(power: (typeof POWERS)[number]): HTMLElement {
  return el('span', { class: 'reveal-power-name' }, powerSwatch(POWER_STYLE[power], 14), ' ', el('strong', {}, POWER_NAME[power]));
}

/** What the panel says about one step. */
function stepView(story: RevealStory, step: RevealStep): HTMLElement {
  const changes = [...step.tracks.map((t) => t.text), ...step.relations.map((r) => r.text)];
  const parts: (HTMLElement | null)[] = [el('h3', { class: 'reveal-step-title' }, step.title), el('p', { class: 'reveal-rule muted' }, step.rule)];
  if (step.id === 'orders') {
    parts.push(
      el('p', { class: 'reveal-map-key hint' }, REVEAL_PLAYER.mapKey),
      el(
        'ul',
        { class: 'reveal-all-orders' },
        ...story.powers.map((row) =>
          el(
            'li',
            { 'data-testid': 'reveal-power', 'data-power': row.power },
            powerLabel(row.power),
            row.orders.length ? el('ul', { class: 'reveal-order-list' }, ...row.orders.map((o) => el('li', {}, o))) : el('p', { class: 'muted' }, REVEAL_PLAYER.noOrders),
            row.rationale ? el('p', { class: 'reveal-why' }, el('span', { class: 'reveal-why-label' }, `${REVEAL_PLAYER.why}: `), row.rationale) : null,
          ),
        ),
      ),
    );
  } else if (step.id === 'summary') {
    // The round's changes, one to a line: the tracks, then the relations.
    if (!changes.length) parts.push(el('p', {}, REVEAL_PLAYER.nothingChanged));
    if (step.tracks.length) parts.push(el('h4', { class: 'reveal-subtitle' }, REVEAL_PLAYER.tracksChanged), sentences(step.tracks.map((t) => t.text), 'reveal-sum-list'));
    if (step.relations.length) parts.push(el('h4', { class: 'reveal-subtitle' }, REVEAL_PLAYER.relationsChanged), sentences(step.relations.map((r) => r.text), 'reveal-sum-list'));
    const scored = story.powers.filter((p) => p.scored);
    if (scored.length)
      parts.push(
        el('h4', { class: 'reveal-subtitle' }, REVEAL_PLAYER.points),
        el('ul', { class: 'reveal-scored-list' }, ...scored.map((p) => el('li', { 'data-power': p.power }, powerLabel(p.power), ` ${p.scored}`))),
      );
    if (story.crisisPending) parts.push(el('p', { class: 'reveal-note' }, REVEAL_PLAYER.pending));
    if (story.war) parts.push(el('p', { class: 'reveal-note reveal-war', role: 'note' }, REVEAL_PLAYER.war));
  } else {
    if (step.orders.length)
      parts.push(
        el('ul', { class: 'reveal-step-orders' }, ...step.orders.map((o) => el('li', { 'data-power': o.power }, powerLabel(o.power), ` ${o.text}`))),
      );
    parts.push(sentences(step.lines, 'reveal-lines'));
    if (changes.length) parts.push(el('p', { class: 'reveal-changes' }, el('strong', {}, `${REVEAL_PLAYER.changes}: `), changes.join(' · ')));
    else if (!step.lines.length) parts.push(el('p', { class: 'muted' }, REVEAL_PLAYER.nothingChanged));
    if (step.id === 'crisis' && story.crisisPending) parts.push(el('p', { class: 'reveal-note' }, REVEAL_PLAYER.pending));
  }
  parts.push(gauges(step));
  return el('div', { class: 'reveal-step', 'data-testid': 'reveal-step', 'data-step-id': step.id }, ...parts);
}

/** The four tracks after the step, the ones it moved marked. */
function gauges(step: RevealStep): HTMLElement {
  const moved = new Set(step.tracks.map((t) => t.track));
  return el(
    'div',
    { class: 'reveal-gauges' },
    el('p', { class: 'reveal-gauges-title', id: 'reveal-gauges-title' }, REVEAL_PLAYER.tracksNow),
    el(
      'dl',
      { 'aria-labelledby': 'reveal-gauges-title' },
      ...TRACKS.map((track) => {
        const value = step.after.tracks[track];
        return el('div', { class: `reveal-gauge${moved.has(track) ? ' moved' : ''}` }, el('dt', {}, TRACK_NAME[track]), el('dd', {}, track === 'front' ? signed(value) : String(value)));
      }),
    ),
  );
}
