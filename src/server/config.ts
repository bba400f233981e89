/**
 * The server's settings, read from the environment once at start and checked, so a
 * typo in PORT or DATABASE_URL stops the process with a message naming the variable
 * instead of failing later somewhere else.
 */
import { DEFAULT_LIMITS, LIMIT_VARIABLES, type Limits, type Rate } from './limits.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** Where the embedded SQLite file lives when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** The built client to serve; absent in tests that drive only sockets and the API. */
  clientDir: string | null;
  /** Extra page origins allowed to open sockets (the page's own origin always is). */
  origins: string[];
  /** Behind a proxy: take the client's address from X-Forwarded-For (for rate limits). */
  trustProxy?: boolean;
  /** The limits on each client and each match (limits.ts); those left out keep their defaults. */
  limits?: Partial<Limits>;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv, defaults: { clientDir: string | null }): ServerConfig {
  return {
    port: readPort(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: env.DATA_DIR?.trim() || './data',
    databaseUrl: readUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    redisUrl: readUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    // CLIENT_DIR=none serves only the API and sockets (test servers, an API-only process behind a proxy).
    clientDir: env.CLIENT_DIR?.trim() === 'none' ? null : env.CLIENT_DIR?.trim() || defaults.clientDir,
    origins: (env.ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1',
    limits: readLimits(env),
  };
}

function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_VARIABLES) as Array<keyof Limits>) {
    const name = LIMIT_VARIABLES[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    if (key === 'matchMoves') limits.matchMoves = readCount(name, raw);
    else limits[key] = readRate(name, raw);
  }
  return limits;
}

/** `BURST,PER_MINUTE`: how many at once, then how many a minute. */
function readRate(name: string, raw: string): Rate {
  const parts = raw.split(',');
  if (parts.length !== 2) throw new ConfigError(`${name} must be BURST,PER_MINUTE (two whole numbers, like "30,120"), got "${raw}"`);
  return { burst: readCount(name, parts[0]!), perMinute: readCount(name, parts[1]!) };
}

function readCount(name: string, raw: string): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isSafeInteger(n) || n < 1) throw new ConfigError(`${name} takes whole numbers of 1 or more, got "${raw}"`);
  return n;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 8000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  return port;
}

function readUrl(name: string, raw: string | undefined, protocols: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} is not a URL: "${redact(raw)}"`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${url.protocol}//..."`);
  return raw.trim();
}

/** Never echo a password from a connection string into a log. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
