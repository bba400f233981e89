/**
 * The lobby's rules: create a match, take and leave seats, start, change settings.
 * Everything here goes through the match store; nothing is kept only in memory, so a
 * restarted server (or another process) sees the same lobby.
 */
import { randomBytes } from 'node:crypto';
import type { Game } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import { checkSetupData, type GameHost } from '../../game/game.js';
import { POWERS, seatOfPower, type PowerId } from '../../game/powers.js';
import { hashToken, newToken, sameHash } from '../auth.js';
import type { MatchStore } from '../storage/types.js';
import { newMatchCode } from './codes.js';
import { isTaken, lobbyOf, playerOf, publicMatch, type LobbyInfo, type MatchMetadata, type PublicMatch } from './matchInfo.js';
import type { CreateRequest } from './requests.js';

export class LobbyError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A plain match's seat and host routes would hand an exercise's team to a bot (a seat
 * left or never taken is played by its bot; the round timer has bots fill overdue
 * seats): an exercise has its own routes (exercise/), and `why` names the right one.
 */
function refuseExercise(info: LobbyInfo, why: string): void {
  if (info.exercise) throw new LobbyError(409, `this is a classroom exercise: ${why}`);
}

const DEFAULT_SETTINGS = { chat: true, graceSeconds: 60, roundSeconds: null };

export class LobbyService {
  /** Lobby changes to one match run one at a time in this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: MatchStore,
    private readonly game: Game,
    private readonly host: GameHost,
    private readonly onChange: (matchID: string, metadata: MatchMetadata) => void,
  ) {}

  /** A new match; a classroom exercise asks for a seventh seat (Control) and adds its own record (`decorate`). */
  async create(request: CreateRequest, numPlayers: number = POWERS.length, decorate?: (metadata: MatchMetadata) => void): Promise<{ matchID: string; hostToken: string }> {
    const setup = checkSetupData(this.host, {
      ...(request.scenario ? { scenario: request.scenario } : {}),
      ...(request.rounds ? { rounds: request.rounds } : {}),
      // The seed is the host's (replays, parallel classroom groups) or a fresh crypto one.
      seed: request.seed ?? randomBytes(16).toString('hex'),
    });
    if (!setup.ok) throw new LobbyError(400, setup.error);
    const scenario = this.host.scenarios.get(setup.value.scenario)!;
    const created = createMatch({ game: this.game, numPlayers, setupData: setup.value, unlisted: !request.public });
    if ('setupDataError' in created) throw new LobbyError(400, String(created.setupDataError));
    const hostToken = newToken();
    const seats = Object.fromEntries(POWERS.map((p) => [p, request.seats[p] ?? { kind: 'open', level: 'normal' }])) as LobbyInfo['seats'];
    const metadata: MatchMetadata = {
      ...created.metadata,
      // The seed stays in the state's secret part only: the stored setup data is public-safe.
      setupData: { scenario: setup.value.scenario, rounds: setup.value.rounds ?? scenario.rounds },
      triangles: {
        hostKey: hashToken(hostToken),
        public: request.public,
        started: false,
        scenario: setup.value.scenario,
        rounds: setup.value.rounds ?? scenario.rounds,
        settings: { ...DEFAULT_SETTINGS, ...request.settings },
        seats,
        away: [],
        botSeed: randomBytes(12).toString('hex'),
      },
    };
    decorate?.(metadata);
    for (let attempt = 0; ; attempt++) {
      const matchID = newMatchCode();
      const { metadata: existing } = await this.store.fetch(matchID, { metadata: true });
      if (existing && attempt < 5) continue;
      if (existing) throw new Error('could not find a free match code');
      await this.store.createMatch(matchID, { initialState: created.initialState, metadata });
      return { matchID, hostToken };
    }
  }

  async get(matchID: string): Promise<PublicMatch> {
    return publicMatch(matchID, await this.metadata(matchID));
  }

  /** Public matches still waiting for players, newest first. */
  async listOpen(): Promise<PublicMatch[]> {
    const ids = await this.store.listMatches({ gameName: this.game.name!, where: { isGameover: false } });
    const found: PublicMatch[] = [];
    for (const id of ids) {
      const { metadata } = await this.store.fetch(id, { metadata: true });
      const info = lobbyOf(metadata);
      if (info?.public && !info.started) found.push(publicMatch(id, metadata as MatchMetadata));
    }
    return found.sort((a, b) => b.createdAt - a.createdAt).slice(0, 50);
  }

