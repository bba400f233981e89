/**
 * The game server's lobby API, typed. Every failure becomes a LobbyProblem whose
 * message is meant for the person at the screen (en-lobby.ts), never a raw status.
 */
import type { z } from 'zod';
import type { PowerId } from '../../game/powers.js';
import type { PublicMatch } from '../../server/lobby/matchInfo.js';
import type { createRequest } from '../../server/lobby/requests.js';
import { LOBBY_PROBLEM } from '../../view/text/en-lobby.js';

export type { PublicMatch };
export type MatchSettings = PublicMatch['settings'];
export type CreateMatch = z.input<typeof createRequest>;
export interface ScenarioSummary {
  id: string;
  title: string;
  rounds: number;
}
export interface JoinedSeat {
  power: PowerId;
  playerID: string;
  credentials: string;
  matchID: string;
}

export class LobbyProblem extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** What a refusal means for each kind of request, where the general words would not do. */
export type Wording = Partial<Record<number, (serverSays: string) => string>>;

/** One request to the game server's API; the exercise API (exerciseApi.ts) uses it too. */
export async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, wording: Wording = {}, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new LobbyProblem(LOBBY_PROBLEM.unreachable, 0);
  }
  const text = await response.text().catch(() => '');
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, or a page server with no game server behind it (Vite's dev server).
    throw new LobbyProblem(LOBBY_PROBLEM.unreachable, response.status);
  }
  if (response.ok) return data as T;
  const serverSays = String((data as { error?: unknown } | null)?.error ?? response.statusText);
  const words = wording[response.status] ?? GENERAL[response.status] ?? (response.status >= 500 ? () => LOBBY_PROBLEM.serverTrouble : LOBBY_PROBLEM.refused);
  throw new LobbyProblem(words(serverSays), response.status);
}

const GENERAL: Wording = {
  403: () => LOBBY_PROBLEM.notAllowed,
  409: LOBBY_PROBLEM.conflict,
  429: () => LOBBY_PROBLEM.busy,
};

const matchPath = (code: string) => `/api/matches/${encodeURIComponent(code)}`;
const notFound = (code: string): Wording => ({ 404: () => LOBBY_PROBLEM.notFound(code) });

export const lobbyApi = {
  scenarios: () => call<ScenarioSummary[]>('GET', '/api/scenarios', undefined),
  openMatches: () => call<PublicMatch[]>('GET', '/api/matches', undefined),
  create: (request: CreateMatch) => call<{ matchID: string; hostToken: string }>('POST', '/api/matches', request),
  match: (code: string) => call<PublicMatch>('GET', matchPath(code), undefined, notFound(code)),
  join: (code: string, power: PowerId, name: string) =>
    call<JoinedSeat>('POST', `${matchPath(code)}/join`, { power, name }, { ...notFound(code), 409: () => LOBBY_PROBLEM.seatTaken }),
  leave: (code: string, power: PowerId, credentials: string) => call<{ ok: true }>('POST', `${matchPath(code)}/leave`, { power, credentials }, notFound(code)),
  start: (code: string, hostToken: string) => call<PublicMatch>('POST', `${matchPath(code)}/start`, { hostToken }, notFound(code)),
  settings: (code: string, hostToken: string, settings: MatchSettings) =>
    call<PublicMatch>('POST', `${matchPath(code)}/settings`, { hostToken, settings }, notFound(code)),
};

/** A code as a person typed it ("k7m-2qx "), tidied; the server decides whether it is one. */
export function tidyCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}
