/**
 * The debrief of an exercise, drawn from the stored match alone: the round records the
 * rules keep for it (RoundRecord), the public log, the final result and the stored
 * chat. Nothing here reads a seat's secrets or the match's `secret` part, so a debrief
 * asked for mid-game shows only what has already been revealed: the finished rounds.
 */
import { catalog } from '../../game/catalog.js';
import { POWERS, type PairKey, type PowerId } from '../../game/powers.js';
import type { ControlRecord, FinalResult, GameState, LogEntry, Order, Tracks } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { StoredChatMessage } from '../storage/types.js';
import { membersOf, type Exercise } from './members.js';

/** A headline or crisis as the debrief shows it; the words are null when the scenario cannot be read (a removed custom one). */
export interface Card {
  id: string;
  title: string | null;
  /** The discussion question the card asks. */
  question: string | null;
  /** The card's "what really happened" note: a headline's, or the closest real event to a crisis. */
  history: string | null;
}

export interface Adjudication {
  /** A track's id, or a relation's pair ("CHN-RUS"). */
  what: string;
  from: number;
  to: number;
  reason: string;
}

export interface DebriefRound {
  round: number;
  headline: Card;
  /** The headline was put on top by Control. */
  injected: boolean;
  crisis: Card | null;
  /** Each power's choice in the headline's and the crisis's decision. */
  decisions: { headline: Partial<Record<PowerId, string>>; crisis: Partial<Record<PowerId, string>> };
  orders: Partial<Record<PowerId, Order[]>>;
  scored: Partial<Record<PowerId, string[]>>;
  /** Written injects Control added this round (a headline put on top shows as `injected` on the round it opened). */
  injects: Array<{ title: string; text: string }>;
  adjudications: Adjudication[];
  control: ControlRecord[];
  /** What happened, in order, as the match's public log tells it (inject titles and reasons as written). */
  events: Omit<LogEntry, 'round'>[];
  /** At the end of the round. */
  tracks: Tracks;
  relations: Record<PairKey, number>;
  vp: Record<PowerId, number>;
}

export interface Participation {
  power: PowerId;
  /** Members on the team; 0 for a power the bots played. */
  members: number;
  ordersSubmitted: number;
  chatMessages: number;
}

export interface Debrief {
  code: string;
  scenario: { id: string; title: string | null };
  /** The same for exercises of one seed that Control chose (parallel groups, with the same scenario); null when the server drew it. */
  parallel: string | null;
  rounds: number;
  over: boolean;
  timeline: DebriefRound[];
  /** Null until the match is over; agendas are revealed here. */
  result: (Omit<FinalResult, 'agendas'> & { agendas: Record<PowerId, FinalResult['agendas'][PowerId] & { title: string | null }> }) | null;
  participation: Participation[];
}

export function buildDebrief(code: string, G: GameState, metadata: Exercise, chat: StoredChatMessage[], sc: Scenario | undefined): Debrief {
  const cards = sc ? catalog(sc) : null;
  const headline = (id: string): Card => {
    const found = cards?.headline(id);
    return { id, title: found?.title ?? null, question: found?.question ?? null, history: found?.history ?? null };
  };
  const crisis = (id: string): Card => {
    const found = cards?.crisis(id);
    return { id, title: found?.title ?? null, question: found?.question ?? null, history: found?.history ?? null };
  };
  // The round in play has a record from its start, but its orders, tracks and points are kept only once it is scored.
  const finished = G.history.filter((record) => record.round < G.round || G.step.kind === 'over');
  const timeline = finished.map((record): DebriefRound => {
    const control = record.control ?? [];
    return {
      round: record.round,
      headline: headline(record.headline),
      injected: record.injected === true,
      crisis: record.crisis ? crisis(record.crisis) : null,
      decisions: { headline: record.choices, crisis: record.crisisChoices },
      orders: record.orders,
      scored: record.scored,
      injects: control.flatMap((c) => (c.kind === 'inject' ? [{ title: c.title, text: c.text }] : [])),
      adjudications: control.flatMap((c) =>
        c.kind === 'adjudicate' ? [{ what: 'track' in c ? c.track : c.relation.join('-'), from: c.from, to: c.value, reason: c.reason }] : [],
      ),
      control,
      events: G.log.filter((entry) => entry.round === record.round).map(({ round: _round, ...entry }) => entry),
      tracks: record.tracks,
      relations: record.relations,
      vp: record.vp,
    };
  });
  const result = G.result && {
    ...G.result,
    agendas: Object.fromEntries(
      POWERS.map((p) => [p, { ...G.result!.agendas[p], title: cards ? cards.agenda(G.result!.agendas[p].agenda).title : null }]),
    ) as NonNullable<Debrief['result']>['agendas'],
  };
  return {
    code,
    scenario: { id: G.scenario, title: sc?.title ?? null },
    parallel: metadata.triangles.exercise.parallelKey ?? null,
    rounds: G.rounds,
    over: G.step.kind === 'over',
    timeline,
    result,
    participation: POWERS.map((power) => ({
      power,
      members: membersOf(metadata, power).length,
      ordersSubmitted: G.history.filter((r) => r.orders[power]).length,
      chatMessages: chat.filter((line) => line.from === power).length,
    })),
  };
}
