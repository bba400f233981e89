/**
 * What a seat must never be sent, as strings to look for in anything it received:
 * the master's secret part, another seat's agenda (until the game ends) or unplayed
 * cards, and the headlines still to come (Control's injects waiting on top included). Shared by the rules' secrecy test (views)
 * and the socket spies (every message over the wire).
 */
import { POWERS, type PowerId } from '../../src/game/powers.js';
import type { GameState } from '../../src/game/types.js';

export function findLeaks(json: string, G: GameState, viewer: PowerId | null): string[] {
  const leaks: string[] = [];
  for (const key of ['"secret"', '"rng"', '"decks"']) if (json.includes(key)) leaks.push(`the master's ${key} part`);
  for (const future of [...G.secret.headlines, ...(G.secret.injects ?? [])]) {
    if (json.includes(`"${future}"`)) leaks.push(`future headline ${future}`);
  }
  for (const p of POWERS) {
    if (p === viewer) continue;
    const seat = G.seats[p];
    if (!G.result && json.includes(`"${seat.agenda}"`)) leaks.push(`${p}'s agenda`);
    // A card in another hand must not be named anywhere its owner has not played it before.
    for (const card of seat.hand) {
      if (!G.log.some((e) => e.card === card) && json.includes(`"${card}"`)) leaks.push(`${p}'s card ${card}`);
    }
  }
  return leaks;
}
