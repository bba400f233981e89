/**
 * The game server as `npm run bench:server` and `bench:classroom` run it (benchHarness.ts):
 * a child process of its own (so its memory is measured apart from the clients'),
 * started by fork() with --expose-gc, on a loopback port with SQLite in DATA_DIR. It talks to the bench over IPC:
 *   → { ready, url }, { memory, usage }, { cpu, usage }, { log, line } (every server error line)
 *   ← 'memory' (collect garbage, then measure), 'cpu' (the CPU time used so far), 'stop'
 * The limits per client address are raised: every bench client comes from one address.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import { startServer } from '../server/server.js';

export type FromServer =
  | { kind: 'ready'; url: string }
  | { kind: 'memory'; usage: NodeJS.MemoryUsage }
  | { kind: 'cpu'; usage: NodeJS.CpuUsage }
  | { kind: 'log'; line: string };
export type ToServer = 'memory' | 'cpu' | 'stop';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = process.env.DATA_DIR;
if (!dataDir || !process.send) {
  console.error('benchServerProcess: run by npm run bench:server or bench:classroom (needs DATA_DIR and an IPC channel)');
  process.exit(2);
}
const tell = (message: FromServer) => process.send!(message);

const lots = { burst: 100_000, perMinute: 100_000 };
const limits = { create: lots, join: lots, lookup: lots, addressMoves: lots, addressSyncs: lots };
const server = await startServer(
  { port: 0, host: '127.0.0.1', dataDir, databaseUrl: null, redisUrl: null, clientDir: null, origins: [], limits },
  {
    scenarios: loadScenarioFolder(`${root}scenarios`),
    defaultScenario: DEFAULT_SCENARIO,
    log: (line) => tell({ kind: 'log', line }),
  },
);

process.on('message', (message: ToServer) => {
  if (message === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    tell({ kind: 'memory', usage: process.memoryUsage() });
  } else if (message === 'cpu') {
    tell({ kind: 'cpu', usage: process.cpuUsage() });
  } else if (message === 'stop') {
    // process.exit() would skip writing a --cpu-prof profile; closing lets the process end by itself.
    void server.close().then(() => process.disconnect());
  }
});
tell({ kind: 'ready', url: server.url });
