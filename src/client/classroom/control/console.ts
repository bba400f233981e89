/**
 * Control's console during play: where the exercise is and its clock, the commands
 * (each greyed out with the rules' reason when the match would refuse it), every
 * seat's secrets, the tracks and relations, the chat (every conversation, Control's
 * public statements, mutes), injects, adjudication, and what happened
 * (Control's commands this round and the match's log). The map is on the projector.
 */
import type { PowerId } from '../../../game/powers.js';
import type { ControlView } from '../../../game/types.js';
import type { Scenario } from '../../../scenario/schema.js';
import { relationGroups } from '../../../view/boardModel.js';
import {
  clockModel,
  commandRefusals,
  commandText,
  comingHeadlines,
  headlinePool,
  roundRecord,
  seatOverviews,
  simpleCommand,
  stepText,
  type SeatOverview,
  type CommandButton,
} from '../../../view/controlConsole.js';
import { typedWhole } from '../../../view/injectMenu.js';
import { logLines } from '../../../view/logText.js';
import { cardTitle } from '../../../view/names.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { watchStatus } from '../../../view/seatModel.js';
import { trackModels } from '../../../view/trackModel.js';
import { CONSOLE } from '../../../view/text/en-control.js';
import { reasonText } from '../../../view/text/en.js';
import { PANEL } from '../../../view/text/en-game.js';
import type { ControlMatch } from '../../net/controlMatch.js';
import { serverClock } from '../../net/serverClock.js';
import { PanelSlot, panel } from '../../ui/game/dom.js';
import { LogPanel } from '../../ui/game/logPanel.js';
import { relationsList } from '../../ui/game/relationsList.js';
import { tracksPanel } from '../../ui/game/tracksPanel.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { teacherGuideButton } from '../teacherGuide.js';
import { adjudicateForm, injectForm } from './consoleForms.js';
import '../../ui/game.css';
import './control.css';

export interface ConsoleProps {
  match: ControlMatch;
  code: string;
  /** Each power's team members' names, or null for a bot. */
  teams: Partial<Record<PowerId, string[] | null>>;
  /** The chat panel with Control as its reader (every conversation, statements, mutes), or null without a socket. */
  chat: HTMLElement | null;
  projectorLink: string;
  debriefLink: string;
}

export class ControlConsole {
  private readonly sc: Scenario;
  private readonly slots = { status: new PanelSlot(), seats: new PanelSlot(), tracks: new PanelSlot(), relations: new PanelSlot(), pool: new PanelSlot(), record: new PanelSlot() };
  private readonly log = new LogPanel();
  private readonly clock = el('p', { class: 'console-clock', 'data-testid': 'console-clock' });
  private readonly connection = el('p', { class: 'notice', role: 'status', 'data-testid': 'console-connection' });
  /** The last command's fate: sent, or refused here (the server's refusal shows in `connection`). */
  private readonly result = el('p', { class: 'console-result', role: 'status', 'aria-live': 'polite', 'data-testid': 'console-result' });
  private readonly buttons: Record<CommandButton, { button: HTMLButtonElement; why: HTMLElement }>;
  private readonly tick: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;

