/** Conversions between boardgame.io's objects and table rows, shared by the SQL adapters. */
import type { LogEntry, Server } from 'boardgame.io';
import type { FetchOpts, FetchResult, ListMatchesOpts } from 'boardgame.io/dist/types/src/server/db/base';
import { StaleStateError } from './staleState.js';
import type { StoredChatMessage } from './types.js';

/** The metadata fields copied into indexed columns (see schema.ts). */
export function listedColumns(metadata: Server.MatchData): { gameName: string; gameover: 0 | 1; updatedAt: number } {
  // boardgame.io's master treats a null gameover like a missing one (the match goes on), so listing does too.
  const over = metadata.gameover !== undefined && metadata.gameover !== null;
  return { gameName: metadata.gameName, gameover: over ? 1 : 0, updatedAt: metadata.updatedAt };
}

/**
 * The WHERE clause for listMatches, with the semantics of boardgame.io's InMemory
 * storage (strict before/after). `placeholder(n)` writes the n-th parameter (`?` or `$n`).
 */
export function listFilter(opts: ListMatchesOpts | undefined, placeholder: (n: number) => string): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (condition: string, value: string | number): void => {
    params.push(value);
    clauses.push(`${condition} ${placeholder(params.length)}`);
  };
  if (opts?.gameName !== undefined) add('game_name =', opts.gameName);
  const where = opts?.where;
  if (where?.isGameover !== undefined) add('gameover =', where.isGameover ? 1 : 0);
  if (where?.updatedBefore !== undefined) add('updated_at <', where.updatedBefore);
  if (where?.updatedAfter !== undefined) add('updated_at >', where.updatedAfter);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

type RowField = 'state' | 'metadata' | 'initialState';
const ROW_COLUMNS: Record<RowField, string> = { state: 'state', metadata: 'metadata', initialState: 'initial_state' };

/** The matches-table columns a fetch asked for, aliased to boardgame.io's field names. */
export function requestedColumns(opts: FetchOpts): string[] {
  return (Object.keys(ROW_COLUMNS) as RowField[]).filter((field) => opts[field]).map((field) => `${ROW_COLUMNS[field]} AS "${field}"`);
}

/**
 * Builds a fetch result holding only what was asked. An unknown match yields no row
 * fields and an empty log, as boardgame.io's own storages do; the server relies on
 * `state` being undefined to recognise an unknown match.
 */
export function fetchResult<O extends FetchOpts>(opts: O, row: Record<string, string> | undefined, logBatches: string[]): FetchResult<O> {
  const result: Record<string, unknown> = {};
  for (const [field, json] of Object.entries(row ?? {})) result[field] = JSON.parse(json);
  if (opts.log) result.log = logBatches.flatMap((batch) => JSON.parse(batch) as LogEntry[]);
  return result as FetchResult<O>;
}

/** Chat rows as selected by both adapters; PostgreSQL returns BIGINT columns as strings. */
export function chatMessage(row: { seq: number; channel: string; from: string; author: string | null; text: string; at: number | string }): StoredChatMessage {
  return { seq: Number(row.seq), channel: row.channel, from: row.from, author: row.author ?? null, text: row.text, at: Number(row.at) };
}

export function unknownMatch(matchID: string, operation: string): Error {
  return new Error(`${operation}: no match ${matchID} in storage`);
}

export function duplicateMatch(matchID: string): Error {
  return new Error(`createMatch: match ${matchID} already exists in storage`);
}

/** Why a compare-and-set wrote nothing: the match is gone, or its stored state is as new or newer. */
export function refusal(matchID: string, storedStateID: number | undefined, attemptedStateID: number): Error {
  return storedStateID === undefined
    ? unknownMatch(matchID, 'setState')
    : new StaleStateError(matchID, storedStateID, attemptedStateID);
}
