/**
 * Secrecy over the wire: everything one listener (a seat, a team's device, a projector)
 * heard over a whole match, checked against the master's state at each moment. The
 * views themselves are tested by difference (tests/unit/secrecy.test.ts); here the
 * question is whether the server sends anything but them. Each state a message carries
 * must be exactly the listener's view of the master's state; another seat's moves come
 * without their arguments; and the whole of every message (boardgame.io's logs and
 * match data and our own events included) is searched for what no listener may be
 * sent: the match's seed, the random state, unplayed cards, agendas, headlines and
 * crises to come.
 */
import { expect } from 'vitest';
import { POWERS, powerOfSeat, type PowerId } from '../../src/game/powers.js';
import type { GameState } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { DeviceState, Heard } from './exerciseDevice.js';

/** What in `json` (a whole message) `viewer` may not be sent, by name, while the master's state is G. */
export function findLeaks(json: string, G: GameState, viewer: PowerId | null, seeds: readonly string[]): string[] {
  const leaks: string[] = [];
  const named = (id: string) => json.includes(`"${id}"`);
  for (const seed of seeds) if (json.includes(seed)) leaks.push(`the match's seed ${seed}`);
  for (const key of ['"secret"', '"rng"', '"decks"']) if (json.includes(key)) leaks.push(`the master's ${key} part`);
  // The random state's numbers, under whatever name they travel.
  for (const n of G.secret.rng) if (new RegExp(`(?<![\\d.])${n}(?![\\d.])`).test(json)) leaks.push(`the random state's ${n}`);
  const shown = new Set([G.headline, G.crisis, ...G.history.flatMap((r) => [r.headline, r.crisis])]);
  for (const future of [...G.secret.headlines, ...(G.secret.injects ?? []), ...G.secret.crises]) {
    if (!shown.has(future) && named(future)) leaks.push(`${future}, still to come`);
  }
  const played = new Set([...G.log.map((e) => e.card), ...POWERS.flatMap((p) => G.powers[p].discard)]);
  for (const p of POWERS) {
    // No one sees a deck, its own included: a card still in one has never been shown.
    for (const card of G.secret.decks[p]) if (!played.has(card) && named(card)) leaks.push(`${p}'s card ${card}, still in the deck`);
    if (p === viewer) continue;
    const seat = G.seats[p];
    if (!G.result && named(seat.agenda)) leaks.push(`${p}'s agenda`);
    // A card in another hand, locked-in orders or draft is not named before it is played.
    const cards = [...seat.hand, ...[...(seat.orders ?? []), ...(seat.draft ?? [])].flatMap((o) => (o.kind === 'card' ? [o.card] : []))];
    for (const card of cards) if (!played.has(card) && named(card)) leaks.push(`${p}'s card ${card}`);
  }
  return leaks;
}

/** The states a message carries: a sync's state and initial state, an update's state. */
function statesIn(message: Heard): DeviceState[] {
  if (message.event === 'sync') {
    const info = message.args[1] as { state: DeviceState; initialState?: DeviceState };
    return info.initialState ? [info.state, info.initialState] : [info.state];
  }
  return message.event === 'update' ? [message.args[1] as DeviceState] : [];
}

/** The moves a message's log carries. */
function movesIn(message: Heard): Array<{ action: { payload: { playerID: string; args?: unknown } } }> {
  if (message.event === 'sync') return (message.args[1] as { log?: never[] }).log ?? [];
  return message.event === 'update' ? ((message.args[2] as never[]) ?? []) : [];
}

/**
 * Checks every message one listener heard, in order, against the master's states by
 * stateID (tests/helpers/replay.ts) and the match's seeds; returns how many states its
 * messages carried. A message is searched against the latest state heard with it or
 * before it: messages reach a socket in the order they were sent.
 */
export function checkHeard(heard: Heard[], states: ReadonlyMap<number, GameState>, viewer: PowerId | null, seeds: readonly string[]): number {
  let master = states.get(0)!;
  let latest = 0;
  let carried = 0;
  for (const message of heard) {
    const who = `${viewer ?? 'spectator'}'s ${message.event}`;
    for (const state of statesIn(message)) {
      const G = states.get(state._stateID);
      expect(G, `${who}: state ${state._stateID} is one the master had`).toBeDefined();
      // Exactly the view of the master's state as it travels (as JSON): nothing more, nothing less.
      expect(state.G, `${who} at state ${state._stateID}`).toEqual(JSON.parse(JSON.stringify(playerView(G!, viewer))));
      if (state._stateID >= latest) [latest, master] = [state._stateID, G!];
      carried++;
    }
    expect(findLeaks(JSON.stringify(message.args), master, viewer, seeds), `${who} at state ${latest}`).toEqual([]);
    // Another seat's move arrives without its arguments (orders and choices stay secret).
    for (const entry of movesIn(message)) {
      if (powerOfSeat(entry.action.payload.playerID) !== viewer) expect(entry.action.payload.args ?? null, `${who}: another seat's move`).toBeNull();
    }
  }
  return carried;
}