  async join(matchID: string, power: PowerId, name: string): Promise<{ playerID: string; credentials: string }> {
    return this.change(matchID, (metadata) => {
      const info = metadata.triangles;
      refuseExercise(info, `join it at /api/exercises/${matchID}/join`);
      if (info.seats[power].kind === 'bot') throw new LobbyError(409, `${power} is played by a bot in this match`);
      if (isTaken(metadata, power)) throw new LobbyError(409, `${power} is already taken`);
      const credentials = newToken();
      const player = playerOf(metadata, power)!;
      player.name = name;
      player.credentials = hashToken(credentials);
      info.away = info.away.filter((p) => p !== power);
      return { playerID: seatOfPower(power), credentials };
    });
  }

  /** Give a seat up: before the start it is open again; after, a bot plays it until someone takes it. */
  async leave(matchID: string, power: PowerId, credentials: string): Promise<void> {
    await this.change(matchID, (metadata) => {
      refuseExercise(metadata.triangles, `a student leaves by closing the page, and only Control moves students (/api/exercises/${matchID}/move)`);
      const player = playerOf(metadata, power)!;
      if (!sameHash(credentials, player.credentials)) throw new LobbyError(403, `those are not ${power}'s credentials`);
      delete player.name;
      delete player.credentials;
      if (metadata.triangles.started && !metadata.triangles.away.includes(power)) metadata.triangles.away.push(power);
    });
  }

  async start(matchID: string, hostToken: string): Promise<void> {
    await this.change(matchID, (metadata) => {
      const info = metadata.triangles;
      refuseExercise(info, `Control starts it at /api/exercises/${matchID}/start`);
      this.checkHost(info, hostToken);
      if (info.started) throw new LobbyError(409, 'the match has already started');
      // Seats nobody took are played by their bot from the start.
      for (const power of POWERS) if (info.seats[power].kind === 'open' && !isTaken(metadata, power)) info.away.push(power);
      info.started = true;
    });
  }

  async updateSettings(matchID: string, hostToken: string, settings: Partial<LobbyInfo['settings']>): Promise<void> {
    await this.change(matchID, (metadata) => {
      refuseExercise(metadata.triangles, "its settings are chosen when it is created, and Control runs its clock from the console");
      this.checkHost(metadata.triangles, hostToken);
      metadata.triangles.settings = { ...metadata.triangles.settings, ...settings };
    });
  }

  /**
   * Record whether a seat's people are connected: that seat's flag alone, changed in turn
   * with every other change to the match. People who connect take their seat back from
   * its bot. (The presence tracker calls this.)
   */
  async setConnected(matchID: string, power: PowerId, connected: boolean): Promise<void> {
    await this.change(matchID, (metadata) => {
      const player = playerOf(metadata, power);
      if (!player) return;
      player.isConnected = connected;
      if (connected) metadata.triangles.away = metadata.triangles.away.filter((p) => p !== power);
    });
  }

  /** Hand a seat whose people left to its bot, unless they are connected again, here or on another process (the presence tracker calls this). */
  async handToBot(matchID: string, power: PowerId): Promise<void> {
    await this.change(matchID, (metadata) => {
      const info = metadata.triangles;
      // An exercise's team is never handed to a bot: when time is up, Control's timer locks in its draft.
      if (info.exercise || playerOf(metadata, power)?.isConnected) return;
      if (!info.away.includes(power) && info.started && isTaken(metadata, power)) info.away.push(power);
    });
  }

  async metadata(matchID: string): Promise<MatchMetadata> {
    const { metadata } = await this.store.fetch(matchID, { metadata: true });
    if (!metadata || !lobbyOf(metadata)) throw new LobbyError(404, `no match with code ${matchID}`);
    return metadata as MatchMetadata;
  }

  private checkHost(info: LobbyInfo, hostToken: string): void {
    if (!sameHash(hostToken, info.hostKey)) throw new LobbyError(403, 'only the host can do that (wrong host token)');
  }

  /** Read, change and write one match's lobby record, one change at a time per match (exercises' changes too). */
  change<T>(matchID: string, edit: (metadata: MatchMetadata) => T): Promise<T> {
    const run = async () => {
      const metadata = await this.metadata(matchID);
      const before = JSON.stringify(metadata);
      const result = edit(metadata);
      if (JSON.stringify(metadata) !== before) {
        metadata.updatedAt = Date.now();
        await this.store.setMetadata(matchID, metadata);
        this.onChange(matchID, metadata);
      }
      return result;
    };
    const previous = this.queues.get(matchID) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(run);
    this.queues.set(matchID, next);
    const forget = () => {
      if (this.queues.get(matchID) === next) this.queues.delete(matchID);
    };
    next.then(forget, forget);
    return next;
  }
}