  constructor(
    root: HTMLElement,
    private readonly props: ConsoleProps,
  ) {
    this.sc = props.match.scenario;
    const extendSeconds = el('input', { id: 'extend-seconds', type: 'number', class: 'text-input number-input', step: '1', min: '1', value: '60', 'data-testid': 'extend-seconds' });
    const timerSeconds = el('input', { id: 'timer-seconds', type: 'number', class: 'text-input number-input', step: '1', min: '0', value: '120', 'data-testid': 'timer-seconds' });
    const endConfirm = this.endConfirm();
    this.buttons = {
      pause: this.commandButton('pause', CONSOLE.pause, () => this.send(simpleCommand('pause', serverClock.now()))),
      resume: this.commandButton('resume', CONSOLE.resume, () => this.send(simpleCommand('resume', serverClock.now()))),
      extend: this.commandButton('extend', CONSOLE.extend, () => this.send({ kind: 'extend', seconds: typedWhole(extendSeconds.value) })),
      setTimer: this.commandButton('setTimer', CONSOLE.setTimer, () => this.send({ kind: 'setTimer', seconds: typedWhole(timerSeconds.value), at: serverClock.now() })),
      advance: this.commandButton('advance', CONSOLE.advance, () => this.send(simpleCommand('advance', serverClock.now()))),
      end: this.commandButton('end', CONSOLE.end, () => {
        endConfirm.hidden = false;
        this.buttons.end.button.hidden = true;
        endConfirm.querySelector<HTMLButtonElement>('[data-testid="end-no"]')?.focus();
      }),
    };

    const commands = panel(
      'commands',
      CONSOLE.commandsTitle,
      { 'data-testid': 'console-commands', class: 'console-commands' },
      el('div', { class: 'command-row' }, this.cell('pause'), this.cell('resume')),
      el('div', { class: 'command-row' }, el('label', { for: 'extend-seconds' }, CONSOLE.extendLabel), extendSeconds, this.cell('extend')),
      el('div', { class: 'command-row' }, el('label', { for: 'timer-seconds' }, CONSOLE.timerLabel), timerSeconds, this.cell('setTimer')),
      el('div', { class: 'command-row' }, this.cell('advance'), el('p', { class: 'hint' }, CONSOLE.advanceHint)),
      el('div', { class: 'command-row' }, this.cell('end'), endConfirm),
      this.result,
    );
    const send = (command: Record<string, unknown>) => this.send(command);
    root.replaceChildren(
      el(
        'main',
        { class: 'game-screen control-console', 'data-testid': 'control-console', 'data-code': props.code },
        el(
          'header',
          { class: 'console-header' },
          el('h1', { tabindex: '-1' }, CONSOLE.title(props.code)),
          el(
            'nav',
            { class: 'console-links', 'aria-label': CONSOLE.links },
            el('a', { href: props.projectorLink, target: '_blank', rel: 'noopener', 'data-testid': 'projector-link' }, CONSOLE.projector),
            el('a', { href: props.debriefLink, target: '_blank', rel: 'noopener', 'data-testid': 'debrief-link' }, CONSOLE.debrief),
            teacherGuideButton(),
          ),
        ),
        this.connection,
        el('div', { class: 'console-top' }, this.slots.status.element, commands),
        el(
          'div',
          { class: 'console-body' },
          el(
            'div',
            { class: 'console-main' },
            this.slots.seats.element,
            el('div', { class: 'console-board' }, this.slots.tracks.element, this.slots.relations.element),
            el('div', { class: 'console-board' }, this.slots.record.element, this.log.element),
          ),
          el(
            'div',
            { class: 'console-side' },
            props.chat,
            panel('inject', CONSOLE.injectTitle, { 'data-testid': 'console-inject' }, this.slots.pool.element, injectForm(this.sc, send)),
            panel('adjudicate-panel', CONSOLE.adjudicateTitle, { 'data-testid': 'console-adjudicate' }, adjudicateForm(send)),
          ),
        ),
      ),
    );
    root.ownerDocument.title = `${CONSOLE.title(props.code)} — Triangles`;
    root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    // The clock shows, and the clock commands carry, the server's time: this laptop's own may be minutes off.
    serverClock.keepSynced();
    this.unsubscribe = props.match.onChange(() => this.update());
    this.tick = setInterval(() => this.drawClock(), 1000);
    this.update();
  }

  private commandButton(kind: CommandButton, label: string, onClick: () => void): { button: HTMLButtonElement; why: HTMLElement } {
    const why = el('span', { id: `why-${kind}`, class: 'command-why' });
    const button = el('button', { type: 'button', class: `button${kind === 'end' ? ' danger' : ''}`, 'data-testid': `command-${kind}`, 'aria-describedby': why.id }, label);
    button.addEventListener('click', () => {
      if (!button.disabled) onClick();
    });
    return { button, why };
  }

