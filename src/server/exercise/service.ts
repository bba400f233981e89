/**
 * Classroom exercises: a 7-seat match (seat "6" is Control, the teacher) whose powers
 * are played by teams. Control's token is the match's host token, so it is stored
 * hashed like one and also opens seat "6"; each student gets a token of their own.
 * Every change goes through the lobby's one-at-a-time change of the match record.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'boardgame.io';
import { CONTROL_SEAT, POWERS, seatOfPower, type PowerId } from '../../game/powers.js';
import type { GameState } from '../../game/types.js';
import { hashToken, newToken, sameHash } from '../auth.js';
import { lobbyOf } from '../lobby/matchInfo.js';
import { LobbyError, type LobbyService } from '../lobby/service.js';
import type { MatchStore } from '../storage/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { CustomScenarios } from './customScenarios.js';
import { membersOf, setMembers, type Exercise, type ExerciseInfo, type Member } from './members.js';
import type { CreateExercise } from './requests.js';

const SEATS_WITH_CONTROL = POWERS.length + 1;
const CONTROL_INDEX = Number(CONTROL_SEAT);

/** What anyone with the code may know: names and counts, never a token or its hash. */
export interface PublicExercise {
  code: string;
  scenario: string;
  rounds: number;
  round: number;
  started: boolean;
  over: boolean;
  chat: boolean;
  teamSize: number;
  orderSeconds: number | null;
  teams: Array<{ power: PowerId; bot: boolean; count: number; members: Array<{ id: string; name: string; captain: boolean }> }>;
}

export interface Joined {
  power: PowerId;
  playerID: string;
  memberId: string;
  memberToken: string;
  captain: boolean;
}

export class ExerciseService {
  constructor(
    private readonly lobby: LobbyService,
    private readonly store: MatchStore,
    private readonly customs: CustomScenarios,
    /** A member left a seat: its devices must stop hearing that seat (sockets.ts). */
    private readonly onMoved: (matchID: string, playerID: string, tokenHash: string) => void,
  ) {}

  /** `upload` is Control's own scenario, already checked (customScenarios.ts), with its YAML to store. */
  async create(request: CreateExercise, upload?: { scenario: Scenario; yaml: string }): Promise<{ code: string; controlToken: string }> {
    const custom = upload ? this.customs.add(upload.scenario, upload.yaml) : undefined;
    const exercise: ExerciseInfo = {
      teamSize: request.teamSize,
      orderSeconds: request.orderSeconds,
      teams: request.teams,
      botLevel: request.bots,
      members: {},
      ...(request.seed ? { parallelKey: parallelKey(request.seed) } : {}),
      ...(custom ? { customScenario: custom } : {}),
    };
    const scenario = custom?.id ?? request.scenario;
    const created = this.lobby.create(
      {
        ...(scenario ? { scenario } : {}),
        ...(request.rounds ? { rounds: request.rounds } : {}),
        ...(request.seed ? { seed: request.seed } : {}),
        public: false,
        seats: {},
        // Control's own timer (ExerciseClock) replaces the lobby's round timer, which would hand late teams to bots.
        settings: { chat: request.chat, roundSeconds: null },
      },
      SEATS_WITH_CONTROL,
      (metadata) => {
        metadata.triangles.exercise = exercise;
        const control = metadata.players[CONTROL_INDEX]!;
        control.name = 'Control';
        control.credentials = metadata.triangles.hostKey;
      },
    );
    // A refused exercise (too many rounds for its scenario, say) leaves no scenario behind.
    if (custom) void created.catch(() => this.customs.forget(custom.id));
    const { matchID, hostToken } = await created;
    return { code: matchID, controlToken: hostToken };
  }

  async get(code: string): Promise<PublicExercise> {
    const { state } = await this.store.fetch(code, { state: true });
    const metadata = exerciseOf(await this.lobby.metadata(code), code);
    const info = metadata.triangles;
    return {
      code,
      scenario: info.scenario,
      rounds: info.rounds,
      round: (state?.G as GameState | undefined)?.round ?? 0,
      started: info.started,
      over: metadata.gameover !== undefined && metadata.gameover !== null,
      chat: info.settings.chat,
      teamSize: info.exercise.teamSize,
      orderSeconds: info.exercise.orderSeconds,
      teams: POWERS.map((power) => {
        const members = membersOf(metadata, power);
        return {
          power,
          bot: !joinable(metadata, power),
          count: members.length,
          members: members.map(({ id, name, captain }) => ({ id, name, captain })),
        };
      }),
    };
  }

  /**
   * The exercise's scenario, for its pages: a file Control loaded is not in the page's
   * bundle. The scenario is the rules everyone plays by (every headline, card and
   * agenda a power might draw); which ones were drawn stays in the match's secrets.
   */
  async scenario(code: string): Promise<Scenario> {
    const metadata = exerciseOf(await this.lobby.metadata(code), code);
    const scenario = this.customs.scenarioOf(metadata.triangles);
    if (!scenario) throw new LobbyError(409, `exercise ${code}'s scenario can no longer be read`);
    return scenario;
  }

