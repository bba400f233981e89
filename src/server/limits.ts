/**
 * Every limit the server puts on one client, and on how large a match may grow, with its
 * default and the environment variable that changes it (config.ts reads them; the table
 * in docs/DEPLOY.md says the same). The defaults leave normal play far below them: a
 * whole classroom behind one school address (forty devices polling the exercise every
 * two seconds, reconnecting together after a network blip, a team of eight drafting on
 * one seat), the server's bots (they move through their own master, never a socket).
 */

/** A token bucket (lobby/rateLimit.ts): `burst` at once, then `perMinute`. */
export interface Rate {
  burst: number;
  perMinute: number;
}

export interface Limits {
  /** Matches and exercises created, scenario files checked: per client address. */
  create: Rate;
  /** Seats taken and places on a team: per client address. */
  join: Rate;
  /** HTTP requests that name a match code, and the list of open matches: per client address. */
  lookup: Rate;
  /** Moves on the game's socket, per seat (a team's devices share their seat's) ... */
  seatMoves: Rate;
  /** ... and per client address. */
  addressMoves: Rate;
  /** Syncs (a device opening a match, or reopening it after a reconnection), per seat ... */
  seatSyncs: Rate;
  /** ... and per client address, chat joins counted apart at the same rate. */
  addressSyncs: Rate;
  /** Chat lines, and Control's mutes: per seat. */
  chat: Rate;
  /** Moves a match stores at most; past it every socket move is refused. */
  matchMoves: number;
}

/**
 * A real match stores at most about 10,000 moves: 20 rounds, each of at most 18 seat
 * moves (six powers' orders, two decisions of six), some 20 of Control's commands and a
 * classroom's drafts (six teams of eight, about ten edits each). 20,000 leaves room. A
 * stored move is under 1 kB but for Control's written injects (MAX_MOVE_ARGUMENT), so a
 * match's log stays under 20 MB unless its own Control writes injects non-stop.
 */
export const DEFAULT_LIMITS: Limits = {
  create: { burst: 10, perMinute: 10 },
  join: { burst: 60, perMinute: 60 },
  lookup: { burst: 240, perMinute: 2400 },
  seatMoves: { burst: 30, perMinute: 120 },
  addressMoves: { burst: 200, perMinute: 1200 },
  seatSyncs: { burst: 20, perMinute: 60 },
  addressSyncs: { burst: 100, perMinute: 300 },
  chat: { burst: 10, perMinute: 60 },
  matchMoves: 20_000,
};

/** The environment variable that sets each limit: a rate as `BURST,PER_MINUTE`, the match bound as a number. */
export const LIMIT_VARIABLES: Record<keyof Limits, string> = {
  create: 'LIMIT_CREATE',
  join: 'LIMIT_JOIN',
  lookup: 'LIMIT_LOOKUP',
  seatMoves: 'LIMIT_SEAT_MOVES',
  addressMoves: 'LIMIT_ADDRESS_MOVES',
  seatSyncs: 'LIMIT_SEAT_SYNCS',
  addressSyncs: 'LIMIT_ADDRESS_SYNCS',
  chat: 'LIMIT_CHAT',
  matchMoves: 'MAX_MATCH_MOVES',
};
