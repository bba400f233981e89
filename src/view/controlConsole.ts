/**
 * Control's console as data: where the exercise is (round, step, clock), every seat's
 * secrets in words, the headlines Control may put on top, which commands the match
 * would take now and why not, and Control's own commands this round. Whether a
 * command is refused comes from the rules (checkControl); nothing here decides one.
 */
import { awaiting } from '../game/actions.js';
import { checkControl } from '../game/control.js';
import { POWERS, type PowerId } from '../game/powers.js';
import type { ControlRecord, ControlView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { cardTitle, optionLabel } from './names.js';
import { orderText } from './orderModel.js';
import { agendaModel } from './seatModel.js';
import { clockTime, readClock, type ClockReading } from './clockReading.js';
import { CONSOLE, COMMAND_WORDS } from './text/en-control.js';
import { POWER_NAME, TRACK_NAME, reasonText } from './text/en.js';
import { RELATION_TEXT, signed } from './text/en-game.js';

export interface ClockModel extends ClockReading {
  text: string;
}

/** The exercise clock at `now` (ms since the epoch, the server's time: serverClock.ts), in the console's words. */
export function clockModel(view: ControlView, now: number): ClockModel {
  const reading = readClock(view.clock, now);
  const left = reading.leftMs === null ? null : clockTime(reading.leftMs);
  const text = { paused: CONSOLE.clockPaused(left), none: CONSOLE.clockNone, up: CONSOLE.clockUp, running: CONSOLE.clockRunning(left ?? '') }[reading.state];
  return { ...reading, text };
}

export function stepText(sc: Scenario, view: ControlView): string {
  const step = view.step;
  if (step.kind === 'over') return CONSOLE.stepOver;
  return step.kind === 'orders' ? CONSOLE.stepOrders : CONSOLE.stepDecide(cardTitle(sc, step.card));
}

export interface SeatOverview {
  power: PowerId;
  name: string;
  /** Locked in, still choosing, or not asked in this step. */
  state: 'ready' | 'thinking' | 'idle';
  stateText: string;
  resources: string;
  hand: string[];
  agenda: string | null;
  /** The team's draft of orders, as it stands. */
  draft: string[];
  /** Orders locked in this round, until the reveal. */
  orders: string[] | null;
  /** The seat's choice in the open decision, until the reveal. */
  choice: string | null;
}

export function seatOverviews(sc: Scenario, view: ControlView): SeatOverview[] {
  const due = awaiting(view);
  const step = view.step;
  return POWERS.map((power) => {
    const seat = view.seats[power];
    const state = view.ready.includes(power) ? 'ready' : due.includes(power) ? 'thinking' : 'idle';
    const pub = view.powers[power];
    return {
      power,
      name: POWER_NAME[power],
      state,
      stateText: state === 'ready' ? CONSOLE.ready : state === 'thinking' ? CONSOLE.thinking : CONSOLE.notDue,
      resources: CONSOLE.capitalVp(pub.capital, pub.vp),
      hand: seat.hand.map((id) => cardTitle(sc, id)),
      agenda: agendaModel(sc, view, power)?.title ?? null,
      draft: (seat.draft ?? []).map((order) => orderText(sc, order)),
      orders: seat.orders ? seat.orders.map((order) => orderText(sc, order)) : null,
      choice: seat.choice && step.kind === 'decide' ? optionLabel(sc, step.card, seat.choice) : null,
    };
  });
}

export interface PoolCard {
  id: string;
  title: string;
  /** Why it may not go on top now, or null if it may. */
  refused: string | null;
}

/** The scenario's headlines Control may put on top, each with the rules' verdict. */
export function headlinePool(sc: Scenario, view: ControlView): PoolCard[] {
  return sc.headlines.map((card) => {
    const checked = checkControl(sc, view, { kind: 'inject', card: card.id });
    return { id: card.id, title: card.title, refused: checked.ok ? null : reasonText(checked.reason) };
  });
}

/** Headlines still to come, in order: Control's own first, then the planned ones. */
export function comingHeadlines(sc: Scenario, view: ControlView): { queued: string[]; planned: string[] } {
  return {
    queued: (view.secret.injects ?? []).map((id) => cardTitle(sc, id)),
    planned: view.secret.headlines.map((id) => cardTitle(sc, id)),
  };
}

export type SimpleCommand = 'pause' | 'resume' | 'advance' | 'end';

/** The command each button sends: clock commands carry Control's time (the rules never read a clock). */
export function simpleCommand(kind: SimpleCommand, now: number): Record<string, unknown> {
  return kind === 'pause' || kind === 'resume' ? { kind, at: now } : { kind };
}

/** The console's buttons: the plain commands, and the two that send the seconds typed beside them. */
export type CommandButton = SimpleCommand | 'extend' | 'setTimer';

/** Why each of the console's buttons would be refused now, or null where it would be taken. */
export function commandRefusals(sc: Scenario, view: ControlView, now: number): Record<CommandButton, string | null> {
  const verdict = (command: unknown) => {
    const checked = checkControl(sc, view, command);
    return checked.ok ? null : reasonText(checked.reason);
  };
  return {
    pause: verdict(simpleCommand('pause', now)),
    resume: verdict(simpleCommand('resume', now)),
    advance: verdict(simpleCommand('advance', now)),
    end: verdict(simpleCommand('end', now)),
    // Any valid number of seconds: what matters is whether there is a timer to extend, or a match to time.
    extend: verdict({ kind: 'extend', seconds: 60 }),
    setTimer: verdict({ kind: 'setTimer', seconds: 60, at: now }),
  };
}

/** "Tension to 6", "China – Russia to +2": what an adjudication sets, in words. */
function adjudicationWords(record: Extract<ControlRecord, { kind: 'adjudicate' }>): string {
  if ('track' in record) return COMMAND_WORDS.adjudicate(TRACK_NAME[record.track], record.track === 'front' ? signed(record.value) : String(record.value));
  const [a, b] = record.relation;
  return COMMAND_WORDS.adjudicate(RELATION_TEXT.pair(POWER_NAME[a], POWER_NAME[b]), signed(record.value));
}

/** One command of Control as the round's record keeps it, in words. */
export function recordText(record: ControlRecord): string {
  switch (record.kind) {
    case 'pause':
    case 'resume':
    case 'advance':
    case 'end':
      return COMMAND_WORDS[record.kind];
    case 'extend':
      return COMMAND_WORDS.extend(record.seconds);
    case 'setTimer':
      return COMMAND_WORDS.setTimer(record.seconds);
    case 'queueHeadline':
      return COMMAND_WORDS.queued;
    case 'inject':
      return COMMAND_WORDS.inject(record.title);
    case 'adjudicate':
      return `${adjudicationWords(record)} (${record.reason})`;
  }
}

/** Control's commands in the current round's record, oldest first. */
export function roundRecord(view: ControlView): string[] {
  return (view.history[view.history.length - 1]?.control ?? []).map(recordText);
}

/** A command about to be sent, in words for "Sent: …". */
export function commandText(sc: Scenario, command: Record<string, unknown>): string {
  if (command.kind === 'inject' && typeof command.card === 'string') return COMMAND_WORDS.headline(cardTitle(sc, command.card));
  return recordText(command as ControlRecord);
}