  /** A student joins the power they chose, or the team with fewest members (the first in seat order on a tie). */
  join(code: string, name: string, chosen: PowerId | undefined): Promise<Joined> {
    return this.lobby.change(code, (raw) => {
      const metadata = exerciseOf(raw, code);
      const power = chosen ?? fewest(metadata);
      if (!power) throw new LobbyError(409, 'every team is full');
      checkRoom(metadata, power);
      const memberToken = newToken();
      const member = addMember(metadata, power, { id: randomBytes(4).toString('hex'), name, tokenHash: hashToken(memberToken), captain: false });
      return { power, playerID: seatOfPower(power), memberId: member.id, memberToken, captain: member.captain };
    });
  }

  /** Control moves a member to another team; a team losing its captain gets its next member as captain. */
  async move(code: string, controlToken: string, memberId: string, to: PowerId): Promise<void> {
    const moved = await this.lobby.change(code, (raw) => {
      const metadata = exerciseOf(raw, code);
      requireControlToken(metadata, controlToken);
      const from = POWERS.find((power) => membersOf(metadata, power).some((m) => m.id === memberId));
      if (!from) throw new LobbyError(404, `no member ${memberId} in this exercise`);
      if (from === to) return null;
      checkRoom(metadata, to);
      const left = membersOf(metadata, from);
      const member = left.find((m) => m.id === memberId)!;
      const rest = left.filter((m) => m !== member);
      if (member.captain && rest[0]) rest[0].captain = true;
      setMembers(metadata, from, rest);
      addMember(metadata, to, { ...member, captain: false });
      return { playerID: seatOfPower(from), tokenHash: member.tokenHash };
    });
    if (moved) this.onMoved(code, moved.playerID, moved.tokenHash);
  }

  /** Powers with nobody on their team are played by bots from the start. */
  async start(code: string, controlToken: string): Promise<void> {
    await this.lobby.change(code, (raw) => {
      const metadata = exerciseOf(raw, code);
      const info = metadata.triangles;
      requireControlToken(metadata, controlToken);
      if (info.started) throw new LobbyError(409, 'the exercise has already started');
      for (const power of POWERS) {
        if (membersOf(metadata, power).length === 0) info.seats[power] = { kind: 'bot', level: info.exercise.botLevel };
      }
      info.started = true;
    });
  }

  /** Whether `controlToken` opens the exercise (a page checks the token it keeps before connecting with it). */
  async opensControl(code: string, controlToken: string): Promise<boolean> {
    return isControlToken(exerciseOf(await this.lobby.metadata(code), code), controlToken);
  }

  /** Everything the exercise stored (the match, its log, its chat) goes. */
  async remove(code: string, controlToken: string): Promise<void> {
    const metadata = exerciseOf(await this.lobby.metadata(code), code);
    requireControlToken(metadata, controlToken);
    await this.store.wipe(code);
    this.customs.forget(metadata.triangles.scenario);
  }
}

/** The same for exercises of one seed, and no way back to the seed. */
function parallelKey(seed: string): string {
  return hashToken(`parallel groups:${seed}`);
}

export function exerciseOf(metadata: Server.MatchData, code: string): Exercise {
  if (!lobbyOf(metadata)?.exercise) throw new LobbyError(404, `no exercise with code ${code}`);
  return metadata as Exercise;
}

function isControlToken(metadata: Exercise, controlToken: string): boolean {
  return sameHash(controlToken, metadata.triangles.hostKey);
}

export function requireControlToken(metadata: Exercise, controlToken: string): void {
  if (!isControlToken(metadata, controlToken)) throw new LobbyError(403, 'only Control can do that (wrong control token)');
}

/** A power students may join: one of the exercise's teams, not handed to a bot at the start. */
function joinable(metadata: Exercise, power: PowerId): boolean {
  return metadata.triangles.exercise.teams.includes(power) && metadata.triangles.seats[power].kind !== 'bot';
}

function checkRoom(metadata: Exercise, power: PowerId): void {
  if (!joinable(metadata, power)) throw new LobbyError(409, `${power} is played by a bot in this exercise`);
  const size = metadata.triangles.exercise.teamSize;
  if (membersOf(metadata, power).length >= size) throw new LobbyError(409, `${power}'s team is full (${size} members)`);
}

function fewest(metadata: Exercise): PowerId | undefined {
  const open = POWERS.filter((p) => joinable(metadata, p) && membersOf(metadata, p).length < metadata.triangles.exercise.teamSize);
  return open.reduce<PowerId | undefined>((best, p) => (best && membersOf(metadata, best).length <= membersOf(metadata, p).length ? best : p), undefined);
}

/** The first member of a team is its captain. */
function addMember(metadata: Exercise, power: PowerId, member: Member): Member {
  const members = membersOf(metadata, power);
  const added = { ...member, captain: members.length === 0 };
  setMembers(metadata, power, [...members, added]);
  return added;
}
