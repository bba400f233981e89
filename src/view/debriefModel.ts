/**
 * The classroom debrief as a person reads it, from the server's debrief JSON
 * (src/server/exercise/debrief.ts) and the exercise's scenario: each round in words
 * (the game screen's wording for orders, decisions and the log), the charts' numbers,
 * the outcome with the agendas revealed, the questions, and each team's participation.
 */
import { catalog } from '../game/catalog.js';
import { startingRelations } from '../game/setup.js';
import { PAIRS, type PairKey, type PowerId } from '../game/powers.js';
import { TRACKS, type FinalResult, type Tracks } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Debrief, DebriefRound } from '../server/exercise/debrief.js';
import { historyCharts, type HistoryCharts, type PairGroup } from './historyModel.js';
import { logSentence } from './logText.js';
import { cardTitle, roundDate } from './names.js';
import { choiceLines, powerRows, type RevealPower } from './revealModel.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { REVEAL_TEXT } from './text/en-game.js';
import { DEBRIEF } from './text/en-debrief.js';
import { END, signed } from './text/en-screens.js';

export interface DebriefRoundModel {
  round: number;
  heading: string;
  headline: { title: string; injected: boolean; history: string | null; question: string | null };
  crisis: { title: string; question: string | null; history: string | null } | null;
  /** Per decision card: "Decisions: Kim at the cosmodrome", and "Russia: “Open the channel”"… */
  decisions: { heading: string; lines: string[] }[];
  powers: RevealPower[];
  injects: string[];
  adjudications: string[];
  /** Tracks and relations that moved over the round: "Tension 4 → 5". */
  changes: string[];
  events: string[];
}

export interface OutcomeRow {
  place: number;
  power: PowerId;
  name: string;
  vp: number;
  agendaTitle: string;
  agendaText: string;
  /** "Met: +3" or "Not met". */
  agendaResult: string;
  met: boolean;
}

export interface ParticipationRow {
  power: PowerId;
  name: string;
  /** Students on the team, or the word for a bot. */
  members: string;
  orders: number;
  messages: number;
}

export interface DebriefModel {
  title: string;
  subtitle: string;
  /** While the exercise runs: how much this shows. */
  partial: string | null;
  rounds: DebriefRoundModel[];
  charts: HistoryCharts;
  outcome: { verdict: string; rows: OutcomeRow[] } | null;
  questions: { round: number; title: string; question: string }[];
  participation: ParticipationRow[];
}

const NORTH: readonly PowerId[] = ['CHN', 'RUS', 'PRK'];
const SOUTH: readonly PowerId[] = ['USA', 'JPN', 'KOR'];
const pairsOf = (powers: readonly PowerId[]) => powers.flatMap((a, i) => powers.slice(i + 1).map((b) => [a, b] as const));

/** Every relation between the six powers: each triangle's three, then the nine across the blocs. */
export const ALL_PAIRS: readonly PairGroup[] = [
  { label: END.northTriangle, pairs: pairsOf(NORTH) },
  { label: END.southTriangle, pairs: pairsOf(SOUTH) },
  { label: DEBRIEF.acrossBlocs, pairs: NORTH.flatMap((a) => SOUTH.map((b) => [a, b] as const)) },
];

const pairName = (pair: PairKey) => {
  const [a, b] = pair.split('-') as [PowerId, PowerId];
  return `${POWER_NAME[a]} – ${POWER_NAME[b]}`;
};

/** What a round starts from: the scenario's opening numbers for the first. */
interface Before {
  tracks: Tracks;
  relations: Partial<Record<PairKey, number>>;
  vp: Partial<Record<PowerId, number>>;
}

function startOf(sc: Scenario): Before {
  return { tracks: sc.tracks, relations: startingRelations(sc), vp: {} };
}

