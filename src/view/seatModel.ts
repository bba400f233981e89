/**
 * What one seat is shown, as data: where the game stands and what it waits for, in
 * words; this seat's objectives (met or not right now) and secret agenda; everyone's
 * public scores; and the other parts of the board from their own small models.
 */
import { awaiting, legalChoices, ordersRefused } from '../game/actions.js';
import { catalog } from '../game/catalog.js';
import { holds } from '../game/effects.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { agendaPoints, objectivePoints } from '../game/scoring.js';
import type { Action, Order, Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { relationGroups, theatreModels, type RelationGroup, type TheatreModel } from './boardModel.js';
import { crisisModel, handModel, headlineModel, type EventCardModel, type HandModel } from './cardModel.js';
import { roundDate } from './names.js';
import { POWER_NAME } from './text/en.js';
import { CARD_TEXT, PROMPT, SCORE_TEXT, TOP, WATCH } from './text/en-game.js';
import { trackModels, type TrackModel } from './trackModel.js';

/**
 * What this seat is asked to do now. The two `Queued` phases: online with the
 * connection down, the seat's move is made on this device but not yet sent.
 */
export type Phase = 'orders' | 'ordersQueued' | 'ordersLocked' | 'decide' | 'decisionQueued' | 'decided' | 'othersDeciding' | 'over';

export interface SeatStatus {
  power: PowerId;
  powerName: string;
  roundLine: string;
  phase: Phase;
  prompt: string;
  /** "Waiting for Russia and North Korea…": the others the round waits for; null when none (or only this seat). */
  waitingFor: string | null;
  waiting: PowerId[];
}

/** `queued`: the seat's move made on this device that the server has not yet had (RemoteMatch's outbox). */
export function seatStatus(sc: Scenario, view: Readable, power: PowerId, queued: Action | null = null): SeatStatus {
  const step = view.step;
  const waiting = awaiting(view).filter((p) => p !== power);
  const names = (powers: readonly PowerId[]) => powers.map((p) => POWER_NAME[p]);
  let phase: Phase;
  let prompt: string;
  if (step.kind === 'over') {
    phase = 'over';
    prompt = PROMPT.gameOver;
  } else if (step.kind === 'orders') {
    const locked = ordersRefused(view, power) !== null;
    phase = locked ? 'ordersLocked' : queued?.type === 'orders' ? 'ordersQueued' : 'orders';
    prompt = phase === 'ordersLocked' ? PROMPT.ordersLocked : phase === 'ordersQueued' ? PROMPT.ordersQueued : PROMPT.chooseOrders(sc.rules.ordersPerRound, POWER_NAME[power]);
  } else if (!step.powers.includes(power)) {
    phase = 'othersDeciding';
    prompt = PROMPT.othersDeciding(names(step.powers));
  } else {
    const decision = step.deck === 'headline' ? catalog(sc).headline(step.card).decision : catalog(sc).crisis(step.card).decision;
    const open = 'options' in legalChoices(sc, view, power);
    phase = !open ? 'decided' : queued?.type === 'decide' ? 'decisionQueued' : 'decide';
    prompt = phase === 'decide' ? PROMPT.decide(decision?.prompt ?? '') : phase === 'decisionQueued' ? PROMPT.decisionQueued : PROMPT.decided;
  }
  return {
    power,
    powerName: POWER_NAME[power],
    roundLine: TOP.roundLine(view.round, view.rounds, roundDate(sc, view.headline)),
    phase,
    prompt,
    waitingFor: waiting.length ? PROMPT.waitingFor(names(waiting)) : null,
    waiting,
  };
}

/** The top bar's words for a spectator: where the round is and whom it waits for, no seat's task. */
export type WatchStatus = Pick<SeatStatus, 'roundLine' | 'prompt' | 'waitingFor'>;

export function watchStatus(sc: Scenario, view: Readable): WatchStatus {
  const step = view.step;
  const waiting = awaiting(view).map((p) => POWER_NAME[p]);
  let prompt: string;
  if (step.kind === 'over') prompt = PROMPT.gameOver;
  else if (step.kind === 'orders') prompt = WATCH.ordersBeingChosen;
  else prompt = PROMPT.othersDeciding(step.powers.map((p) => POWER_NAME[p]));
  return {
    roundLine: TOP.roundLine(view.round, view.rounds, roundDate(sc, view.headline)),
    prompt,
    waitingFor: waiting.length ? PROMPT.waitingFor(waiting) : null,
  };
}

export interface ObjectiveModel {
  id: string;
  label: string;
  /** Points it is worth right now (0 when not met). */
  points: number;
  met: boolean;
  /** "✓ met now" or "✗ not met now": never colour alone. */
  stateText: string;
}

export function objectiveModels(sc: Scenario, view: Readable, power: PowerId): ObjectiveModel[] {
  return sc.powers[power].objectives.map((objective) => {
    const points = objectivePoints(view, objective, power);
    const met = points !== 0;
    return { id: objective.id, label: objective.label, points, met, stateText: met ? SCORE_TEXT.met : SCORE_TEXT.notMet };
  });
}

export interface AgendaModel {
  title: string;
  text: string;
  pointsText: string;
  onTrack: boolean;
  stateText: string;
}

/** This seat's own secret agenda, and whether it would be met if the game ended now. */
export function agendaModel(sc: Scenario, view: Readable, power: PowerId): AgendaModel | null {
  const id = view.seats[power]?.agenda;
  if (!id) return null;
  const agenda = catalog(sc).agenda(id);
  const onTrack = holds(view, agenda.when, { self: power });
  return {
    title: agenda.title,
    text: agenda.text,
    pointsText: CARD_TEXT.agendaPoints(agendaPoints(sc, agenda, view.rounds)),
    onTrack,
    stateText: onTrack ? SCORE_TEXT.onTrack : SCORE_TEXT.offTrack,
  };
}

export interface ScoreRow {
  power: PowerId;
  name: string;
  isYou: boolean;
  vp: number;
  capital: number;
  reserve: number;
  cards: number;
}

/** Everyone's scores; `power`'s row is marked as the reader's (none for a spectator). */
export function scoreRows(view: Readable, power: PowerId | null): ScoreRow[] {
  return POWERS.map((p) => ({
    power: p,
    name: POWER_NAME[p],
    isYou: p === power,
    vp: view.powers[p].vp,
    capital: view.powers[p].capital,
    reserve: view.powers[p].reserve,
    cards: view.powers[p].handCount,
  }));
}

export interface SeatModel {
  status: SeatStatus;
  tracks: TrackModel[];
  headline: EventCardModel | null;
  crisis: EventCardModel | null;
  hand: HandModel;
  objectives: ObjectiveModel[];
  agenda: AgendaModel | null;
  scores: ScoreRow[];
  relations: RelationGroup[];
  theatres: TheatreModel[];
}

/** Everything the seat's panels show, from its view, the orders it has drafted so far and a move of its not yet sent. */
export function seatModel(sc: Scenario, view: Readable, power: PowerId, draft: readonly Order[] = [], queued: Action | null = null): SeatModel {
  return {
    status: seatStatus(sc, view, power, queued),
    tracks: trackModels(sc, view),
    headline: view.headline ? headlineModel(sc, view.headline, power) : null,
    crisis: view.crisis ? crisisModel(sc, view.crisis, power) : null,
    hand: handModel(sc, view, power, queued?.type === 'orders' ? queued.orders : draft, queued !== null),
    objectives: objectiveModels(sc, view, power),
    agenda: agendaModel(sc, view, power),
    scores: scoreRows(view, power),
    relations: relationGroups(sc, view),
    theatres: theatreModels(sc, view),
  };
}
