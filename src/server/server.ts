/**
 * The game server: boardgame.io's Server running the `triangles` game, with the built
 * client, our lobby API and the server's bots on one port. The fixes to boardgame.io
 * that live here (the others are in patches/, see docs/ENGINE.md):
 *  - seeds from crypto per match, never the clock (lobby/service.ts);
 *  - boardgame.io's own lobby routes are closed: ours check every body and never
 *    publish credentials or seeds;
 *  - sockets: origins checked, message size capped, every packet checked (socketGuard.ts);
 *  - every client rate-limited and every match's size bounded (limits.ts);
 *  - credentials stored hashed and compared in constant time (auth.ts).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Server } from 'boardgame.io';
import { ProcessGameConfig } from 'boardgame.io/internal';
import type { IncomingMessage } from 'node:http';
import type { Server as IOServer } from 'socket.io';
import type { IntermediateTransportData } from 'boardgame.io/dist/types/src/master/master';
import { createTrianglesGame, GAME_NAME, type GameHost } from '../game/game.js';
import { CONTROL_SEAT, powerOfSeat } from '../game/powers.js';
import type { Scenario } from '../scenario/schema.js';
import { authenticateSeat, botAuth } from './auth.js';
import { ChatHub } from './chat.js';
import { BotPool } from './bots/botPool.js';
import { exerciseRoutes } from './exercise/api.js';
import { CustomScenarios } from './exercise/customScenarios.js';
import { debriefRoutes } from './exercise/debriefApi.js';
import { ExerciseClock } from './exercise/clock.js';
import { KnownExercises } from './exercise/known.js';
import { checkExerciseMove } from './exercise/moveRules.js';
import { ExerciseService } from './exercise/service.js';
import { closeMemberSockets } from './exercise/sockets.js';
import { ServerBots } from './bots/serverBots.js';
import type { RoundClock } from './bots/roundClock.js';
import type { ServerConfig } from './config.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { lobbyApi } from './lobby/api.js';
import { LobbyService } from './lobby/service.js';
import { lobbyOf, mergeFromMaster, type MatchMetadata } from './lobby/matchInfo.js';
import { Presence } from './presence.js';
import { RedisPubSub } from './pubsub/redisPubSub.js';
import { jsonOnlyParser } from './jsonParser.js';
import { guardSockets, socketLimits } from './socketGuard.js';
import { StoredMoves } from './storedMoves.js';
import { staticClient } from './staticFiles.js';
import { openStorage } from './storage/open.js';
import { PendingCalls } from './storage/pendingCalls.js';
import type { MatchStore } from './storage/types.js';

// boardgame.io/server is CommonJS only (STACK.md): load it through require.
const require = createRequire(import.meta.url);
const bgio = require('boardgame.io/server') as typeof import('boardgame.io/server') & { Master: MasterClass };

interface MasterLike {
  onUpdate(action: unknown, stateID: number, matchID: string, playerID: string): Promise<unknown>;
}
type MasterClass = new (game: unknown, db: unknown, transport: { send: (d: unknown) => void; sendAll: (d: unknown) => void }, auth: unknown) => MasterLike;

export interface ServerOptions {
  scenarios: Map<string, Scenario>;
  /** The folder the scenarios came from, where the bot threads load them (default: the shipped scenarios/). */
  scenarioDir?: string;
  defaultScenario: string;
  /** Log lines go here (tests keep them quiet). */
  log?: (line: string) => void;
  /** For tests: a table prefix on PostgreSQL so runs do not see each other. */
  tablePrefix?: string;
  /** For tests: the round timer's clock and alarms, moved by hand (default: the real ones). */
  roundClock?: RoundClock;
  /** For tests: wraps the store boardgame.io's master reads and writes, to hold its answers and make a race happen every time. */
  wrapMasterStore?: (store: MatchStore) => MatchStore;
}

