/**
 * The account of the last round whose orders were revealed: what each power ordered,
 * the decisions taken, what followed (the round's log from the reveal on), and, once
 * the round is scored, how the tracks and points moved and which objectives scored.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import type { Readable, RoundRecord, Tracks } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { TRACKS } from '../game/types.js';
import { logSentence } from './logText.js';
import { cardTitle, optionLabel } from './names.js';
import { orderText } from './orderModel.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { REVEAL_TEXT } from './text/en-game.js';

export interface RevealPower {
  power: PowerId;
  name: string;
  orders: string[];
  /** "+3 VP: Tension at 4 or below; US–Japan at +2 or better", once the round is scored and it scored. */
  scored: string | null;
}

export interface RevealModel {
  round: number;
  heading: string;
  powers: RevealPower[];
  /** "North Korea: “Open the channel”" for the headline's and crisis's choices. */
  choices: { card: string; lines: string[] }[];
  events: string[];
  /** "Tension 4 → 3", once the round is scored. */
  tracks: string[];
}

function lastRevealed(view: Readable): RoundRecord | null {
  for (let i = view.history.length - 1; i >= 0; i--) {
    const record = view.history[i]!;
    if (Object.keys(record.orders).length > 0) return record;
  }
  return null;
}

/** Each power's choice in one decision card, in words; null when nobody chose. */
export function choiceLines(sc: Scenario, card: string, choices: RoundRecord['choices']): { card: string; lines: string[] } | null {
  const lines = POWERS.flatMap((p) => {
    const option = choices[p];
    return option ? [REVEAL_TEXT.chose(POWER_NAME[p], optionLabel(sc, card, option))] : [];
  });
  return lines.length ? { card: cardTitle(sc, card), lines } : null;
}

/** Each power's orders in a round and, once it is scored, the points it gained and the objectives it met. */
export function powerRows(sc: Scenario, record: Pick<RoundRecord, 'orders' | 'scored' | 'vp'>, vpBefore: Partial<Record<PowerId, number>>, scoredYet: boolean): RevealPower[] {
  return POWERS.map((p): RevealPower => {
    const gained = record.vp[p] - (vpBefore[p] ?? 0);
    const labels = (record.scored[p] ?? []).map((id) => sc.powers[p].objectives.find((o) => o.id === id)?.label ?? id);
    return {
      power: p,
      name: POWER_NAME[p],
      orders: (record.orders[p] ?? []).map((o) => orderText(sc, o)),
      scored: scoredYet && (gained !== 0 || labels.length) ? REVEAL_TEXT.scored(gained, labels) : null,
    };
  });
}

export function revealModel(sc: Scenario, view: Readable): RevealModel | null {
  const record = lastRevealed(view);
  if (!record) return null;
  const index = view.history.indexOf(record);
  // A round's record keeps its end-of-round tracks and points only once it is scored.
  const scoredYet = record.round < view.round || view.step.kind === 'over';
  const roundLog = view.log.filter((e) => e.round === record.round);
  const from = roundLog.findIndex((e) => e.code === 'reveal');
  const events = roundLog.slice(from + 1).map((e) => logSentence(sc, e));
  const before: { tracks: Tracks; vp: Partial<Record<PowerId, number>> } =
    index > 0 ? view.history[index - 1]! : { tracks: sc.tracks, vp: {} };
  const tracks = scoredYet
    ? TRACKS.filter((t) => record.tracks[t] !== before.tracks[t]).map((t) => REVEAL_TEXT.trackChange(TRACK_NAME[t], before.tracks[t], record.tracks[t]))
    : [];
  const powers = powerRows(sc, record, before.vp, scoredYet);
  return {
    round: record.round,
    heading: REVEAL_TEXT.heading(record.round),
    powers,
    choices: [choiceLines(sc, record.headline, record.choices), record.crisis ? choiceLines(sc, record.crisis, record.crisisChoices) : null].filter(
      (c): c is { card: string; lines: string[] } => c !== null,
    ),
    events,
    tracks,
  };
}
