/**
 * The saved game in this browser: the match setup and every action, replayed on
 * resume (the rules are deterministic, so this rebuilds the exact game and stays
 * small). A save that does not parse, is from another version or does not replay is
 * reported, never half-loaded.
 */
import { isBotLevel } from '../bots/levels.js';
import { POWERS, isPowerId } from '../game/powers.js';
import type { MatchSetup, RecordedAction } from './net/localMatch.js';

export const SAVE_KEY = 'triangles.save';
/** Bump when the rules or the save format change in a way old saves cannot follow. */
export const SAVE_VERSION = 2;

export interface SavedGame {
  version: number;
  savedAt: string;
  setup: MatchSetup;
  actions: RecordedAction[];
}

export type LoadResult = { kind: 'none' } | { kind: 'ok'; save: SavedGame } | { kind: 'bad'; problem: 'corrupt' | 'version' };

export function writeSave(storage: Storage, setup: MatchSetup, actions: RecordedAction[], now: Date): void {
  const save: SavedGame = { version: SAVE_VERSION, savedAt: now.toISOString(), setup, actions };
  storage.setItem(SAVE_KEY, JSON.stringify(save));
}

export function clearSave(storage: Storage): void {
  storage.removeItem(SAVE_KEY);
}

export function readSave(storage: Storage): LoadResult {
  const text = storage.getItem(SAVE_KEY);
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'bad', problem: 'corrupt' };
  }
  if (typeof data !== 'object' || data === null) return { kind: 'bad', problem: 'corrupt' };
  const save = data as Partial<SavedGame>;
  if (save.version !== SAVE_VERSION) return typeof save.version === 'number' ? { kind: 'bad', problem: 'version' } : { kind: 'bad', problem: 'corrupt' };
  if (!isSetup(save.setup) || !Array.isArray(save.actions) || !save.actions.every(isRecordedAction) || typeof save.savedAt !== 'string') {
    return { kind: 'bad', problem: 'corrupt' };
  }
  return { kind: 'ok', save: save as SavedGame };
}

function isSetup(value: unknown): value is MatchSetup {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.scenario === 'string' &&
    typeof s.seed === 'string' &&
    (s.rounds === undefined || Number.isInteger(s.rounds)) &&
    isBotLevel(s.botLevel) &&
    Array.isArray(s.humans) &&
    s.humans.length >= 1 &&
    s.humans.every((p) => isPowerId(p)) &&
    new Set(s.humans).size === s.humans.length &&
    s.humans.length <= POWERS.length
  );
}

/** Only the shape; whether each action is legal is decided when it is replayed. */
function isRecordedAction(value: unknown): value is RecordedAction {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (!isPowerId(r.power) || typeof r.action !== 'object' || r.action === null) return false;
  const a = r.action as Record<string, unknown>;
  return (a.type === 'orders' && Array.isArray(a.orders)) || (a.type === 'decide' && typeof a.option === 'string');
}
