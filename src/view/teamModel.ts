/**
 * What a student's pages in a classroom exercise show, as data: the teams one may
 * join, where this member is now (Control may move them), their team's members and
 * captain, and the exercise clock in words.
 */
import type { PowerId } from '../game/powers.js';
import type { Clock } from '../game/types.js';
import { POWER_NAME } from './text/en.js';
import { clockTime, readClock, type ClockReading } from './clockReading.js';
import { TEAM_JOIN, TEAM_PLAY } from './text/en-team.js';

export interface TeamMember {
  id: string;
  name: string;
  captain: boolean;
}

/** The part of an exercise's public record (the server's PublicExercise) these models read. */
export interface ExerciseTeams {
  teamSize: number;
  teams: ReadonlyArray<{ power: PowerId; bot: boolean; count: number; members: readonly TeamMember[] }>;
}

export interface JoinChoice {
  power: PowerId;
  name: string;
  /** "2 of 5 members", or "Full". */
  detail: string;
  full: boolean;
}

/** The teams students may join (a power played by a bot is not one), each with its room left. */
export function joinChoices(exercise: ExerciseTeams): JoinChoice[] {
  return exercise.teams
    .filter((team) => !team.bot)
    .map((team) => {
      const full = team.count >= exercise.teamSize;
      return { power: team.power, name: POWER_NAME[team.power], detail: full ? TEAM_JOIN.teamFull : TEAM_JOIN.teamCount(team.count, exercise.teamSize), full };
    });
}

/** The team this member is on now (Control may have moved them), or null if they are on none. */
export function memberPower(exercise: ExerciseTeams, memberId: string): PowerId | null {
  return exercise.teams.find((team) => team.members.some((m) => m.id === memberId))?.power ?? null;
}

export interface RosterModel {
  power: PowerId;
  powerName: string;
  members: Array<{ id: string; name: string; captain: boolean; you: boolean }>;
  /** The captain's name (null for a team without members, which only a stale answer shows). */
  captain: string | null;
  youCaptain: boolean;
}

/** A team's members as this member sees them: the captain and themself marked. */
export function rosterModel(exercise: ExerciseTeams, power: PowerId, memberId: string): RosterModel {
  const members = (exercise.teams.find((team) => team.power === power)?.members ?? []).map((m) => ({ ...m, you: m.id === memberId }));
  const captain = members.find((m) => m.captain) ?? null;
  return { power, powerName: POWER_NAME[power], members, captain: captain?.name ?? null, youCaptain: captain?.you ?? false };
}

export interface ClockModel extends ClockReading {
  text: string;
}

/** The exercise clock at `now` (ms since the epoch, the server's time: serverClock.ts), in a team's words. */
export function clockModel(clock: Clock | undefined, now: number): ClockModel {
  const reading = readClock(clock, now);
  const left = reading.leftMs === null ? null : clockTime(reading.leftMs);
  const text = { paused: TEAM_PLAY.paused(left), none: TEAM_PLAY.noTimer, up: TEAM_PLAY.timeUp, running: TEAM_PLAY.timeLeft(left ?? '') }[reading.state];
  return { ...reading, text };
}
