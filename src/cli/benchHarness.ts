/**
 * What the server benchmarks share (bench:server, bench:classroom): the real server in
 * a child process (benchServerProcess.ts, SQLite in a temp dir) with its memory
 * measured apart from the clients', lobby requests, raw socket.io clients of one seat
 * each (as boardgame.io's client would sync), and the figures' arithmetic.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { FromServer, ToServer } from './benchServerProcess.js';

/** The running server as a benchmark sees it. */
export interface BenchServer {
  base: string;
  /** Its memory before any load, after a forced garbage collection. */
  before: NodeJS.MemoryUsage;
  /** Every error line it logged once it was ready. */
  errors: string[];
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The CPU time it has used so far. */
  cpu(): Promise<NodeJS.CpuUsage>;
}

/** Run `bench` against a fresh server process with SQLite in a temp dir; both go afterwards. `profile` writes a CPU profile to ./profiles. */
export async function withBenchServer(profile: boolean, bench: (server: BenchServer) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triangles-bench-'));
  const errors: string[] = [];
  let ready = false;
  const child = startServerProcess(dataDir, (line) => (ready ? errors.push(line) : console.log(line)), profile);
  try {
    const base = await child.ready;
    ready = true;
    await bench({ base, before: await child.memory(), errors, memory: child.memory, cpu: child.cpu });
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The server child; `ready` resolves with its address once it listens. */
function startServerProcess(dataDir: string, onLog: (line: string) => void, profile = false) {
  const child = fork(fileURLToPath(new URL('./benchServerProcess.ts', import.meta.url)), {
    // As npm start runs it: production builds of immer and boardgame.io skip their development checks.
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir },
    execArgv: ['--import', 'tsx', '--expose-gc', ...(profile ? ['--cpu-prof', '--cpu-prof-dir=profiles'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<(usage: NodeJS.MemoryUsage) => void> = [];
  const waitingCpu: Array<(usage: NodeJS.CpuUsage) => void> = [];
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process exited (code ${code}) before it was ready`)));
    child.on('message', (message: FromServer) => {
      if (message.kind === 'ready') resolve(message.url);
      else if (message.kind === 'memory') waiting.shift()?.(message.usage);
      else if (message.kind === 'cpu') waitingCpu.shift()?.(message.usage);
      else onLog(message.line);
    });
  });
  const ask = (message: ToServer) => child.send(message);
  return {
    ready,
    /** The server's memory after a forced garbage collection. */
    memory: () => new Promise<NodeJS.MemoryUsage>((resolve) => (waiting.push(resolve), ask('memory'))),
    cpu: () => new Promise<NodeJS.CpuUsage>((resolve) => (waitingCpu.push(resolve), ask('cpu'))),
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), ask('stop'))),
  };
}

export async function post(url: string, body: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** boardgame.io's state as a socket receives it: the seat's (or Control's, or a spectator's) view in G. */
export interface SeenState<G> {
  G: G;
  ctx: { gameover?: unknown };
  _stateID: number;
}

/** A deltalog entry as a socket receives it: another seat's move arguments are redacted. */
export type LogEntry = { action?: { type?: string; payload?: { type?: string; playerID?: string; args?: unknown[] } } };

export interface SeatSocketEvents<G> {
  /** The match as synced on connecting (`update` null), or an update with the moves that made it. */
  onState(state: SeenState<G>, update: { log: LogEntry[] | undefined } | null): void;
  onError(message: string): void;
  /** Every socket.io message received, by its size in characters. */
  onMessage?(size: number): void;
}

/**
 * One raw socket.io client of a match's seat (playerID null: a spectator), syncing as
 * boardgame.io's client does; `synced` resolves on the first sync, or on a failure, so a
 * socket that cannot connect does not hold up others. `connect` adds socket.io-client
 * options (bench:abuse: the attacker's own source address, a parser that skips decoding).
 */
export function seatSocket<G>(
  base: string,
  matchID: string,
  playerID: string | null,
  credentials: string | undefined,
  numPlayers: number,
  label: string,
  events: SeatSocketEvents<G>,
  connect: Record<string, unknown> = {},
): { socket: Socket; synced: Promise<void> } {
  const socket = io(`${base}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false, ...connect });
  const synced = new Promise<void>((resolve) => ['sync', 'connect_error', 'disconnect'].forEach((event) => socket.once(event, () => resolve())));
  socket.on('sync', (_id: string, info: { state: SeenState<G> }) => events.onState(info.state, null));
  socket.on('update', (_id: string, state: SeenState<G>, log?: LogEntry[]) => events.onState(state, { log }));
  socket.on('triangles:refused', (reason: string) => events.onError(`${label}: refused: ${reason}`));
  socket.on('connect_error', (error: Error) => events.onError(`${label}: cannot connect: ${error.message}`));
  socket.on('disconnect', (reason: string) => {
    if (reason !== 'io client disconnect') events.onError(`${label}: disconnected: ${reason}`);
  });
  socket.on('connect', () => socket.emit('sync', matchID, playerID, credentials, numPlayers));
  if (events.onMessage) {
    socket.io.engine.on('packet', ({ type, data }) => {
      if (type === 'message' && typeof data === 'string') events.onMessage!(data.length);
    });
  }
  return { socket, synced };
}

/** A move as boardgame.io's client sends it, for the stateID the seat last saw. */
export function sendMove(socket: Socket, matchID: string, playerID: string, credentials: string, stateID: number, type: string, args: unknown[]): void {
  socket.emit('update', { type: 'MAKE_MOVE', payload: { type, args, playerID, credentials } }, stateID, matchID, playerID);
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** "p50 … ms, p95 … ms, p99 … ms, max … ms over N moves" of a list of milliseconds. */
export function latencySummary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q).toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms over ${sorted.length} moves`;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
export const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** CPU seconds (user + system) between two readings. */
export function cpuSeconds(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1e6;
}

/** The server's memory per unit of load (after GC, minus the same before the load). */
export function memoryLine(before: NodeJS.MemoryUsage, during: NodeJS.MemoryUsage, count: number, unit: string): string {
  return (
    `server memory per active ${unit} (after GC, minus before): heap ${kb((during.heapUsed - before.heapUsed) / count)} kB, RSS ${kb((during.rss - before.rss) / count)} kB ` +
    `(heap ${mb(before.heapUsed)} → ${mb(during.heapUsed)} MB, RSS ${mb(before.rss)} → ${mb(during.rss)} MB)`
  );
}
