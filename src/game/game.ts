/**
 * The boardgame.io wrapper. boardgame.io runs the match (seats, transport, storage);
 * the rules themselves are the plain functions it calls, so simulations and bots can
 * call them directly at full speed.
 *
 * Engine holes closed here (see BOARDGAMEIO.md):
 *  - every move runs on the master only (`client: false`), with its arguments
 *    redacted from other seats' logs (`redact`), since orders and choices are secret;
 *  - undo is off: a seat must not take back a move after seeing what it revealed;
 *  - client events (endTurn, setPhase, endGame, ...) are disabled: the flow is ours;
 *  - the seed comes from the host's `newSeed` (crypto), never from the clock;
 *  - `playerView` is ours, and idempotent because the client applies it again.
 *
 * A classroom exercise is the same game with a seventh seat, "6", for Control (the
 * teacher): it sees everything and may give Control's commands, and nothing else may.
 * Control's commands are redacted too: one (a headline put on top) names a headline to
 * come, and what every command did is public in G's log and round records anyway.
 */
import type { Game, LongFormMove } from 'boardgame.io';
import { ActivePlayers, INVALID_MOVE } from 'boardgame.io/core';
import type { Scenario } from '../scenario/schema.js';
import { decide, saveDraft, submitOrders } from './actions.js';
import { control } from './control.js';
import { isControlSeat, powerOfSeat, type PowerId } from './powers.js';
import type { Reason } from './reasons.js';
import { setupState } from './setup.js';
import type { ControlView, GameState, SeatView } from './types.js';
import { controlView, playerView } from './view.js';

export const GAME_NAME = 'triangles';

export interface SetupData {
  /** Scenario id; the host's default when absent. */
  scenario?: string;
  /** Replays, tests and classroom "parallel worlds" fix the seed; otherwise the host draws one. */
  seed?: string;
  /** The classroom short form. */
  rounds?: number;
}

export interface GameHost {
  scenarios: ReadonlyMap<string, Scenario>;
  defaultScenario: string;
  /** An unpredictable seed per match, from the host's crypto source. */
  newSeed: () => string;
}

/** Check setup data that came from outside (a lobby request, a URL) and say exactly what is wrong. */
export function checkSetupData(host: GameHost, data: unknown): { ok: true; value: Required<Pick<SetupData, 'scenario'>> & SetupData } | { ok: false; error: string } {
  const raw = data ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'setup data must be an object' };
  const value = raw as Record<string, unknown>;
  const unknownKey = Object.keys(value).find((k) => !['scenario', 'seed', 'rounds'].includes(k));
  if (unknownKey) return { ok: false, error: `setup data has an unknown field "${unknownKey}"` };
  const scenario = value.scenario ?? host.defaultScenario;
  if (typeof scenario !== 'string' || !host.scenarios.has(scenario)) {
    return { ok: false, error: `unknown scenario ${JSON.stringify(scenario)}; known: ${[...host.scenarios.keys()].join(', ')}` };
  }
  if (value.seed !== undefined && (typeof value.seed !== 'string' || value.seed.length < 1 || value.seed.length > 128)) {
    return { ok: false, error: 'seed must be a string of 1 to 128 characters' };
  }
  const full = host.scenarios.get(scenario)!.rounds;
  if (value.rounds !== undefined && (!Number.isInteger(value.rounds) || (value.rounds as number) < 1 || (value.rounds as number) > full)) {
    return { ok: false, error: `rounds must be a whole number from 1 to ${full}` };
  }
  return { ok: true, value: { ...(value as SetupData), scenario } };
}

/** Every move runs on the master only, keeps its arguments from other seats' logs, and cannot be undone. */
const MASTER_ONLY = { client: false, redact: true, undoable: false, ignoreStaleStateID: true } as const;

export function createTrianglesGame(host: GameHost): Game<GameState> {
  const scenarioOf = (G: GameState) => {
    const sc = host.scenarios.get(G.scenario);
    if (!sc) throw new Error(`this server does not have scenario "${G.scenario}"`);
    return sc;
  };
  /** A power's move: the seat must be a power's, and the rules must accept the action. */
  const seatMove = (act: (sc: Scenario, G: GameState, power: PowerId, arg: unknown) => Reason | null): LongFormMove<GameState> => ({
    move: ({ G, playerID }, arg: unknown) => {
      const power = powerOfSeat(playerID);
      return !power || act(scenarioOf(G), G, power, arg) ? INVALID_MOVE : undefined;
    },
    ...MASTER_ONLY,
  });
  return {
    name: GAME_NAME,
    minPlayers: 6,
    // The seventh seat is Control, in classroom exercises.
    maxPlayers: 7,
    disableUndo: true,
    setup: (_api, data?: unknown) => {
      const checked = checkSetupData(host, data);
      if (!checked.ok) throw new Error(checked.error);
      const { scenario, seed, rounds } = checked.value;
      return setupState(host.scenarios.get(scenario)!, { seed: seed ?? host.newSeed(), ...(rounds ? { rounds } : {}) });
    },
    moves: {
      submitOrders: seatMove(submitOrders),
      decide: seatMove(decide),
      draft: seatMove(saveDraft),
      control: {
        move: ({ G, playerID }, command: unknown) =>
          !isControlSeat(playerID) || control(scenarioOf(G), G, command) ? INVALID_MOVE : undefined,
        ...MASTER_ONLY,
      },
    },
    // Every seat may act at any time; the rules (G.step, G.ready) say what each may do.
    turn: { activePlayers: ActivePlayers.ALL },
    events: {
      endTurn: false,
      endPhase: false,
      setPhase: false,
      endGame: false,
      setActivePlayers: false,
      endStage: false,
      setStage: false,
      pass: false,
    },
    endIf: ({ G }) => (G.result ? { winner: G.result.winner, war: G.result.war !== null } : undefined),
    playerView: ({ G, playerID }) => {
      if (isView(G)) return G;
      return isControlSeat(playerID) ? controlView(G) : playerView(G, powerOfSeat(playerID));
    },
  };
}

/** Every view says whom it is for; the master's state does not. */
function isView(G: GameState | SeatView | ControlView): G is SeatView | ControlView {
  return 'viewer' in G;
}
