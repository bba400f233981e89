/**
 * What one seat may see. This runs on the master for every message, so secrecy is
 * enforced here and never left to a client: no deck order, no random state, no other
 * seat's hand, agenda, pending orders or choice, and other powers' covert forces only
 * as an unattributed count.
 */
import { POWERS, type PowerId } from './powers.js';
import type { GameState, SeatView, Stack } from './types.js';

export function playerView(G: GameState, viewer: PowerId | null): SeatView {
  const { secret: _secret, seats, forces, ...open } = G;
  const unknownForces: Record<string, number> = {};
  const visible: GameState['forces'] = {};
  for (const [theatre, stacks] of Object.entries(forces)) {
    let unknown = 0;
    const shown: Partial<Record<PowerId, Stack>> = {};
    for (const power of POWERS) {
      const stack = stacks[power];
      if (!stack) continue;
      if (power === viewer || stack.covert === 0) shown[power] = stack;
      else {
        unknown += stack.covert;
        if (stack.open > 0) shown[power] = { open: stack.open, covert: 0 };
      }
    }
    visible[theatre] = shown;
    unknownForces[theatre] = unknown;
  }
  return {
    ...open,
    viewer,
    forces: visible,
    unknownForces,
    seats: viewer ? { [viewer]: seats[viewer] } : {},
  };
}