function roundModel(sc: Scenario, round: DebriefRound, before: Before): DebriefRoundModel {
  const trackChanges = TRACKS.filter((t) => round.tracks[t] !== before.tracks[t]).map((t) => REVEAL_TEXT.trackChange(TRACK_NAME[t], before.tracks[t], round.tracks[t]));
  const relationChanges = PAIRS.filter((pair) => before.relations[pair] !== undefined && round.relations[pair] !== before.relations[pair]).map((pair) =>
    DEBRIEF.relationChange(pairName(pair), signed(before.relations[pair]!), signed(round.relations[pair])),
  );
  return {
    round: round.round,
    heading: DEBRIEF.roundHeading(round.round, roundDate(sc, round.headline.id)),
    headline: {
      title: round.headline.title ?? cardTitle(sc, round.headline.id),
      injected: round.injected,
      history: round.headline.history,
      question: round.headline.question,
    },
    crisis: round.crisis
      ? { title: round.crisis.title ?? cardTitle(sc, round.crisis.id), question: round.crisis.question, history: round.crisis.history }
      : null,
    decisions: [choiceLines(sc, round.headline.id, round.decisions.headline), round.crisis ? choiceLines(sc, round.crisis.id, round.decisions.crisis) : null].flatMap((c) =>
      c ? [{ heading: REVEAL_TEXT.choices(c.card), lines: c.lines }] : [],
    ),
    // The debrief tells finished rounds only: each is scored.
    powers: powerRows(sc, round, before.vp, true),
    injects: round.injects.map((i) => `${i.title}: ${i.text}`),
    adjudications: round.adjudications.map((a) => {
      const isTrack = (TRACKS as readonly string[]).includes(a.what);
      const what = isTrack ? TRACK_NAME[a.what as keyof Tracks] : pairName(a.what as PairKey);
      const show = isTrack && a.what !== 'front' ? String : signed;
      return DEBRIEF.adjudication(what, show(a.from), show(a.to), a.reason);
    }),
    changes: [...trackChanges, ...relationChanges],
    events: round.events.map((entry) => logSentence(sc, { ...entry, round: round.round })),
  };
}

function verdict(result: Pick<FinalResult, 'war' | 'winner' | 'ranking'>): string {
  if (result.war) return END.war(result.war.round, result.war.culprit ? POWER_NAME[result.war.culprit] : null);
  const top = result.ranking[0];
  return result.winner && top ? END.winner(POWER_NAME[result.winner], top.vp) : END.tie;
}

export function debriefModel(sc: Scenario, debrief: Debrief): DebriefModel {
  const cards = catalog(sc);
  let before = startOf(sc);
  const rounds = debrief.timeline.map((round) => {
    const model = roundModel(sc, round, before);
    before = round;
    return model;
  });
  const result = debrief.result;
  return {
    title: DEBRIEF.title,
    subtitle: DEBRIEF.subtitle(debrief.scenario.title ?? sc.title, debrief.code),
    partial: debrief.over ? null : DEBRIEF.partial(debrief.timeline.length, debrief.rounds),
    rounds,
    charts: historyCharts(sc, debrief.timeline, ALL_PAIRS),
    outcome: result && {
      verdict: verdict(result),
      rows: result.ranking.map((r) => {
        const agenda = result.agendas[r.power];
        return {
          place: r.place,
          power: r.power,
          name: POWER_NAME[r.power],
          vp: r.vp,
          agendaTitle: agenda.title ?? cards.agenda(agenda.agenda).title,
          agendaText: cards.agenda(agenda.agenda).text,
          agendaResult: agenda.met ? END.agendaMet(agenda.points) : END.agendaMissed,
          met: agenda.met,
        };
      }),
    },
    questions: rounds.flatMap((r) => [
      ...(r.headline.question ? [{ round: r.round, title: r.headline.title, question: r.headline.question }] : []),
      ...(r.crisis?.question ? [{ round: r.round, title: r.crisis.title, question: r.crisis.question }] : []),
    ]),
    participation: debrief.participation.map((p) => ({
      power: p.power,
      name: POWER_NAME[p.power],
      members: p.members ? String(p.members) : DEBRIEF.playedByBot,
      orders: p.ordersSubmitted,
      messages: p.chatMessages,
    })),
  };
}
