/**
 * What the lobby keeps about a match, stored with boardgame.io's match metadata (in
 * `metadata.triangles`) so one write keeps seats, settings and the game together.
 *
 * Seats, roles and views are kept general for the classroom mode to come: a seat is
 * played by people, by a bot, or by a bot standing in for people who are away. Whose
 * credentials open a seat is decided in one place (`authenticateSeat`, auth.ts); which
 * seats the server's bots play, in another (`botSeats` here, used by ServerBots).
 */
import type { Server } from 'boardgame.io';
import type { BotLevel } from '../../bots/levels.js';
import { POWERS, seatOfPower, type PowerId } from '../../game/powers.js';
import type { ExerciseInfo } from '../exercise/members.js';

export type SeatKind = 'open' | 'bot';

export interface SeatSetting {
  /** 'open' seats are for people; a seat nobody took becomes a bot when the match starts. */
  kind: SeatKind;
  /** The bot that plays the seat, or stands in for its people when they are away. */
  level: BotLevel;
}

export interface MatchSettings {
  chat: boolean;
  /** How long a disconnected player's seat waits before a bot stands in. */
  graceSeconds: number;
  /** Optional: when a round's orders are not all in after this long, bots fill the gaps. */
  roundSeconds: number | null;
}

/** When the round timer of a step runs out (the server's time, ms), for players to see; the step is `stepKey`'s. */
export interface RoundDeadline {
  step: string;
  at: number;
}

export interface LobbyInfo {
  /** sha256 of the host's token; the token itself is only ever with the host. */
  hostKey: string;
  public: boolean;
  started: boolean;
  scenario: string;
  rounds: number;
  settings: MatchSettings;
  seats: Record<PowerId, SeatSetting>;
  /** Seats whose people are away (disconnected past the grace period or left). */
  away: PowerId[];
  /** Seeds the server's bots for this match, so a restarted server's bots choose alike. */
  botSeed: string;
  /** Present when the match is a classroom exercise (seat "6" is Control, the host). */
  exercise?: ExerciseInfo;
  /** The running round timer, when the host set one (the server's bots keep it: serverBots.ts). */
  deadline?: RoundDeadline | null;
}

export type MatchMetadata = Server.MatchData & { triangles: LobbyInfo };

export function lobbyOf(metadata: Server.MatchData | undefined): LobbyInfo | null {
  const info = (metadata as Partial<MatchMetadata> | undefined)?.triangles;
  return info ?? null;
}

/**
 * What boardgame.io's master may change in a match record: the result when the game
 * ends. The rest of the record is the lobby's, and the master's copy of it may be older
 * than the stored one: its seats' connection flags were read before the move, so they
 * are never taken (who is connected is recorded seat by seat, presence.ts).
 */
export function mergeFromMaster(current: Server.MatchData, fromMaster: Server.MatchData): void {
  if (fromMaster.gameover !== undefined && fromMaster.gameover !== null) current.gameover = fromMaster.gameover;
}

export function playerOf(metadata: Server.MatchData, power: PowerId): Server.PlayerMetadata | undefined {
  return metadata.players[Number(seatOfPower(power))];
}

/** A seat a person has taken (has a name and credentials). */
export function isTaken(metadata: Server.MatchData, power: PowerId): boolean {
  return Boolean(playerOf(metadata, power)?.credentials);
}

/** Seats the server's bots play now: bot seats, and seats whose people are away. */
export function botSeats(metadata: MatchMetadata): PowerId[] {
  const info = metadata.triangles;
  if (!info.started) return [];
  return POWERS.filter((p) => info.seats[p].kind === 'bot' || info.away.includes(p));
}

/** What anyone may know about a match: no credentials, no host key, no seed. */
export interface PublicMatch {
  matchID: string;
  scenario: string;
  rounds: number;
  public: boolean;
  started: boolean;
  over: boolean;
  settings: MatchSettings;
  seats: Array<{ power: PowerId; kind: SeatKind; level: BotLevel; name: string | null; connected: boolean; away: boolean }>;
  createdAt: number;
  /** When the round timer of the step in play runs out, if one runs. */
  deadline: RoundDeadline | null;
}

export function publicMatch(matchID: string, metadata: MatchMetadata): PublicMatch {
  const info = metadata.triangles;
  return {
    matchID,
    scenario: info.scenario,
    rounds: info.rounds,
    public: info.public,
    started: info.started,
    over: metadata.gameover !== undefined && metadata.gameover !== null,
    settings: info.settings,
    seats: POWERS.map((power) => {
      const player = playerOf(metadata, power);
      return {
        power,
        kind: info.seats[power].kind,
        level: info.seats[power].level,
        name: player?.name ?? null,
        connected: Boolean(player?.isConnected),
        away: info.away.includes(power),
      };
    }),
    createdAt: metadata.createdAt,
    deadline: info.deadline ?? null,
  };
}
