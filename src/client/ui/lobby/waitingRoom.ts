/**
 * The waiting room of one online match: its code to read out and its link to share,
 * the six seats (who has taken each, who is connected, which are bots), a seat to
 * take with a name, the match's settings (the host may change them until the start),
 * and the host's Start button; everyone else waits for the host.
 *
 * The controller polls the server and calls `show` with each answer; only the parts
 * that changed are rebuilt, so a name being typed or a focused button survives.
 */
import type { PowerId } from '../../../game/powers.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { LOBBY } from '../../../view/text/en-lobby.js';
import type { MatchSettings, PublicMatch } from '../../net/lobbyApi.js';
import type { OnlinePlace } from '../../net/onlineSeats.js';
import { el, powerSwatch } from '../screenDom.js';
import { hostSettings, type HostSettings } from './hostSettings.js';
import { formError, lobbyHeader } from './lobbyDom.js';
import './lobby.css';

export interface WaitingRoomProps {
  code: string;
  /** The link that opens this match, to share. */
  link: string;
  scenarioTitle: string;
  name: string;
  onTake(power: PowerId, name: string): Promise<void>;
  onLeave(): Promise<void>;
  onStart(): Promise<void>;
  /** The host changes the settings (before the start). */
  onSettings(settings: MatchSettings): Promise<void>;
  onWatch(): void;
  onBack(): void;
}

export interface WaitingRoom {
  show(match: PublicMatch, place: OnlinePlace): void;
  /** A problem to tell the person (a refused request, the server gone), or null when it is over. */
  problem(message: string | null): void;
}

export function renderWaitingRoom(root: HTMLElement, props: WaitingRoomProps): WaitingRoom {
  const nameInput = el('input', {
    id: 'player-name',
    name: 'name',
    type: 'text',
    class: 'text-input',
    'data-testid': 'player-name',
    autocomplete: 'nickname',
    maxlength: '40',
    'aria-describedby': 'name-hint room-error',
    value: props.name,
  });
  const nameField = el('div', { class: 'field' }, el('label', { for: 'player-name' }, LOBBY.nameLabel), nameInput, el('p', { id: 'name-hint', class: 'hint' }, LOBBY.nameHint));
  const error = formError('room-error');
  const status = el('div', { class: 'room-status', 'aria-live': 'polite', 'data-testid': 'room-status' });
  const seats = el('div', { class: 'room-seats' });
  const actions = el('div', { class: 'actions' });
  let settings: HostSettings | null = null;

  const main = el(
    'main',
    { class: 'screen lobby-screen', 'data-testid': 'waiting-room', 'data-code': props.code },
    lobbyHeader(LOBBY.roomTitle(props.code), { label: LOBBY.backToLobby, onBack: props.onBack }, el('p', { class: 'tagline' }, props.scenarioTitle)),
    sharePanel(props),
    el('section', { class: 'panel', 'aria-labelledby': 'seats-title' }, el('h2', { id: 'seats-title' }, LOBBY.seatTitle), status, error.element, nameField, seats, actions),
  );
  root.replaceChildren(main);
  root.ownerDocument.title = `${LOBBY.roomTitle(props.code)} — Triangles`;
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });

  /** Runs a request with its button disabled; a refusal is shown and focus goes back to where the person was. */
  const run = (button: HTMLButtonElement, request: () => Promise<void>) => {
    button.disabled = true;
    error.show(null);
    request().catch((problem: Error) => {
      error.show(problem.message);
      button.disabled = false;
      if (button.isConnected) button.focus();
    });
  };

  const take = (power: PowerId, button: HTMLButtonElement) => {
    const name = nameInput.value.trim();
    if (!name) {
      error.show(LOBBY.nameMissing);
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    run(button, () => props.onTake(power, name));
  };

  let shown = '';
  return {
    show(match, place) {
      const key = JSON.stringify([match, place]);
      if (key === shown) return;
      shown = key;
      // Rebuilding moves focus off a replaced button: put it back on the same one.
      const focused = root.ownerDocument.activeElement;
      const refocus = focused instanceof HTMLElement && (seats.contains(focused) || actions.contains(focused)) ? focusKey(focused) : null;

      const mine = place.seat;
      nameField.hidden = mine !== null || match.over;
      status.replaceChildren(...statusLines(match, place));
      seats.replaceChildren(seatTable(match, mine?.power ?? null, mine === null && !match.over, take));
      actions.replaceChildren(...roomActions(match, place, props, run));
      if (place.hostToken && !match.started) {
        settings ??= hostSettings(match.settings, props.onSettings);
        if (!settings.element.isConnected) main.append(settings.element);
        settings.show(match.settings);
      } else settings?.element.remove();

      if (refocus) [...root.querySelectorAll<HTMLElement>('button[data-testid]')].find((n) => focusKey(n) === refocus)?.focus();
    },
    problem: (message) => error.show(message),
  };
}

