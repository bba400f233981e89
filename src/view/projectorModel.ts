/**
 * What the projector shows the room, as data, from the public view only: where the
 * round stands, the timer (its own model, redrawn every second), the tracks, the current headline (and crisis), the last
 * round's reveal and, once the game is over, the ranking. Nothing here reads a seat.
 */
import type { PowerId } from '../game/powers.js';
import { clockTime, minutesAndSeconds, readClock, type ClockState } from './clockReading.js';
import type { Clock, Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { crisisModel, headlineModel, type EventCardModel } from './cardModel.js';
import { revealModel, type RevealModel } from './revealModel.js';
import { watchStatus, type WatchStatus } from './seatModel.js';
import { POWER_NAME } from './text/en.js';
import { PROJECTOR } from './text/en-projector.js';
import { trackModels, type TrackModel } from './trackModel.js';

export interface ClockModel {
  state: ClockState;
  /** "3:42", or the word for no timer. */
  text: string;
  /** The same for a screen reader. */
  spoken: string;
}

export interface ProjectorModel {
  status: WatchStatus;
  tracks: TrackModel[];
  /** The round's headline; after the last round, the last one played. */
  headline: EventCardModel | null;
  crisis: EventCardModel | null;
  reveal: RevealModel | null;
  /** Once the game is over: powers by place (points only; agendas are for the debrief). */
  ranking: { place: number; name: string; power: PowerId; vp: number }[] | null;
  war: string | null;
}

/** The exercise timer at `now` (ms since the epoch, the server's time: serverClock.ts), as the room reads it and hears it. */
export function clockModel(clock: Clock | undefined, now: number): ClockModel {
  const { state, leftMs } = readClock(clock, now);
  if (leftMs === null) return state === 'paused' ? { state, text: PROJECTOR.paused, spoken: PROJECTOR.paused } : { state, text: PROJECTOR.noTimer, spoken: PROJECTOR.noTimer };
  if (state === 'up') return { state, text: PROJECTOR.timeUp, spoken: PROJECTOR.timeUp };
  const { minutes, seconds } = minutesAndSeconds(leftMs);
  const spoken = PROJECTOR.timerSpoken(minutes, seconds);
  return { state, text: clockTime(leftMs), spoken: state === 'paused' ? PROJECTOR.pausedSpoken(spoken) : spoken };
}

/** The timer the room sees now: a game that is over keeps none. */
export function projectorClock(view: Readable, now: number): ClockModel {
  return clockModel(view.step.kind === 'over' ? undefined : view.clock, now);
}

export function projectorModel(sc: Scenario, view: Readable): ProjectorModel {
  const headline = view.headline ?? view.history.at(-1)?.headline ?? null;
  const result = view.result;
  return {
    status: watchStatus(sc, view),
    tracks: trackModels(sc, view),
    headline: headline ? headlineModel(sc, headline, null) : null,
    crisis: view.crisis && view.step.kind !== 'over' ? crisisModel(sc, view.crisis, null) : null,
    reveal: revealModel(sc, view),
    ranking: result ? result.ranking.map((r) => ({ place: r.place, power: r.power, name: POWER_NAME[r.power], vp: r.vp })) : null,
    war: result?.war ? PROJECTOR.warVerdict(result.war.round) : null,
  };
}
