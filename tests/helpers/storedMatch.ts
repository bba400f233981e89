/** Matches, states and log entries for storage tests, shaped as boardgame.io's server makes them. */
import type { LogEntry, Server, State } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';

/** A new match as the lobby would store it: boardgame.io's own initial state and metadata. */
export function newMatch(gameName = 'triangles', metadata: Partial<Server.MatchData> = {}): { initialState: State; metadata: Server.MatchData } {
  const created = createMatch({ game: { name: gameName, setup: () => ({ moves: 0 }) }, numPlayers: 2, setupData: undefined, unlisted: false });
  if ('setupDataError' in created) throw new Error(created.setupDataError);
  return { initialState: created.initialState, metadata: { ...created.metadata, ...metadata } };
}

/** The state after one more move, and that move's log entry; `tag` makes two competing successors distinguishable. */
export function nextMove(state: State, tag = 'bump'): { state: State; entry: LogEntry } {
  const G = state.G as { moves: number };
  const entry: LogEntry = {
    action: { type: 'MAKE_MOVE', payload: { type: tag, args: [G.moves], playerID: '0' } },
    _stateID: state._stateID,
    turn: state.ctx.turn,
    phase: '',
  };
  return { state: { ...state, G: { moves: G.moves + 1, tag }, _stateID: state._stateID + 1 }, entry };
}
