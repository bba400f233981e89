/**
 * Integration-test helpers: a real game server on a loopback port, the lobby API over
 * real HTTP, and seat clients that are boardgame.io clients over real sockets, played
 * by Normal bots from the view each client receives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { botActionFor } from '../../src/bots/levels.js';
import { awaiting, stepKey } from '../../src/game/actions.js';
import { createTrianglesGame } from '../../src/game/game.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import type { SeatView } from '../../src/game/types.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { ServerConfig } from '../../src/server/config.js';
import type { Limits, Rate } from '../../src/server/limits.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server.js';
import { realScenario } from './scenarios.js';

let scenarioCache: Map<string, Scenario> | null = null;
export function testScenarios(): Map<string, Scenario> {
  scenarioCache ??= new Map([[DEFAULT_SCENARIO, realScenario()]]);
  return scenarioCache;
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'triangles-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const lots = { burst: 10_000, perMinute: 10_000 };
/** Limits no test reaches: tests that are not about rate limits make many matches, moves and lookups from one address. */
export const OPEN_LIMITS: Partial<Limits> = { create: lots, join: lots, lookup: lots, seatMoves: lots, addressMoves: lots, seatSyncs: lots, addressSyncs: lots };
/** The same for chat: a test's Control sends many statements and mutes from one seat. */
export const OPEN_CHAT_LIMITS: Rate = { burst: 100, perMinute: 100 };

export async function startTestServer(overrides: Partial<ServerConfig> & { chatLimits?: Rate } & Pick<ServerOptions, 'tablePrefix' | 'roundClock' | 'wrapMasterStore'> = {}): Promise<RunningServer> {
  const { limits, chatLimits, tablePrefix, roundClock, wrapMasterStore, ...config } = overrides;
  return startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: overrides.dataDir ?? tempDir().dir,
      databaseUrl: null,
      redisUrl: null,
      clientDir: null,
      origins: [],
      ...config,
      limits: { ...limits, ...(chatLimits ? { chat: chatLimits } : {}) },
    },
    { scenarios: testScenarios(), defaultScenario: DEFAULT_SCENARIO, log: () => undefined, ...(tablePrefix ? { tablePrefix } : {}), ...(roundClock ? { roundClock } : {}), ...(wrapMasterStore ? { wrapMasterStore } : {}) },
  );
}

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

export async function api<T = any>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export interface Seat {
  power: PowerId;
  playerID: string;
  credentials: string;
}

/** Create a match with every seat open and take all six seats (with `headers`, X-Forwarded-For: from one address); the host starts it. */
export async function createFullMatch(base: string, options: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ matchID: string; hostToken: string; seats: Seat[] }> {
  const created = await api(base, 'POST', '/api/matches', { rounds: 2, ...options }, headers);
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const { matchID, hostToken } = created.body;
  const seats: Seat[] = [];
  for (const power of POWERS) {
    const joined = await api(base, 'POST', `/api/matches/${matchID}/join`, { power, name: `${power} player` }, headers);
    if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    seats.push({ power, playerID: joined.body.playerID, credentials: joined.body.credentials });
  }
  return { matchID, hostToken, seats };
}

export async function startMatch(base: string, matchID: string, hostToken: string, headers: Record<string, string> = {}): Promise<void> {
  const started = await api(base, 'POST', `/api/matches/${matchID}/start`, { hostToken }, headers);
  if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
}

type SeatClient = ReturnType<typeof Client>;

/**
 * A seat's boardgame.io client over a real socket, played by a Normal bot that sees
 * only what this client received (in the steps `plays` picks). Resolves `done` when
 * the game is over.
 */
export function botSeatClient(
  url: string,
  matchID: string,
  seat: Seat,
  scenario: Scenario,
  plays: (view: SeatView) => boolean = () => true,
): { client: SeatClient; done: Promise<SeatView>; stop: () => void; retry: () => void } {
  const game = createTrianglesGame({ scenarios: testScenarios(), defaultScenario: DEFAULT_SCENARIO, newSeed: () => 'unused-on-a-client' });
  const client = Client({ game, multiplayer: SocketIO({ server: url }), matchID, playerID: seat.playerID, credentials: seat.credentials, numPlayers: 6, debug: false } as never);
  // One action per step (a round's orders, each decision): a later state may arrive
  // before this seat's own move has landed, and must not make it act twice.
  let actedFor = '';
  let stopped = false;
  const done = new Promise<SeatView>((resolve) => {
    client.subscribe((state) => {
      // Stopping tells the subscribers the connection is gone: a stopped seat no longer acts.
      if (!state || stopped) return;
      const view = state.G as unknown as SeatView;
      if (state.ctx.gameover !== undefined) return resolve(view);
      const step = stepKey(view);
      if (actedFor === step || !awaiting(view).includes(seat.power) || !plays(view)) return;
      actedFor = step;
      const { action } = botActionFor('normal', scenario, view, seat.power, `client-${seat.power}`);
      if (action.type === 'orders') client.moves.submitOrders!(action.orders);
      else client.moves.decide!(action.option);
    });
  });
  client.start();
  // After a server crash a move may have been lost in flight: let the seat act again on its next state.
  const stop = () => {
    stopped = true;
    client.stop();
  };
  return { client, done, stop, retry: () => (actedFor = '') };
}
