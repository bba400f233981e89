/**
 * What one seat may see. This runs on the master for every message, so secrecy is
 * enforced here and never left to a client: no deck order, no random state, no other
 * seat's hand, agenda, pending orders, draft or choice, and other powers' covert forces
 * only as an unattributed count. Control (the teacher of a classroom exercise) is the
 * one viewer who sees it all.
 */
import { POWERS, type PowerId } from './powers.js';
import type { ControlView, GameState, SeatView, Stack } from './types.js';

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

export function controlView(G: GameState): ControlView {
  const { secret, ...open } = G;
  const { rng: _rng, ...hidden } = secret;
  const unknownForces = Object.fromEntries(Object.keys(G.forces).map((theatre) => [theatre, 0]));
  return { ...open, viewer: 'control', secret: hidden, unknownForces };
}
