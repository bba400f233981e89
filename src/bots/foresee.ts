/**
 * A bot's one-step lookahead: what its own orders, or a decision's choices, would do to
 * the table. It is not worked out here: the rules' own resolution (src/game/resolution.ts)
 * runs on an imagined copy of the seat's view, so a rule changed there changes the
 * bots' foresight with it and the bots cannot go on playing an older game.
 *
 * The imagined table is the view with its hidden parts filled neutrally. The others'
 * orders are unknown, so they give none (not even holds: a hold's Capital would show
 * as a change the seat's own orders made), unless the caller imagines some (an
 * engagement answered, for a summit). Covert units whose owner the seat cannot see go
 * to the first power that could have put them there, so they count at the Front and
 * in a theatre's posture as the rules count them. Nothing else hidden (hands, agendas,
 * decks) is read by the resolution.
 *
 * A sketch is the table at the end of the round's orders resolution (the Front's drift
 * included), before the round's close; `roundClosed` closes it, as the rules do before
 * they score objectives. Each sketch is resolved afresh from the imagined table, so a
 * plan's orders meet in the rules' fixed order (a shield covers the whole round, a
 * relation lowered by pressure is hostile when a deployment's posture is judged, aid to
 * Ukraine adds up across orders) rather than in the order the bot considered them.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import { applySlip, closeRound, resolveDecision, resolveOrders, type RevealedOrders } from '../game/resolution.js';
import type { SeatView } from '../game/types.js';
import type { Decision, Scenario } from '../scenario/schema.js';
import { covertOwners, forkTable } from './imaginedTable.js';

export interface Sketch {
  /** The imagined table after the foreseen acts: the seat's view, resolved on. */
  view: SeatView;
  /** Victory points the foreseen acts gave each power outright (card and decision effects), read off the table. */
  vp: Partial<Record<PowerId, number>>;
  war: boolean;
  /** The war was pushed over the edge by this seat's own act. */
  culprit: boolean;
}

/**
 * The table a seat imagines from its view, built once per decision: every foreseen act
 * is resolved on a fork of it. Its own copy with a log of its own, so the view is never touched.
 */
export interface Imagined {
  /** The view it was imagined from. */
  readonly view: SeatView;
  readonly table: SeatView;
}

export function imagine(sc: Scenario, view: SeatView): Imagined {
  const viewer = view.viewer;
  if (!viewer) throw new Error('only a seat can foresee: a spectator has no acts');
  const table = forkTable(view);
  table.log = [];
  for (const theatre in view.unknownForces) {
    const count = view.unknownForces[theatre]!;
    if (count === 0) continue;
    const owner = covertOwners(sc, theatre, viewer)[0]!;
    const stacks = (table.forces[theatre] ??= {});
    const stack = (stacks[owner] ??= { open: 0, covert: 0 });
    stack.covert += count;
  }
  table.unknownForces = {};
  return { view, table };
}

/** A fork of the imagined table, with a log of its own, for the rules to resolve on. */
function fork(seen: Imagined): SeatView {
  const table = forkTable(seen.table);
  table.log = [];
  return table;
}

/** What the rules did on a table, read off it against the view it was imagined from. */
function sketched(view: SeatView, table: SeatView): Sketch {
  const vp: Partial<Record<PowerId, number>> = {};
  for (const p of POWERS) {
    const gained = table.powers[p].vp - view.powers[p].vp;
    if (gained !== 0) vp[p] = gained;
  }
  const war = table.war !== null;
  return { view: table, vp, war, culprit: war && table.war!.culprit === table.viewer };
}

/** Are this round's orders still to be resolved (at the orders step, or before them in a headline's decision)? */
function ordersToCome(view: SeatView): boolean {
  return view.step.kind === 'orders' || (view.step.kind === 'decide' && view.step.deck === 'headline');
}

/** These orders (the seat's own, and any the caller imagines for others) resolved by the rules on the imagined table. */
export function foresee(sc: Scenario, seen: Imagined, revealed: RevealedOrders): Sketch {
  const table = fork(seen);
  resolveOrders(table, sc, revealed);
  return sketched(seen.view, table);
}

/**
 * The open decision revealed with these choices, and then, after a headline, the round's
 * orders with none given. `slipBy`: imagine the crisis slipping by this power's act (the
 * rules draw that on the master state, so a seat can only weigh it, never know it).
 */
export function foreseeDecision(sc: Scenario, seen: Imagined, decision: Decision, choices: Partial<Record<PowerId, string>>, slipBy?: PowerId): Sketch {
  const step = seen.table.step;
  if (step.kind !== 'decide') throw new Error('no decision is open');
  const table = fork(seen);
  resolveDecision(table, sc, step.card, decision, choices);
  if (slipBy && !table.war) applySlip(table, sc, slipBy);
  if (ordersToCome(table) && !table.war) resolveOrders(table, sc, {});
  return sketched(seen.view, table);
}

/** The round as it stands, with nothing more given by anyone: its orders, if still to come, resolved with none. */
export function sketchOf(sc: Scenario, view: SeatView): Sketch {
  // The imagined table is used once here: resolved on as it is, without a fork.
  const { table } = imagine(sc, view);
  if (ordersToCome(table)) resolveOrders(table, sc, {});
  return sketched(view, table);
}

/**
 * The sketch's table once the round closes (Tension eases if nothing raised it, forces
 * at the Front count a round there), by the rules' own close, on a copy of just the
 * parts the close changes, so the sketch itself can be weighed again.
 */
export function roundClosed(sc: Scenario, s: Sketch): SeatView {
  const v = s.view;
  const closed = { ...v };
  closed.tracks = { ...v.tracks };
  closed.stats = { aidGiven: v.stats.aidGiven, aidReceivedThisRound: v.stats.aidReceivedThisRound, roundsAtFront: { ...v.stats.roundsAtFront } };
  closed.log = [];
  closeRound(closed, sc);
  return closed;
}
