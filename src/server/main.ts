/**
 * `npm start`: the game server on PORT (default 8000), serving the built client, with
 * matches stored in SQLite under DATA_DIR (default ./data) unless DATABASE_URL names a
 * PostgreSQL database; REDIS_URL shares live updates between several processes.
 * HOST (default 127.0.0.1), CLIENT_DIR (default dist/, or "none"), ORIGINS (extra page
 * origins allowed to open sockets, comma-separated), TRUST_PROXY, and the limits on each
 * client and match (LIMIT_*, MAX_MATCH_MOVES: limits.ts). See docs/DEPLOY.md.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { ConfigError, readConfig } from './config.js';
import { loadScenarioFolder } from './scenarios.js';
import { startServer } from './server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const config = readConfig(process.env, { clientDir: `${root}dist` });
  const scenarioDir = `${root}scenarios`;
  const scenarios = loadScenarioFolder(scenarioDir);
  const server = await startServer(config, { scenarios, scenarioDir, defaultScenario: DEFAULT_SCENARIO });
  // A stray rejection in one match must not stop every other match.
  process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : (error.stack ?? error.message));
  process.exit(1);
});
