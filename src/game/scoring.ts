/**
 * Points: objectives every round, secret agendas and war at the end, and the ranking.
 */
import type { Agenda, Objective, Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { stopTimer } from './clock.js';
import { holds } from './effects.js';
import { log } from './mechanics.js';
import { POWERS, type PowerId } from './powers.js';
import type { FinalResult, GameState, Readable } from './types.js';

/** Points an objective is worth now for this power (0 when not met). */
export function objectivePoints(G: Readable, objective: Objective, power: PowerId): number {
  if ('when' in objective) return holds(G, objective.when, { self: power }) ? objective.points : 0;
  const received = G.stats.aidReceivedThisRound[power] ?? 0;
  const { per, points, max } = objective.perAidReceived;
  const earned = Math.floor(received / per) * points;
  return max === undefined ? earned : Math.min(earned, max);
}

/** What an agenda is worth if met in a match of `rounds` rounds (rules.agendaScale). */
export function agendaPoints(sc: Scenario, agenda: Agenda, rounds: number): number {
  if (!sc.rules.agendaScale || rounds >= sc.rounds) return agenda.points;
  return Math.max(1, Math.round((agenda.points * rounds) / sc.rounds));
}

/** Score every power's objectives; returns the ids each power met. */
export function scoreObjectives(G: GameState, sc: Scenario): Partial<Record<PowerId, string[]>> {
  const met: Partial<Record<PowerId, string[]>> = {};
  for (const power of POWERS) {
    let total = 0;
    for (const objective of sc.powers[power].objectives) {
      const points = objectivePoints(G, objective, power);
      if (points === 0) continue;
      total += points;
      (met[power] ??= []).push(objective.id);
    }
    G.powers[power].vp += total;
    if (total !== 0) log(G, { code: 'scored', power, value: total });
  }
  return met;
}

/** End the match and score it; `cutShort` when Control ends it before the last round is over. */
export function finishGame(G: GameState, sc: Scenario, cutShort = false): void {
  takeBackUnrevealed(G);
  stopTimer(G);
  const cat = catalog(sc);
  const agendas = {} as FinalResult['agendas'];
  for (const power of POWERS) {
    const agenda = cat.agenda(G.seats[power].agenda);
    const met = holds(G, agenda.when, { self: power });
    const points = met ? agendaPoints(sc, agenda, G.rounds) : 0;
    G.powers[power].vp += points;
    agendas[power] = { agenda: agenda.id, met, points };
  }
  if (G.war) {
    for (const power of POWERS) G.powers[power].vp -= sc.rules.war.penalty[power];
    if (G.war.culprit) G.powers[G.war.culprit].vp -= sc.rules.war.culpritPenalty;
  }
  // The round war (or Control) cut short still gets its closing snapshot, so the debrief shows where it ended.
  const record = G.history[G.history.length - 1];
  if (record && (G.war || cutShort)) {
    record.tracks = { ...G.tracks };
    record.relations = { ...G.relations };
    record.vp = Object.fromEntries(POWERS.map((p) => [p, G.powers[p].vp])) as Record<PowerId, number>;
  }
  const ranking = rank(G, sc);
  const first = ranking.filter((r) => r.place === 1);
  G.result = { ranking, winner: !G.war && first.length === 1 ? first[0]!.power : null, war: G.war, agendas };
  G.step = { kind: 'over' };
  G.ready = [];
  log(G, { code: 'gameOver' });
}

/**
 * Orders and choices locked in but never revealed (the match ended mid-step, by Control
 * or by war from an inject) did not happen: cards go back to their hands, drafts go.
 */
function takeBackUnrevealed(G: GameState): void {
  for (const power of POWERS) {
    const seat = G.seats[power];
    for (const order of seat.orders ?? []) if (order.kind === 'card') seat.hand.push(order.card);
    seat.orders = null;
    seat.choice = null;
    delete seat.draft;
  }
}

/** How many objectives the power met over the game, each once per round it was met in. */
export function objectivesMet(G: Readable, power: PowerId): number {
  return G.history.reduce((sum, record) => sum + (record.scored[power]?.length ?? 0), 0);
}

/** Most points first; a tie on points goes by the rules' tie-break (rules.tieBreak); a full tie shares the place. */
function rank(G: GameState, sc: Scenario): FinalResult['ranking'] {
  const tieBreak = (p: PowerId) => (sc.rules.tieBreak === 'capital' ? G.powers[p].capital : objectivesMet(G, p));
  const order = [...POWERS].sort((a, b) => G.powers[b].vp - G.powers[a].vp || tieBreak(b) - tieBreak(a));
  return order.map((power, i) => {
    const firstEqual = order.findIndex((p) => G.powers[p].vp === G.powers[power].vp && tieBreak(p) === tieBreak(power));
    return { power, vp: G.powers[power].vp, place: Math.min(i, firstEqual) + 1 };
  });
}