  private cell(kind: CommandButton): HTMLElement {
    return el('span', { class: 'command-cell' }, this.buttons[kind].button, this.buttons[kind].why);
  }

  private endConfirm(): HTMLElement {
    const yes = el('button', { type: 'button', class: 'button danger', 'data-testid': 'end-yes' }, CONSOLE.endYes);
    const no = el('button', { type: 'button', class: 'button', 'data-testid': 'end-no' }, CONSOLE.endNo);
    const box = el('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'end-question', hidden: true }, el('p', { id: 'end-question' }, CONSOLE.endConfirm), yes, no);
    const close = () => {
      box.hidden = true;
      this.buttons.end.button.hidden = false;
    };
    yes.addEventListener('click', () => {
      close();
      this.send(simpleCommand('end', serverClock.now()));
    });
    no.addEventListener('click', () => {
      close();
      this.buttons.end.button.focus();
    });
    return box;
  }

  /** Send a command, saying in the result line whether it went or why not. */
  private send(command: Record<string, unknown>) {
    const refused = this.props.match.send(command);
    this.result.textContent = refused ? CONSOLE.notSent(reasonText(refused)) : CONSOLE.sent(commandText(this.sc, command));
    return refused;
  }

  update(): void {
    const match = this.props.match;
    const refusal = match.refused;
    this.connection.textContent = !match.synced ? CONSOLE.connecting : !match.connected ? CONSOLE.offline : refusal ? CONSOLE.refusedByServer(refusal) : '';
    this.connection.hidden = this.connection.textContent === '';
    if (!match.synced) return;
    const view = match.view();
    const sc = this.sc;
    const refusals = commandRefusals(sc, view, serverClock.now());
    for (const [kind, { button, why }] of Object.entries(this.buttons)) {
      const reason = refusals[kind as CommandButton];
      button.disabled = reason !== null;
      why.textContent = reason ?? '';
    }
    this.drawClock();
    this.slots.status.show(JSON.stringify([view.round, view.step, view.ready, view.headline, view.crisis]), () => this.statusPanel(view));
    const seats = seatOverviews(sc, view);
    this.slots.seats.show(JSON.stringify(seats), () => seatsPanel(seats, this.props.teams));
    const tracks = trackModels(sc, view);
    this.slots.tracks.show(JSON.stringify(tracks), () => tracksPanel(tracks));
    const relations = relationGroups(sc, view);
    this.slots.relations.show(JSON.stringify(relations), () => relationsList(relations));
    const pool = headlinePool(sc, view);
    const coming = comingHeadlines(sc, view);
    this.slots.pool.show(JSON.stringify([pool, coming]), () => this.poolList(pool, coming));
    const record = roundRecord(view);
    this.slots.record.show(JSON.stringify([view.round, record]), () => recordPanel(view.round, record));
    this.log.update(logLines(sc, view.log));
  }

  private drawClock(): void {
    if (!this.props.match.synced) return;
    const clock = clockModel(this.props.match.view(), serverClock.now());
    this.clock.textContent = clock.text;
    this.clock.dataset.state = clock.state;
  }

  private statusPanel(view: ControlView): HTMLElement {
    const status = watchStatus(this.sc, view);
    return panel(
      'console-status',
      CONSOLE.step,
      { 'data-testid': 'console-status', class: 'console-status' },
      el('p', { class: 'round-line' }, status.roundLine),
      el('p', { class: 'step-line', 'data-testid': 'console-step' }, stepText(this.sc, view)),
      view.headline ? el('p', {}, el('strong', {}, `${PANEL.headline}: `), cardTitle(this.sc, view.headline)) : null,
      view.crisis ? el('p', {}, el('strong', {}, `${PANEL.crisis}: `), cardTitle(this.sc, view.crisis)) : null,
      status.waitingFor ? el('p', { class: 'hint' }, status.waitingFor) : null,
      el('h3', {}, CONSOLE.clockTitle),
      this.clock,
      el('p', { class: 'hint' }, CONSOLE.joinCode(this.props.code)),
    );
  }

  private poolList(pool: ReturnType<typeof headlinePool>, coming: ReturnType<typeof comingHeadlines>): HTMLElement {
    return el(
      'div',
      { class: 'headline-pool' },
      el('h3', {}, CONSOLE.poolTitle),
      el('p', { class: 'hint' }, CONSOLE.poolHint),
      el(
        'ul',
        { class: 'pool-list', 'data-testid': 'headline-pool' },
        ...pool.map((card) => {
          const why = el('span', { id: `pool-why-${card.id}`, class: 'command-why' }, card.refused ?? '');
          const button = el(
            'button',
            { type: 'button', class: 'button small', disabled: card.refused !== null, 'aria-label': CONSOLE.putOnTop(card.title), 'aria-describedby': why.id, 'data-testid': 'put-on-top', 'data-card': card.id },
            CONSOLE.onTop,
          );
          button.addEventListener('click', () => this.send({ kind: 'inject', card: card.id }));
          return el('li', {}, el('span', { class: 'pool-title' }, card.title), button, why);
        }),
      ),
      el(
        'details',
        { class: 'coming' },
        el('summary', {}, CONSOLE.comingUp),
        el('ol', {}, ...coming.queued.map((t) => el('li', {}, t, el('span', { class: 'hint' }, ` (${CONSOLE.queued})`))), ...coming.planned.map((t) => el('li', {}, t))),
      ),
    );
  }

  destroy(): void {
    clearInterval(this.tick);
    this.unsubscribe();
  }
}

function seatsPanel(seats: SeatOverview[], teams: ConsoleProps['teams']): HTMLElement {
  return panel(
    'console-seats',
    CONSOLE.seatsTitle,
    { 'data-testid': 'console-seats', class: 'console-seats' },
    el('div', { class: 'seat-grid' }, ...seats.map((seat) => seatCard(seat, teams[seat.power]))),
  );
}

function seatCard(seat: SeatOverview, team: string[] | null | undefined): HTMLElement {
  const list = (items: string[], none: string) => (items.length ? el('ul', {}, ...items.map((t) => el('li', {}, t))) : el('p', { class: 'hint' }, none));
  return el(
    'section',
    { class: `seat-card seat-${seat.state}`, 'data-testid': 'console-seat', 'data-power': seat.power, 'aria-labelledby': `seat-${seat.power}` },
    el('h3', { id: `seat-${seat.power}` }, powerSwatch(POWER_STYLE[seat.power], 18), ` ${seat.name}`),
    el('p', { class: 'seat-state' }, el('strong', {}, seat.stateText), ` · ${seat.resources}`),
    el('p', { class: 'hint', 'data-testid': 'seat-team' }, team === null ? CONSOLE.botSeat : CONSOLE.team(team ?? [])),
    seat.agenda ? el('p', {}, el('strong', {}, `${CONSOLE.agenda}: `), seat.agenda) : null,
    seat.choice ? el('p', {}, el('strong', {}, `${CONSOLE.choice}: `), seat.choice) : null,
    seat.orders
      ? el('div', {}, el('h4', {}, CONSOLE.orders), list(seat.orders, ''))
      : el('div', {}, el('h4', {}, CONSOLE.draft), list(seat.draft, CONSOLE.draftNone)),
    el('details', {}, el('summary', {}, `${CONSOLE.hand} (${seat.hand.length})`), list(seat.hand, CONSOLE.handEmpty)),
  );
}

function recordPanel(round: number, record: string[]): HTMLElement {
  return panel(
    'console-record',
    CONSOLE.recordTitle,
    { 'data-testid': 'console-record', 'data-round': String(round) },
    record.length ? el('ol', {}, ...record.map((line) => el('li', {}, line))) : el('p', { class: 'hint' }, CONSOLE.recordNone),
  );
}
