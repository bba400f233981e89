/**
 * What a classroom exercise keeps with its match, in the lobby's record
 * (`metadata.triangles.exercise`), which boardgame.io never sends to clients. A power's
 * seat is played by a team of students, each on their own device with their own
 * token; only the hash of each token is kept, and the seat's credentials are the
 * members' hashes (auth.ts), so the master lets any member's device in.
 */
import type { BotLevel } from '../../bots/levels.js';
import type { PowerId } from '../../game/powers.js';
import type { ChatChannel } from '../../view/chatProtocol.js';
import { sameHash } from '../auth.js';
import type { StoredScenario } from './customScenarios.js';
import { playerOf, type MatchMetadata } from '../lobby/matchInfo.js';

export interface Member {
  /** Public: Control names a member by it to move them. */
  id: string;
  name: string;
  tokenHash: string;
  /** The team's first member locks in its orders and decisions; the others draft. */
  captain: boolean;
}

export interface ExerciseInfo {
  teamSize: number;
  /** A timer for each orders step, or null when Control runs the clock by hand. */
  orderSeconds: number | null;
  /** The powers played by teams; the others, and a team nobody joined by the start, are bots. */
  teams: PowerId[];
  botLevel: BotLevel;
  members: Partial<Record<PowerId, Member[]>>;
  /**
   * A fingerprint of the seed Control chose (never the seed: it would foretell every
   * deal), the same for every exercise of that seed, so the debrief can put parallel
   * groups side by side; absent when the server drew the seed.
   */
  parallelKey?: string;
  /** Present when Control uploaded the exercise's own scenario (customScenarios.ts). */
  customScenario?: StoredScenario;
  /** The chat channels Control has muted (src/server/chat.ts). */
  muted?: ChatChannel[];
}

export type Exercise = MatchMetadata & { triangles: { exercise: ExerciseInfo } };

export function membersOf(metadata: Exercise, power: PowerId): Member[] {
  return metadata.triangles.exercise.members[power] ?? [];
}

export function memberOf(metadata: Exercise, power: PowerId, token: unknown): Member | undefined {
  return membersOf(metadata, power).find((member) => sameHash(token, member.tokenHash));
}

/** A team's members, and the seat's credentials that open it to each of them. */
export function setMembers(metadata: Exercise, power: PowerId, members: Member[]): void {
  metadata.triangles.exercise.members[power] = members;
  const player = playerOf(metadata, power)!;
  if (members.length > 0) player.credentials = members.map((m) => m.tokenHash).join(' ');
  else delete player.credentials;
}