/** Which button an element is, across a rebuild. */
function focusKey(node: HTMLElement): string {
  return `${node.dataset.testid}/${node.dataset.power ?? ''}`;
}

function sharePanel(props: WaitingRoomProps): HTMLElement {
  const link = el('input', { id: 'room-link', type: 'text', class: 'text-input', readonly: true, value: props.link, 'data-testid': 'room-link' });
  const copied = el('span', { class: 'hint', 'aria-live': 'polite' });
  const copy = el('button', { type: 'button', class: 'button' }, LOBBY.copyLink);
  copy.addEventListener('click', () => {
    link.select();
    void navigator.clipboard?.writeText(props.link).then(() => (copied.textContent = LOBBY.copied), () => undefined);
  });
  return el(
    'section',
    { class: 'panel share-panel' },
    el('div', {}, el('h2', { class: 'label' }, LOBBY.codeTitle), el('p', { class: 'room-code', 'data-testid': 'room-code' }, props.code)),
    el('div', { class: 'share-link' }, el('label', { class: 'label', for: 'room-link' }, LOBBY.linkTitle), el('div', { class: 'link-row' }, link, copy, copied)),
  );
}

function statusLines(match: PublicMatch, place: OnlinePlace): HTMLElement[] {
  if (match.over) return [el('p', {}, LOBBY.over)];
  const mine = place.seat;
  const lines = [el('p', { class: 'room-you' }, mine ? LOBBY.youAre(POWER_NAME[mine.power], mine.name) : match.started ? LOBBY.startedJoin : LOBBY.noSeat)];
  if (!match.started && !place.hostToken) lines.push(el('p', { class: 'room-waiting', 'data-testid': 'waiting-host' }, LOBBY.waitingHost));
  lines.push(el('p', { class: 'hint', 'data-testid': 'room-settings' }, LOBBY.settings(match.settings)));
  return lines;
}

function seatTable(match: PublicMatch, mine: PowerId | null, canTake: boolean, take: (power: PowerId, button: HTMLButtonElement) => void): HTMLElement {
  const level = (seat: PublicMatch['seats'][number]) => LOBBY.botLevel[seat.level];
  return el(
    'table',
    { class: 'seat-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, LOBBY.seatColumn), el('th', { scope: 'col' }, LOBBY.playerColumn), el('th', { scope: 'col' }, LOBBY.statusColumn))),
    el(
      'tbody',
      {},
      ...match.seats.map((seat) => {
        const takeable = canTake && seat.kind === 'open' && seat.name === null;
        let who: Node | string = '';
        if (seat.kind === 'bot') who = LOBBY.botSeat(level(seat));
        else if (seat.name !== null) who = LOBBY.player(seat.name, seat.power === mine);
        else if (takeable) {
          const button = el('button', { type: 'button', class: 'button', 'data-testid': 'take-seat', 'data-power': seat.power }, LOBBY.take(POWER_NAME[seat.power]));
          button.addEventListener('click', () => take(seat.power, button));
          who = button;
        } else who = LOBBY.openSeat;
        return el(
          'tr',
          { 'data-testid': 'seat-row', 'data-power': seat.power, class: seat.power === mine ? 'is-you' : '' },
          el('th', { scope: 'row' }, el('span', { class: 'power-label' }, powerSwatch(POWER_STYLE[seat.power], 18), POWER_NAME[seat.power])),
          el('td', {}, who),
          el('td', {}, seatState(seat, match.started, level(seat))),
        );
      }),
    ),
  );
}

function seatState(seat: PublicMatch['seats'][number], started: boolean, level: string): string {
  if (seat.kind === 'bot') return '';
  if (seat.name === null) return started ? LOBBY.standIn(level) : LOBBY.openSeat;
  // Players connect when the match starts: before that, being connected says nothing.
  if (!started) return LOBBY.ready;
  if (seat.away) return LOBBY.away;
  return seat.connected ? LOBBY.connected : LOBBY.notConnected;
}

function roomActions(match: PublicMatch, place: OnlinePlace, props: WaitingRoomProps, run: (button: HTMLButtonElement, request: () => Promise<void>) => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  const button = (testid: string, label: string, primary = false) =>
    el('button', { type: 'button', class: `button${primary ? ' primary big' : ''}`, 'data-testid': testid }, label);
  if (place.hostToken && !match.started) {
    const start = button('start-match', LOBBY.start, true);
    start.setAttribute('aria-describedby', 'start-hint');
    start.addEventListener('click', () => run(start, props.onStart));
    out.push(start, el('span', { id: 'start-hint', class: 'hint' }, LOBBY.startHint));
  }
  if (place.seat && !match.over) {
    const leave = button('leave-seat', LOBBY.leave);
    leave.addEventListener('click', () => run(leave, props.onLeave));
    out.push(leave);
  }
  if (!place.seat) {
    const watch = button('watch-match', LOBBY.watch);
    watch.addEventListener('click', () => props.onWatch());
    out.push(watch);
  }
  return out;
}
