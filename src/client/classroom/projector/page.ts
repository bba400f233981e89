/**
 * The projector: the big screen for the room. Before the start it shows how to join
 * (the code, the students' link and its QR code, the teams so far); from the start
 * the map, the four tracks, the timer, the headline and the last round's reveal, and
 * at the end the ranking. It is a spectator of the match (no seat, no token), so the
 * server sends it the public view only: nothing secret can reach this screen.
 */
import { POWERS } from '../../../game/powers.js';
import type { SeatView } from '../../../game/types.js';
import type { Scenario } from '../../../scenario/schema.js';
import { buildMapModel } from '../../../view/mapModel.js';
import { projectorClock, projectorModel } from '../../../view/projectorModel.js';
import { PANEL } from '../../../view/text/en-game.js';
import { PROJECTOR } from '../../../view/text/en-projector.js';
import { LazyMap } from '../../map/lazyMap.js';
import { exerciseApi, type PublicExercise } from '../../net/exerciseApi.js';
import { serverClock } from '../../net/serverClock.js';
import { RemoteMatch } from '../../net/remoteMatch.js';
import { PanelSlot, panel } from '../../ui/game/dom.js';
import { headlinePanel } from '../../ui/game/headlinePanel.js';
import { revealPanel } from '../../ui/game/revealPanel.js';
import { tracksPanel } from '../../ui/game/tracksPanel.js';
import { el } from '../../ui/screenDom.js';
import { classroomLink, type ClassroomContext } from '../route.js';
import { joinPanel } from './joinPanel.js';
import { rankingPanel } from './rankingPanel.js';
import '../../ui/game.css';
import './projector.css';

/** How often the screen asks whether Control has started, and who has joined. */
const POLL_MS = 3000;

export async function openProjector(context: ClassroomContext): Promise<void> {
  const { root, code } = context;
  root.ownerDocument.title = PROJECTOR.pageTitle(code);
  const screen = el('main', { class: 'game-screen projector', 'data-testid': 'projector', 'aria-busy': 'true' }, el('p', { class: 'projector-note' }, PROJECTOR.connecting));
  root.replaceChildren(screen);
  let info: PublicExercise;
  let scenario: Scenario;
  try {
    [info, scenario] = await Promise.all([exerciseApi.get(code), exerciseApi.scenario(code)]);
  } catch (error) {
    screen.removeAttribute('aria-busy');
    screen.replaceChildren(el('p', { class: 'projector-note', role: 'alert', 'data-testid': 'projector-problem' }, (error as Error).message));
    return;
  }
  const match = new RemoteMatch(scenario, context.host, code, null, window.location.origin, POWERS.length + 1);
  const board = new ProjectorBoard(screen, scenario, match, code);
  if (info.started) return board.start();

  const link = classroomLink('exercise', code);
  const join = joinPanel(code, link);
  screen.removeAttribute('aria-busy');
  screen.replaceChildren(join.element);
  join.showTeams(info);
  // The projector asks until Control starts: the teams fill up on screen meanwhile.
  const poll = window.setInterval(() => {
    exerciseApi.get(code).then(
      (latest) => {
        if (!latest.started) return join.showTeams(latest);
        window.clearInterval(poll);
        board.start();
      },
      // A missed poll is tried again on the next tick; the screen keeps what it showed.
      () => undefined,
    );
  }, POLL_MS);
}

/** The board once the exercise runs: redrawn on every update, the timer every second. */
class ProjectorBoard {
  private readonly slots = { tracks: new PanelSlot(), side: new PanelSlot(), reveal: new PanelSlot() };
  private readonly roundLine = el('p', { class: 'projector-round' });
  private readonly prompt = el('p', { class: 'projector-prompt', 'aria-live': 'polite' });
  private readonly clock = el('div', { class: 'projector-clock', role: 'timer', 'data-testid': 'projector-clock' });
  private readonly connection = el('p', { class: 'projector-connection', role: 'status' });
  private readonly mapBox = el('div', { class: 'map', 'data-testid': 'map' });
  private map: LazyMap | null = null;
  private view: SeatView | null = null;