export interface RunningServer {
  url: string;
  port: number;
  store: MatchStore;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A copy: exercises add their own scenarios to the server's (exercise/customScenarios.ts).
  const scenarios = new Map(options.scenarios);
  const customs = new CustomScenarios(scenarios, log);
  const host: GameHost = { scenarios, defaultScenario: options.defaultScenario, newSeed: () => randomBytes(16).toString('hex') };
  const game = createTrianglesGame(host);
  // Every part of the server reads and writes through `store`, so a shutdown can wait for what is still running.
  const pending = new PendingCalls();
  const store = pending.track(await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? undefined, tablePrefix: options.tablePrefix }));
  // Before anything is served: an unfinished exercise's next move needs its own scenario.
  await customs.restore(store, GAME_NAME);
  const pubSub = config.redisUrl ? await RedisPubSub.connect<IntermediateTransportData>(config.redisUrl) : undefined;
  const botKey = randomBytes(24).toString('base64url');
  const onError = (matchID: string, error: Error) => log(`match ${matchID}: ${error.stack ?? error.message}`);
  const limits: Limits = { ...DEFAULT_LIMITS, ...config.limits };
  const storedMoves = new StoredMoves(store, limits.matchMoves);

  // Bots and exercise clocks look again after every move this process stores, whoever made it.
  let bots: ServerBots | null = null;
  let clock: ExerciseClock | null = null;
  let lobby: LobbyService | null = null;
  const observed = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'setState') {
        return async (matchID: string, state: unknown, deltalog?: unknown) => {
          await target.setState(matchID, state as never, deltalog as never);
          storedMoves.stored(matchID, (state as { _stateID: number })._stateID);
          bots?.poke(matchID);
          clock?.poke(matchID);
        };
      }
      // boardgame.io writes back the whole match record it read before the move that ended
      // the game, over whatever the lobby changed in between (a seat taken, a player marked
      // away, a seat connected). Only the result is merged, in turn with the lobby's changes.
      if (prop === 'setMetadata') return (matchID: string, metadata: Server.MatchData) => lobby!.change(matchID, (current) => mergeFromMaster(current, metadata));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  const masterStore = options.wrapMasterStore?.(observed) ?? observed;

  const transport = new bgio.SocketIO({
    ...(pubSub ? { pubSub } : {}),
    socketOpts: {
      // A seat's largest message is a list of three orders: 64 kB is far more than enough.
      maxHttpBufferSize: 64 * 1024,
      parser: jsonOnlyParser,
      // boardgame.io passes `origins` where socket.io 4 expects `origin` (BOARDGAMEIO.md #5).
      cors: { origin: config.origins },
      allowRequest: (req: IncomingMessage, done: (err: string | null, ok: boolean) => void) => done(null, originAllowed(req, config.origins)),
    } as never,
  });
  const server = bgio.Server({
    games: [game],
    db: masterStore,
    transport,
    origins: config.origins,
    authenticateCredentials: authenticateSeat as never,
  });

  const processedGame = ProcessGameConfig(game);
  const pubSubOf = () => (transport as unknown as { pubSub: { publish(channel: string, payload: unknown): void } }).pubSub;
  // A master per move, as boardgame.io's transport makes one: its broadcasts go to that match's channel.
  const masterFor = (matchID: string) =>
    new bgio.Master(processedGame, masterStore, { send: () => undefined, sendAll: (payload) => pubSubOf().publish(`MATCH-${matchID}`, payload) }, botAuth(botKey));
  // The server's own moves (bots, exercise timers) are queued with the match's socket moves, so the two never interleave.
  const moveAsServer = (matchID: string, playerID: string, move: { type: string; args: unknown[] }, stateID: number, who: string) =>
    (transport as unknown as { getMatchQueue(id: string): { add(fn: () => Promise<unknown>): Promise<unknown> } }).getMatchQueue(matchID).add(async () => {
      const result = (await masterFor(matchID).onUpdate({ type: 'MAKE_MOVE', payload: { ...move, playerID, credentials: botKey } }, stateID, matchID, playerID)) as { error?: string } | undefined;
      if (result?.error && result.error !== 'move refused') log(`match ${matchID}: ${who} move for seat ${playerID} failed: ${result.error}`);
    }) as Promise<void>;
  const botPool = new BotPool(options.scenarioDir ?? fileURLToPath(new URL('../../scenarios', import.meta.url)), Math.max(1, availableParallelism() - 1));
  bots = new ServerBots(
    store,
    (matchID, info) => {
      customs.ensure(matchID, info);
      return scenarios.get(info.scenario);
    },
    (request) => botPool.think(request, customs.custom(request.scenario)),
    (matchID, playerID, move, stateID) => moveAsServer(matchID, playerID, move, stateID, 'bot'),
    onError,
    // Kept with the match, so the players' pages can count it down (GET /api/matches/:code).
    (matchID, deadline) =>
      void lobby!
        .change(matchID, (metadata) => {
          metadata.triangles.deadline = deadline;
        })
        .catch((error: Error) => onError(matchID, error)),
    options.roundClock,
  );
  const knownExercises = new KnownExercises(store, (matchID, metadata) => customs.ensure(matchID, metadata.triangles));
  clock = new ExerciseClock(store, knownExercises, (matchID, command, stateID) => moveAsServer(matchID, CONTROL_SEAT, { type: 'control', args: [command] }, stateID, 'timer'), onError);

  lobby = new LobbyService(store, game, host, (matchID) => {
    bots!.poke(matchID);
    clock!.poke(matchID);
  });
  // Chat lines travel on the same pub/sub as the game's updates (on their own channels).
  const sockets = socketLimits(limits, config.trustProxy ?? false);
  const chat = new ChatHub(lobby, store, pubSubOf() as never, { lines: limits.chat, joins: limits.addressSyncs }, sockets.addressOf);
  const exercises = new ExerciseService(lobby, store, customs, (matchID, playerID, tokenHash) => {
    closeMemberSockets(transport, matchID, playerID, tokenHash);
    chat.dropMember(matchID, powerOfSeat(playerID)!, tokenHash);
  });
  const presence = new Presence(lobby, onError);

  guardSockets((server.app as unknown as { _io: IOServer })._io, GAME_NAME, {
    // Read for each move: whether the match has started, and whose credentials open the seat.
    metadata: async (matchID) => {
      const { metadata } = await store.fetch(matchID, { metadata: true });
      return lobbyOf(metadata) ? (metadata as MatchMetadata) : null;
    },
    limits: sockets,
    checkMove: (matchID, metadata, playerID, type, credentials) => {
      // An exercise's own scenario must be on this process before the master runs its move.
      if (metadata.triangles.exercise) customs.ensure(matchID, metadata.triangles);
      return checkExerciseMove(metadata, playerID, type, credentials);
    },
    checkStored: (matchID) => storedMoves.refusal(matchID),
    onSeen: (socket, matchID, playerID, credentials) => presence.seen(socket, matchID, playerID, credentials),
    custom: chat.handlers,
  });

  server.app.proxy = config.trustProxy ?? false;
  // The address the proxy saw, not what the client wrote in X-Forwarded-For (clientAddress.ts).
  server.app.maxIpsCount = 1;
  server.app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    await next();
  });
  // GET /api/scenarios lists the shipped scenarios only: an exercise's own is its alone.
  server.app.use(lobbyApi(lobby, { ...host, scenarios: options.scenarios }, limits, [...exerciseRoutes(exercises, limits), ...debriefRoutes(store, customs)]));
  // boardgame.io's own lobby routes would create matches that skip our checks and list
  // every match's setup data: closed.
  server.app.use(async (ctx, next) => {
    if (ctx.path === '/games' || ctx.path.startsWith('/games/')) {
      ctx.status = 404;
      ctx.body = { error: 'the lobby is at /api/matches' };
      return;
    }
    await next();
  });
  if (config.clientDir) server.app.use(staticClient(config.clientDir));

  const { appServer } = await server.run({ port: config.port, host: config.host } as never);
  const port = (appServer.address() as AddressInfo).port;
  const resumed = await bots.resumeAll(GAME_NAME);
  await clock.resumeAll(GAME_NAME);
  log(`Triangles server on http://${config.host}:${port} (${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}${pubSub ? ', Redis pub/sub' : ''}; ${resumed} unfinished matches)`);

  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    close: async () => {
      bots!.close();
      clock!.close();
      presence.close();
      chat.close();
      const io = (server.app as unknown as { _io: IOServer })._io;
      // Not socket.disconnect(): a socket.io client takes a disconnect the server asked for
      // as final and never reconnects, so a restart would strand every player. socket.io's
      // own close drops each socket here without telling its client, stops listening and
      // closes the transports: each client sees its connection lost and keeps trying until
      // a server answers on this address again, then syncs its seat.
      const closed = io.close();
      await botPool.close();
      // boardgame.io records each disconnect in storage and finishes a move it had begun: let those land before the store closes.
      await pending.idle();
      await closed;
      await pubSub?.close();
      await store.close();
    },
  };
}

/** Browsers send Origin; a page from elsewhere may not open a socket (non-browser clients send none). */
function originAllowed(req: IncomingMessage, extra: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const hostHeader = req.headers.host;
  try {
    if (hostHeader && new URL(origin).host === hostHeader) return true;
  } catch {
    return false;
  }
  return extra.includes(origin);
}