  constructor(
    private readonly screen: HTMLElement,
    private readonly sc: Scenario,
    private readonly match: RemoteMatch,
    private readonly code: string,
  ) {}

  start(): void {
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.screen.removeAttribute('aria-busy');
    this.screen.replaceChildren(
      el(
        'header',
        { class: 'projector-bar' },
        el('div', { class: 'projector-status' }, this.roundLine, this.prompt),
        this.clock,
        el('p', { class: 'projector-join' }, PROJECTOR.joinCorner, ' ', el('strong', { 'data-testid': 'projector-code' }, this.code)),
        this.connection,
      ),
      el(
        'div',
        { class: 'projector-body' },
        el('div', { class: 'projector-tracks' }, this.slots.tracks.element),
        panel('map', PANEL.map, { class: 'map-panel projector-map' }, this.mapBox),
        el('div', { class: 'projector-side' }, this.slots.side.element),
      ),
      el('div', { class: 'projector-reveal' }, this.slots.reveal.element),
    );
    this.map = new LazyMap(this.mapBox, { onSelectTheatre: () => undefined, reducedMotion });
    this.match.onChange(() => this.redraw());
    // The deadline is the server's: counted down by its clock, not this screen's.
    serverClock.keepSynced();
    window.setInterval(() => this.tick(), 1000);
    this.redraw();
  }

  private redraw(): void {
    if (!this.match.synced) {
      this.prompt.textContent = PROJECTOR.connecting;
      return this.tick();
    }
    // A spectator's view is the same whichever power it is asked for.
    const view: SeatView = this.match.view(POWERS[0]);
    this.view = view;
    const model = projectorModel(this.sc, view);
    // In a decision the headline beside says who decides: the line names those still to choose ("China is deciding Waiting for China…" said it twice).
    const { prompt: stepPrompt, waitingFor } = model.status;
    const prompt = view.step.kind === 'decide' ? (waitingFor ?? stepPrompt) : [stepPrompt, waitingFor].filter(Boolean).join(' ');
    this.roundLine.textContent = model.status.roundLine;
    // Set only when it changes: the live region would read the same words to the room again.
    if (this.prompt.textContent !== prompt) this.prompt.textContent = prompt;
    const key = (...parts: unknown[]) => JSON.stringify(parts);
    this.slots.tracks.show(key(model.tracks), () => tracksPanel(model.tracks));
    this.slots.side.show(key(model.ranking, model.headline, model.crisis), () =>
      model.ranking ? rankingPanel(model.ranking, model.war) : headlinePanel(model.headline, model.crisis),
    );
    this.slots.reveal.show(key(model.reveal), () => revealPanel(model.reveal));
    this.map?.update(buildMapModel(this.sc, view));
    this.screen.ownerDocument.title = `${model.status.roundLine} — ${PROJECTOR.pageTitle(this.code)}`;
    this.tick();
  }

  /** Every second: the timer and the connection, nothing else. */
  private tick(): void {
    this.connection.textContent = this.match.synced && !this.match.connected ? PROJECTOR.reconnecting : '';
    if (!this.view) return;
    const clock = projectorClock(this.view, serverClock.now());
    // After the last round there is no time to keep.
    this.clock.hidden = this.view.step.kind === 'over';
    this.clock.dataset.state = clock.state;
    this.clock.setAttribute('aria-label', clock.spoken);
    const shown = `${clock.state} ${clock.text}`;
    if (this.clock.dataset.shown === shown) return;
    this.clock.dataset.shown = shown;
    // A label over the time only when there is a time under it ("Paused" alone says it all).
    const label = clock.state === 'running' ? PROJECTOR.timer : clock.state === 'paused' && clock.text !== PROJECTOR.paused ? PROJECTOR.paused : null;
    this.clock.replaceChildren(label ? el('span', { class: 'projector-clock-label' }, label) : '', el('span', { class: 'projector-clock-time' }, clock.text));
  }
}
